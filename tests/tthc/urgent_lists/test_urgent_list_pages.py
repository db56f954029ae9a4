"""Office pages of the urgent list (district office composes and publishes) and its public pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from staffing.registry.constants import Role
from tests.factories import DocumentFactory, ProcedureFactory, urgent_list_published, user_with_role
from tthc.urgent_lists.models import UrgentList
from tthc.urgent_lists.services import urgent_list_create_draft, urgent_list_set_items

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def letter():
    return DocumentFactory(number="2629/UBND", issued_on=D(2021, 6, 4))


@pytest.fixture
def birth():
    return ProcedureFactory(code="1.001193", name="Đăng ký khai sinh")


@pytest.fixture
def marriage():
    return ProcedureFactory(code="1.000894", name="Đăng ký kết hôn")


@pytest.fixture
def draft(office_user, letter, birth):
    draft = urgent_list_create_draft(by=office_user, directive=letter)
    urgent_list_set_items(urgent_list=draft, items=[(birth, "")], by=office_user)
    return draft


# Who may compose -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.AGENCY_HEAD, Role.ONE_STOP_OFFICER, Role.STAFF_MEMBER])
def test_agency_roles_cannot_see_or_compose_the_lists(client, agency, draft, role):
    client.force_login(user_with_role(role, agency))
    assert client.get(reverse("tthc:urgent-list-index")).status_code == 404
    assert client.get(reverse("tthc:urgent-list-compose", args=[draft.pk])).status_code == 404
    response = client.post(
        reverse("tthc:urgent-list-publish", args=[draft.pk]), {"effective_from": "04/06/2030"}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_district_leadership_reads_but_cannot_compose(client, draft):
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    assert client.get(reverse("tthc:urgent-list-detail", args=[draft.pk])).status_code == 200
    assert client.get(reverse("tthc:urgent-list-compose", args=[draft.pk])).status_code == 404
    assert client.post(reverse("tthc:urgent-list-create"), {"copy_in_force": ""}).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client, draft):
    response = client.get(reverse("tthc:urgent-list-compose", args=[draft.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


# Composing and publishing ----------------------------------------------------------------------------


def test_office_creates_a_draft_copying_the_version_in_force(office_client, letter, birth):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    response = office_client.post(reverse("tthc:urgent-list-create"), {"copy_in_force": "on"})
    draft = UrgentList.objects.get(status="draft")
    assert response.status_code == 302 and response.url == reverse(
        "tthc:urgent-list-compose", args=[draft.pk]
    )
    assert list(draft.items.values_list("procedure__code", flat=True)) == ["1.001193"]


def test_office_composes_with_conditions(office_client, draft, letter, birth, marriage):
    url = reverse("tthc:urgent-list-compose", args=[draft.pk])
    page = office_client.get(url)
    assert page.status_code == 200
    assert 'id="procedure-filter"' in page.content.decode()
    response = office_client.post(
        url,
        {
            "directive": letter.pk,
            "title": "Đợt 2",
            "procedures": [marriage.pk],
            f"conditions-{marriage.pk}": "Chỉ khi một bên sắp xuất cảnh",
            f"conditions-{birth.pk}": "ignored: not chosen",
        },
    )
    assert response.status_code == 302
    assert dict(draft.items.values_list("procedure__code", "conditions")) == {
        "1.000894": "Chỉ khi một bên sắp xuất cảnh"
    }


def test_overlong_conditions_are_refused_at_the_list(office_client, draft, letter, birth):
    url = reverse("tthc:urgent-list-compose", args=[draft.pk])
    response = office_client.post(
        url, {"directive": letter.pk, "procedures": [birth.pk], f"conditions-{birth.pk}": "x" * 501}
    )
    assert response.status_code == 200
    assert "1.001193" in response.context["form"].errors["procedures"][0]
    assert draft.items.get().conditions == ""


def test_office_publishes_with_an_effective_date(office_client, draft):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = office_client.post(
        reverse("tthc:urgent-list-publish", args=[draft.pk]),
        {"effective_from": tomorrow.strftime("%d/%m/%Y")},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.version, draft.effective_from) == ("published", 1, tomorrow)


def test_publishing_in_the_past_is_refused_with_a_message(office_client, draft):
    response = office_client.post(
        reverse("tthc:urgent-list-publish", args=[draft.pk]), {"effective_from": "01/01/2020"}, follow=True
    )
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "Ngày có hiệu lực không được trước ngày hôm nay" in response.content.decode()


def test_a_published_version_cannot_be_recomposed(office_client, birth, letter):
    published = urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    url = reverse("tthc:urgent-list-compose", args=[published.pk])
    assert office_client.get(url).status_code == 302
    office_client.post(url, {"directive": letter.pk, "procedures": []})
    assert published.items.count() == 1


def test_every_version_is_listed_and_the_detail_shows_the_changes(office_client, letter, birth, marriage):
    urgent_list_published(procedures=[birth, marriage], effective_from=D(2021, 6, 4), directive=letter)
    v2 = urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 15), directive=letter)
    index = office_client.get(reverse("tthc:urgent-list-index")).content.decode()
    assert "phiên bản 1" in index and "phiên bản 2" in index
    detail = office_client.get(reverse("tthc:urgent-list-detail", args=[v2.pk])).content.decode()
    assert 'class="list-unstyled diff-removed' in detail
    assert "Đăng ký kết hôn" in detail.split("diff-removed")[1].split("</ul>")[0]


# Public pages -----------------------------------------------------------------------------------------


def test_public_page_shows_the_list_in_force_with_its_directive(client, letter, birth, marriage):
    urgent_list_published(procedures=[birth, marriage], effective_from=D(2021, 6, 4), directive=letter)
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 15), directive=letter)
    page = client.get(reverse("tthc:public-urgent-list"), {"date": "10/06/2021"}).content.decode()
    assert "Danh mục thủ tục hành chính đặc biệt, cấp bách được tiếp nhận trực tiếp" in page
    assert "2629/UBND" in page and "04/06/2021" in page
    assert "Đăng ký kết hôn" in page
    later = client.get(reverse("tthc:public-urgent-list"), {"date": "15/06/2021"}).content.decode()
    assert "Đăng ký kết hôn" not in later


def test_public_page_before_any_list_says_so(client, letter, birth):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    page = client.get(reverse("tthc:public-urgent-list"), {"date": "03/06/2021"}).content.decode()
    assert "Đăng ký khai sinh" not in page
    assert "Ngày này không có danh mục" in page


def test_public_page_is_printable(client, letter, birth):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    page = client.get(reverse("tthc:public-urgent-list")).content.decode()
    assert "window.print()" in page
    assert "navbar navbar-expand-lg navbar-dark bg-primary d-print-none" in page
    assert "urgent-list-table" in page


def test_a_malformed_date_is_shown_at_the_field(client):
    response = client.get(reverse("tthc:public-urgent-list"), {"date": "31/02/2021"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


def test_the_atom_feed_lists_every_version(client, letter, birth):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 15), directive=letter)
    response = client.get(reverse("tthc:public-urgent-list-feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.count("<entry>") == 2
    assert reverse("tthc:public-urgent-list-version", args=[2]) in body


def test_drafts_are_not_public(client, draft):
    assert client.get(reverse("tthc:public-urgent-list-versions")).content.decode().count("Phiên bản") == 0
    assert client.get(reverse("tthc:public-urgent-list-feed")).content.decode().count("<entry>") == 0


def test_public_diff_page_compares_two_versions(client, letter, birth, marriage):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    urgent_list_published(procedures=[birth, marriage], effective_from=D(2021, 6, 15), directive=letter)
    page = client.get(reverse("tthc:public-urgent-list-diff"), {"old": 1, "new": 2}).content.decode()
    added = page.split("diff-added")[1].split("</ul>")[0]
    assert "Đăng ký kết hôn" in added


def test_public_version_page_shows_the_changes_from_the_previous(client, letter, birth, marriage):
    urgent_list_published(procedures=[birth, marriage], effective_from=D(2021, 6, 4), directive=letter)
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 15), directive=letter)
    page = client.get(reverse("tthc:public-urgent-list-version", args=[2])).content.decode()
    assert "Thay đổi so với phiên bản 1" in page
    assert "Đăng ký kết hôn" in page.split("diff-removed")[1].split("</ul>")[0]


def test_public_list_page_queries_do_not_grow_with_items(client, letter, django_assert_max_num_queries):
    procedures = [ProcedureFactory() for _ in range(30)]
    urgent_list_published(procedures=procedures, effective_from=D(2021, 6, 4), directive=letter)
    with django_assert_max_num_queries(6):
        client.get(reverse("tthc:public-urgent-list"))


def test_a_feed_entry_reads_as_a_list_dated_when_the_list_was_published(client, letter, birth, marriage):
    """A reader shows the summary as HTML (a paragraph and a list), and dates the entry by its publication."""
    import xml.etree.ElementTree as ET

    from tthc.urgent_lists.services import (
        urgent_list_create_draft,
        urgent_list_publish,
        urgent_list_set_items,
    )

    draft = urgent_list_create_draft(by=None, directive=letter, title="Danh mục")
    urgent_list_set_items(urgent_list=draft, items=[(birth, ""), (marriage, "")], by=None)
    urgent_list_publish(urgent_list=draft, effective_from=D(2021, 6, 4), actor=None, today=D(2021, 6, 3))
    feed = ET.fromstring(client.get(reverse("tthc:public-urgent-list-feed")).content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = feed.find("a:entry", ns)
    updated = datetime.datetime.fromisoformat(entry.find("a:updated", ns).text)
    assert timezone.localtime(updated).date() == D(2021, 6, 3)
    summary = entry.find("a:summary", ns)
    assert summary.get("type") == "html"
    html = ET.fromstring(f"<div>{summary.text}</div>")
    assert "04/06/2021" in html.find("p").text
    assert [li.text.split(" – ")[0] for li in html.iter("li")] == sorted([birth.code, marriage.code])


# A new version on one page ---------------------------------------------------------------------------


def test_a_new_version_is_composed_and_published_on_one_page(office_client, letter, birth, marriage):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=letter)
    page = office_client.get(reverse("tthc:urgent-list-new"), {"directive": letter.pk}).content.decode()
    assert f'value="{birth.pk}" id="p-{birth.pk}" checked' in page  # starts from the version in force
    today = timezone.localdate()
    response = office_client.post(
        reverse("tthc:urgent-list-new"),
        {
            "directive": letter.pk,
            "procedures": [birth.pk, marriage.pk],
            f"conditions-{marriage.pk}": "Hai bên có mặt",
            "effective_from": today.strftime("%d/%m/%Y"),
            "action": "publish",
        },
    )
    published = UrgentList.objects.get(version=2)
    assert response.status_code == 302 and response.url == reverse(
        "tthc:urgent-list-detail", args=[published.pk]
    )
    assert published.effective_from == today and published.items.count() == 2


def test_publishing_on_one_page_without_a_date_keeps_nothing(office_client, letter, birth):
    response = office_client.post(
        reverse("tthc:urgent-list-new"),
        {"directive": letter.pk, "procedures": [birth.pk], "action": "publish"},
    )
    assert response.status_code == 200 and "Nhập ngày phiên bản này có hiệu lực" in response.content.decode()
    assert not UrgentList.objects.exists()


def test_a_refused_publication_on_one_page_keeps_no_draft(office_client, letter, birth):
    response = office_client.post(
        reverse("tthc:urgent-list-new"),
        {
            "directive": letter.pk,
            "procedures": [birth.pk],
            "action": "publish",
            "effective_from": "01/06/2021",
        },
    )
    assert response.status_code == 200 and not UrgentList.objects.exists()


def test_only_the_office_composes_a_new_version(client, agency):
    client.force_login(user_with_role(Role.AGENCY_HEAD, agency))
    assert client.get(reverse("tthc:urgent-list-new")).status_code == 404
