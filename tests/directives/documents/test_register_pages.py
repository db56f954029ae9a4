"""The office registers, edits, publishes and revokes through web forms; history shows on the page."""

import pytest

from directives.documents.constants import DocumentStatus
from directives.documents.models import Document
from tests.directives.factories import ClauseFactory, DraftFactory

pytestmark = pytest.mark.django_db


def _data(**extra):
    data = {
        "kind": "official_letter",
        "number": "2629/UBND",
        "issuer": "Ủy ban nhân dân huyện",
        "issued_on": "04/06/2021",
        "subject": "Thay đổi phương thức làm việc",
        "clauses-TOTAL_FORMS": "2",
        "clauses-INITIAL_FORMS": "0",
        "clauses-0-number": "1",
        "clauses-0-text": "Thực hiện nghiêm.",
        "clauses-1-number": "2",
        "clauses-1-text": "Không quá 1/2.",
    }
    data.update(extra)
    return data


def test_office_registers_a_draft_with_clauses_and_publishes_it(office_client, office_user):
    response = office_client.post("/directives/register/new/", _data())
    document = Document.objects.get()
    assert response.url == f"/directives/register/{document.pk}/"
    assert document.issued_on.isoformat() == "2021-06-04"
    assert list(document.clauses.values_list("number", flat=True)) == ["1", "2"]
    assert document.created_by == office_user
    office_client.post(f"/directives/register/{document.pk}/publish/")
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED
    assert document.published_by == office_user
    page = office_client.get(f"/directives/register/{document.pk}/").text
    assert "Lịch sử" in page
    assert office_user.get_full_name() in page


def test_duplicate_number_shows_the_message_at_the_number_field(office_client):
    office_client.post("/directives/register/new/", _data())
    response = office_client.post("/directives/register/new/", _data(subject="Khác"))
    assert response.status_code == 200
    assert "đã được đăng ký" in " ".join(response.context["form"].errors["number"])
    assert Document.objects.count() == 1


def test_published_document_form_is_read_only_and_refuses_changes(office_client):
    document = DraftFactory(status=DocumentStatus.PUBLISHED, subject="Trích yếu gốc")
    ClauseFactory(document=document, number="1", text="Gốc")
    page = office_client.get(f"/directives/register/{document.pk}/edit/")
    assert page.context["frozen"]
    assert "disabled" in page.text
    response = office_client.post(
        f"/directives/register/{document.pk}/edit/",
        _data(number=document.number, subject="Đã sửa", **{"clauses-0-text": "Đã sửa"}),
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.subject == "Trích yếu gốc"
    assert document.clauses.get().text == "Gốc"


def test_office_edits_a_draft_and_removes_a_clause(office_client):
    document = DraftFactory()
    keep = ClauseFactory(document=document, number="1", text="Giữ")
    drop = ClauseFactory(document=document, number="2", text="Bỏ")
    response = office_client.post(
        f"/directives/register/{document.pk}/edit/",
        _data(
            number=document.number,
            **{
                "clauses-TOTAL_FORMS": "2",
                "clauses-INITIAL_FORMS": "2",
                "clauses-0-id": keep.pk,
                "clauses-0-number": "1",
                "clauses-0-text": "Giữ, đã sửa",
                "clauses-1-id": drop.pk,
                "clauses-1-number": "2",
                "clauses-1-text": "Bỏ",
                "clauses-1-DELETE": "on",
            },
        ),
    )
    assert response.status_code == 302
    assert list(document.clauses.values_list("text", flat=True)) == ["Giữ, đã sửa"]


def test_office_revokes_a_published_document(office_client):
    document = DraftFactory(status=DocumentStatus.PUBLISHED)
    response = office_client.post(
        f"/directives/register/{document.pk}/revoke/",
        {"revoked_on": "01/07/2021", "reason": "Đã có văn bản mới"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVOKED
    assert document.revoked_on.isoformat() == "2021-07-01"


def test_heads_cannot_reach_the_register(head_client):
    document = DraftFactory()
    assert head_client.get("/directives/register/").status_code == 404
    assert head_client.get("/directives/register/new/").status_code == 404
    assert head_client.post(f"/directives/register/{document.pk}/publish/").status_code == 404


def test_register_detail_queries_do_not_grow_with_clauses(office_client, django_assert_max_num_queries):
    document = DraftFactory()
    for n in range(3):
        ClauseFactory(document=document, number=str(n + 1))
    with django_assert_max_num_queries(30) as few:
        office_client.get(f"/directives/register/{document.pk}/")
    for n in range(3, 20):
        ClauseFactory(document=document, number=str(n + 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        office_client.get(f"/directives/register/{document.pk}/")


def test_a_later_letter_names_the_letter_it_supersedes_when_it_is_registered(office_client):
    from directives.documents.constants import ReferenceRelation
    from tests.factories import WorkModePolicyFactory

    old = WorkModePolicyFactory(directive__number="2629/UBND").directive
    form = office_client.get("/directives/register/new/").content.decode()
    assert 'name="supersedes"' in form and "2629/UBND" in form
    office_client.post(
        "/directives/register/new/", _data(number="3015/UBND", issued_on="30/06/2021", supersedes=old.pk)
    )
    new = Document.objects.get(number="3015/UBND")
    assert list(new.outgoing_references.values_list("relation", "target__number")) == [
        (ReferenceRelation.SUPERSEDES, "2629/UBND")
    ]
    policy_form = office_client.get(f"/directives/register/{new.pk}/policy/").content.decode()
    assert 'id="policy-prefilled"' in policy_form  # starts from the rules it replaces


def test_a_draft_cannot_be_named_as_superseded(office_client):
    draft = DraftFactory(number="9000/UBND")
    page = office_client.post("/directives/register/new/", _data(number="3015/UBND", supersedes=draft.pk))
    assert page.status_code == 200 and not Document.objects.filter(number="3015/UBND").exists()
    assert "Lựa chọn không hợp lệ" in page.content.decode() or "Hãy chọn" in page.content.decode()
