"""The reference graph: typed links, no self-reference, no amend/supersede cycle."""

import pytest
from django.core.exceptions import ValidationError

from directives.documents import services
from directives.documents.constants import DocumentStatus, ReferenceRelation
from directives.documents.models import DocumentReference
from tests.directives.factories import DraftFactory
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_document_cannot_supersede_itself():
    document = DraftFactory()
    with pytest.raises(ValidationError) as exc:
        services.reference_add(source=document, target=document, relation=ReferenceRelation.SUPERSEDES)
    assert exc.value.error_dict["target"][0].code == "self_reference"


def test_supersede_cycle_is_refused_through_other_documents():
    first, second, third = DraftFactory(), DraftFactory(), DraftFactory()
    services.reference_add(source=third, target=second, relation=ReferenceRelation.SUPERSEDES)
    services.reference_add(source=second, target=first, relation=ReferenceRelation.AMENDS)
    with pytest.raises(ValidationError) as exc:
        services.reference_add(source=first, target=third, relation=ReferenceRelation.SUPERSEDES)
    assert exc.value.error_dict["target"][0].code == "reference_cycle"
    assert "vòng" in exc.value.message_dict["target"][0]
    assert DocumentReference.objects.count() == 2


def test_refers_to_back_and_forth_is_not_a_cycle():
    first, second = DraftFactory(), DraftFactory()
    services.reference_add(source=first, target=second, relation=ReferenceRelation.SUPERSEDES)
    services.reference_add(source=second, target=first, relation=ReferenceRelation.REFERS_TO)
    assert DocumentReference.objects.count() == 2


def test_published_document_gets_no_new_references():
    published = DocumentFactory(status=DocumentStatus.PUBLISHED)
    with pytest.raises(ValidationError) as exc:
        services.reference_add(source=published, target=DraftFactory(), relation=ReferenceRelation.REFERS_TO)
    assert exc.value.code == "document_frozen"


def test_duplicate_reference_is_refused():
    source, target = DraftFactory(), DocumentFactory()
    services.reference_add(source=source, target=target, relation=ReferenceRelation.IMPLEMENTS)
    with pytest.raises(ValidationError):
        services.reference_add(source=source, target=target, relation=ReferenceRelation.IMPLEMENTS)


def test_cycle_refused_in_the_web_form_with_a_message(office_client):
    first, second = DraftFactory(), DraftFactory()
    services.reference_add(source=second, target=first, relation=ReferenceRelation.SUPERSEDES)
    response = office_client.post(
        f"/directives/register/{first.pk}/references/",
        {"relation": ReferenceRelation.SUPERSEDES, "target": second.pk},
        follow=True,
    )
    assert "vòng" in response.text
    assert not DocumentReference.objects.filter(source=first).exists()


def test_a_refused_reference_comes_back_on_the_page_at_the_document_field(office_client):
    first, second = DraftFactory(number="2600/UBND"), DraftFactory(number="2629/UBND")
    services.reference_add(source=first, target=second, relation=ReferenceRelation.SUPERSEDES)
    response = office_client.post(
        f"/directives/register/{second.pk}/references/",
        {"relation": ReferenceRelation.SUPERSEDES, "target": first.pk},
    )
    assert response.status_code == 200
    assert "vòng" in " ".join(response.context["reference_form"].errors["target"])
    assert response.context["reference_form"]["target"].value() == str(first.pk)
    assert DocumentReference.objects.count() == 1


def test_a_recorded_reference_says_so(office_client):
    first, second = DraftFactory(number="2600/UBND"), DraftFactory(number="2629/UBND")
    response = office_client.post(
        f"/directives/register/{second.pk}/references/",
        {"relation": ReferenceRelation.REFERS_TO, "target": first.pk},
    )
    assert response.status_code == 302
    assert "Đã ghi nhận" in office_client.get(response.url).text
