"""The preview, compare and publish pages of the district office, as a clerk uses them."""

import pytest

from directives.documents.constants import DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.notifications.models import Notification
from staffing.registry.constants import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

FORM = {
    "effective_from": "08/06/2021",
    "effective_until": "",
    "ratio": "1/4",
    "citizen_reception_suspended": "on",
    "inspections_restricted": "on",
    "in_person_intake_restricted": "on",
    "pre_cutoff_date": "03/06/2021",
    "free_postal_return": "on",
}


@pytest.fixture
def office(client):
    client.force_login(user_with_role(Role.DISTRICT_OFFICE, username="van-phong-huyen"))
    return client


def test_the_form_values_are_previewed_then_saved_and_published_in_one_step(office, world):
    letter = world["letter"]
    WorkModePolicy.objects.filter(directive=letter).delete()
    page = office.post(f"/directives/register/{letter.pk}/policy/preview/", FORM)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phòng Văn hóa" in html and 'id="preview-over-cap"' in html
    assert not WorkModePolicy.objects.filter(directive=letter).exists()  # nothing saved by the preview
    assert 'name="ratio" value="1/4"' in html  # the values travel on to "Save and publish"
    done = office.post(f"/directives/register/{letter.pk}/policy/", {**FORM, "action": "save_publish"})
    assert done.status_code == 302
    letter.refresh_from_db()
    assert letter.status == DocumentStatus.PUBLISHED and letter.policy.ratio_display == "1/4"
    assert Notification.objects.filter(recipient=world["head"], kind="policy_over_cap").count() == 1


def test_a_refused_value_goes_back_to_the_form_with_its_message(office, world):
    page = office.post(f"/directives/register/{world['letter'].pk}/policy/preview/", {**FORM, "ratio": "5/4"})
    assert page.status_code == 200 and 'id="policy-preview-button"' in page.content.decode()
    assert "không thể lớn hơn" in page.content.decode()


def test_back_to_the_form_keeps_the_values_and_saves_nothing(office, world):
    page = office.post(
        f"/directives/register/{world['letter'].pk}/policy/", {**FORM, "ratio": "2/3", "action": "edit"}
    )
    assert page.status_code == 200 and 'value="2/3"' in page.content.decode()
    assert WorkModePolicy.objects.get(directive=world["letter"]).ratio_display == "1/4"


def test_the_saved_draft_policy_previews_its_publication(office, world):
    page = office.get(f"/directives/register/{world['letter'].pk}/policy/preview/")
    assert page.status_code == 200 and "Phòng Văn hóa" in page.content.decode()
    other_day = office.get(
        f"/directives/register/{world['letter'].pk}/policy/preview/", {"day": "31/12/9999"}
    )
    assert other_day.status_code == 200 and "31/12/9999" in other_day.content.decode()


def test_nobody_but_the_office_reaches_the_preview(client, world):
    url = f"/directives/register/{world['letter'].pk}/policy/preview/"
    assert client.get(url).status_code in (302, 404)
    client.force_login(world["head"])
    assert client.get(url).status_code == 404
    assert client.post(url, FORM).status_code == 404


def test_two_policies_compared_rule_by_rule_and_on_the_public_page(client, world):
    old = WorkModePolicy.objects.get(directive__number="2629/UBND")
    new = WorkModePolicy.objects.get(directive=world["letter"])
    assert client.get(f"/directives/policies/compare/?a={old.pk}&b={new.pk}").status_code == 404  # a draft
    Document.objects.filter(pk=world["letter"].pk).update(status=DocumentStatus.PUBLISHED)
    page = client.get(f"/directives/policies/compare/?a={old.pk}&b={new.pk}").content.decode()
    assert "1/2" in page and "1/4" in page and "có, từ 08/06/2021" in page
    public = client.get(f"/directives/{world['letter'].pk}/").content.decode()
    assert "Thay đổi so với 2629/UBND" in public
    assert client.get("/directives/policies/compare/?a=x&b=1").status_code == 404


def test_the_publish_page_links_to_the_preview(office, world):
    page = office.get(f"/directives/register/{world['letter'].pk}/publish/").content.decode()
    assert f"/directives/register/{world['letter'].pk}/policy/preview/" in page


def test_the_public_policy_page_says_what_changed_from_the_letter_replaced(client, world):
    from directives.documents.services import document_publish

    document_publish(document=world["letter"], user=None)
    page = client.get("/directives/policy/").content.decode()
    assert "Thay đổi so với 2629/UBND" in page and "1/4" in page
