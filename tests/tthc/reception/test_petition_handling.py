"""The agency's people see, assign, answer and close its petitions, with the history; nobody outside it
does; overdue petitions are listed for the head and the district office."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import user_with_role
from tests.tthc.reception.factories import at, commune_with_reception, file
from tthc.reception.constants import PetitionStatus
from tthc.reception.models import Petition
from tthc.reception.services import petition_answer, petition_assign, petition_close

pytestmark = pytest.mark.django_db


@pytest.fixture
def a():
    return commune_with_reception()


@pytest.fixture
def b():
    return commune_with_reception(name="UBND xã Phước Hiệp", code="27529", prefix="PH")


def test_assign_answer_close_and_the_history_say_who_did_what(client, a):
    petition = file(a.agency, filed_at=at(datetime.date(2021, 6, 7)))
    client.force_login(a.head)
    assert (
        client.post(
            reverse("tthc:petition-assign", args=[petition.pk]), {"assignee": a.member.pk}
        ).status_code
        == 302
    )
    client.force_login(a.member_user)
    answer = client.post(reverse("tthc:petition-answer", args=[petition.pk]), {"answer": "Đã sửa đèn."})
    assert answer.status_code == 302
    assert client.post(reverse("tthc:petition-close", args=[petition.pk]), {"note": ""}).status_code == 302
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.CLOSED and petition.answer == "Đã sửa đèn."
    assert list(petition.events.values_list("action", flat=True)) == [
        "filed",
        "assigned",
        "answered",
        "closed",
    ]
    page = client.get(reverse("tthc:petition-detail", args=[petition.pk])).content.decode()
    assert "Nguyễn Thị Tiếp Dân PT" in page and "Đã sửa đèn." in page


def test_an_unanswered_petition_closes_only_with_a_reason(client, a):
    petition = file(a.agency)
    with pytest.raises(ValidationError) as refused:
        petition_close(petition=petition, actor=a.head)
    assert "note" in refused.value.message_dict
    petition_close(petition=petition, actor=a.head, note="Trùng với kiến nghị KN-27526-210607-0001.")
    assert Petition.objects.get().status == PetitionStatus.CLOSED


def test_an_answered_petition_is_not_answered_or_assigned_again(a):
    petition = petition_answer(petition=file(a.agency), actor=a.head, answer="Đã trả lời.")
    with pytest.raises(ValidationError):
        petition_answer(petition=petition, actor=a.head, answer="Lần hai.")
    with pytest.raises(ValidationError):
        petition_assign(petition=petition, actor=a.head, assignee=a.member)


def test_a_petition_is_assigned_only_to_its_agency_s_staff(client, a, b):
    petition = file(a.agency)
    with pytest.raises(ValidationError) as refused:
        petition_assign(petition=petition, actor=a.head, assignee=b.member)
    assert "assignee" in refused.value.message_dict
    client.force_login(a.head)
    api = client.post(
        reverse("api-petition-assign", args=[petition.pk]),
        {"assignee": b.member.pk},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert b.member.full_name not in api.content.decode()


def test_another_agency_s_staff_get_404_on_its_petitions(client, a, b):
    petition = file(b.agency)
    client.force_login(a.member_user)
    for url in (
        reverse("tthc:petition-list", args=[b.agency.pk]),
        reverse("tthc:petition-detail", args=[petition.pk]),
        reverse("api-agency-petitions", args=[b.agency.pk]),
        reverse("api-petition-detail", args=[petition.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("tthc:petition-answer", args=[petition.pk]),
        reverse("api-petition-answer", args=[petition.pk]),
    ):
        assert client.post(url, {"answer": "Không phải việc của tôi."}).status_code == 404, url
    assert Petition.objects.get().status == PetitionStatus.RECEIVED


def test_the_api_lists_and_acts_for_the_agency(client, a):
    petition = file(a.agency, filed_at=at(datetime.date(2021, 6, 7)))
    client.force_login(a.member_user)
    rows = client.get(reverse("api-agency-petitions", args=[a.agency.pk])).json()
    assert [row["code"] for row in rows] == [petition.code] and rows[0]["overdue"] is True
    answered = client.post(
        reverse("api-petition-answer", args=[petition.pk]),
        {"answer": "Đã xử lý."},
        content_type="application/json",
    )
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    closed = client.post(
        reverse("api-petition-close", args=[petition.pk]), {}, content_type="application/json"
    )
    assert closed.json()["history"][-1]["action"] == "closed"
    detail = client.get(reverse("api-petition-detail", args=[petition.pk])).json()
    assert detail["phone"] == "0909123456"


def test_overdue_petitions_show_for_the_head_on_the_list_and_the_home_panel(client, a):
    overdue = file(a.agency, filed_at=at(datetime.date(2021, 6, 7)))
    answered = petition_answer(
        petition=file(a.agency, filed_at=at(datetime.date(2021, 6, 7))), actor=a.head, answer="Xong."
    )
    fresh = file(a.agency)
    client.force_login(a.head)
    page = client.get(reverse("tthc:petition-list", args=[a.agency.pk]))
    listed = [p.code for p in page.context["overdue"]]
    assert listed == [overdue.code]
    assert answered.code not in listed and fresh.code not in listed
    filtered = client.get(reverse("tthc:petition-list", args=[a.agency.pk]), {"overdue": "on"})
    assert [p.code for p in filtered.context["page_obj"]] == [overdue.code]
    home = client.get(reverse("home")).content.decode()
    assert "Kiến nghị gửi UBND xã Phước Thạnh" in home
    assert reverse("tthc:petition-list", args=[a.agency.pk]) + "?overdue=on" in home


def test_the_district_office_lists_overdue_petitions_by_agency(client, a, b):
    in_a = file(a.agency, filed_at=at(datetime.date(2021, 6, 7)))
    in_b = file(b.agency, filed_at=at(datetime.date(2021, 6, 7)))
    client.force_login(user_with_role(Role.DISTRICT_OFFICE))
    everything = client.get(reverse("tthc:petition-office"))
    assert {p.code for p in everything.context["page_obj"]} == {in_a.code, in_b.code}
    only_b = client.get(reverse("tthc:petition-office"), {"agency": b.agency.pk})
    assert [p.code for p in only_b.context["page_obj"]] == [in_b.code]
    assert "Kiến nghị trên địa bàn huyện" in client.get(reverse("home")).content.decode()


def test_only_the_district_office_sets_the_time_limit(client, a):
    client.force_login(a.head)
    assert (
        client.post(reverse("tthc:petition-settings"), {"answer_within_working_days": 3}).status_code == 404
    )
    client.force_login(user_with_role(Role.DISTRICT_OFFICE))
    refused = client.post(reverse("tthc:petition-settings"), {"answer_within_working_days": 0})
    assert refused.status_code == 400
    assert (
        client.post(reverse("tthc:petition-settings"), {"answer_within_working_days": 3}).status_code == 302
    )
    petition = file(a.agency, filed_at=at(datetime.date(2021, 6, 7)))
    assert petition.due_date == datetime.date(2021, 6, 10)


def test_no_personal_data_on_the_public_pages(client, a):
    petition = file(a.agency, filer_name="Hồ Thị Riêng Tư", content="Nội dung không công khai.")
    for url in (
        reverse("tthc:public-reception", args=[a.agency.pk]),
        reverse("tthc:public-agency-arrangements", args=[a.agency.pk]),
        reverse("tthc:petition-file", args=[a.agency.pk]),
        reverse("api-agency-reception", args=[a.agency.pk]),
        reverse("public-home"),
    ):
        body = client.get(url).content.decode()
        assert "Hồ Thị Riêng Tư" not in body and petition.code not in body and "0909123456" not in body, url
