"""Public pages: only published (and revoked, marked) documents; the reference graph from both ends."""

import datetime

import pytest

from directives.documents import services
from directives.documents.constants import DocumentStatus, ReferenceRelation
from tests.directives.factories import ClauseFactory, DraftFactory, published_directive_with_policy
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_list_shows_published_and_revoked_but_not_drafts(client):
    DocumentFactory(number="2629/UBND")
    DocumentFactory(number="2400/UBND", status=DocumentStatus.REVOKED, revoked_on=datetime.date(2021, 7, 1))
    DraftFactory(number="9999/UBND")
    response = client.get("/directives/")
    assert response.status_code == 200
    assert "2629/UBND" in response.text
    assert "2400/UBND" in response.text
    assert "Đã thu hồi" in response.text
    assert "9999/UBND" not in response.text


def test_draft_detail_is_404_for_the_public_and_for_heads(client, head_client):
    draft = DraftFactory()
    assert client.get(f"/directives/{draft.pk}/").status_code == 404
    assert head_client.get(f"/directives/{draft.pk}/").status_code == 404
    assert head_client.get(f"/directives/register/{draft.pk}/").status_code == 404


def test_leadership_reads_drafts_in_the_register(client):
    from staffing.registry.constants import Role
    from tests.factories import user_with_role

    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    draft = DraftFactory(number="9999/UBND")
    response = client.get(f"/directives/register/{draft.pk}/")
    assert response.status_code == 200
    assert "Sửa dự thảo" not in response.text
    assert client.get("/directives/register/new/").status_code == 404


def test_detail_shows_clauses_and_references_from_both_ends(client, office_user):
    city = DocumentFactory(number="1803/UBND-VX")
    letter = DraftFactory(number="2629/UBND")
    ClauseFactory(document=letter, number="3.1 b", text="Trường hợp đặc biệt, cấp bách")
    services.reference_add(source=letter, target=city, relation=ReferenceRelation.IMPLEMENTS)
    services.document_publish(document=letter, user=office_user)

    page = client.get(f"/directives/{letter.pk}/").text
    assert "3.1 b" in page and "Trường hợp đặc biệt, cấp bách" in page
    assert f'href="/directives/{city.pk}/"' in page
    assert "Triển khai thực hiện" in page
    back = client.get(f"/directives/{city.pk}/").text
    assert f'href="/directives/{letter.pk}/"' in back


def test_search_and_kind_filter_and_pagination(client):
    for n in range(25):
        DocumentFactory(number=f"{100 + n}/UBND", subject=f"Văn bản số {n}")
    DocumentFactory(number="55/QĐ-UBND", kind="decision", subject="Quyết định ban hành danh mục")
    assert "55/QĐ-UBND" in client.get("/directives/?kind=decision").text
    assert "55/QĐ-UBND" in client.get("/directives/?q=danh+mục").text
    first = client.get("/directives/")
    assert first.context["page_obj"].paginator.num_pages == 2
    assert "page=2" in first.text


def test_policy_page_says_what_is_in_force_today_and_since_when(client):
    published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    response = client.get("/directives/policy/")
    assert response.status_code == 200
    assert "1/2" in response.text
    assert "04/06/2021" in response.text
    assert "2629/UBND" in response.text


def test_policy_page_says_normal_operations_when_nothing_is_in_force(client):
    response = client.get("/directives/policy/")
    assert "Hoạt động bình thường" in response.text


def test_public_home_shows_policy_and_latest_directives(client):
    published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    response = client.get("/")
    assert "Chính sách đang áp dụng" in response.text
    assert "2629/UBND" in response.text
