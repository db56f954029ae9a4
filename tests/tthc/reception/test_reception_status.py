"""An agency's reception: its regular sessions, kept by the head; while a policy suspends in-person reception
(clause 2, third dash of 2629/UBND) its public pages and the API say since when, under which directive, and
what to use instead."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import user_with_role
from tests.tthc.reception.factories import commune_with_reception
from tthc.reception.models import ReceptionSlot
from tthc.reception.services import reception_channels_set, reception_slot_add

pytestmark = pytest.mark.django_db
T = datetime.time


@pytest.fixture
def a():
    commune = commune_with_reception()
    reception_slot_add(
        agency=commune.agency,
        actor=commune.head,
        weekday=1,
        starts_at=T(7, 30),
        ends_at=T(11, 30),
        place="Phòng tiếp công dân",
        officer=commune.member,
    )
    return commune


def test_while_suspended_the_intake_page_says_since_when_under_what_and_what_to_use(client, a):
    reception_channels_set(agency=a.agency, actor=a.head, hotline="0283 790 1111", email="tcd@example.gov.vn")
    page = client.get(reverse("tthc:public-agency-arrangements", args=[a.agency.pk]), {"date": "07/06/2021"})
    body = page.content.decode()
    assert "Tạm dừng tiếp công dân trực tiếp tại trụ sở từ ngày 04/06/2021." in body
    assert f"Theo văn bản số 2629/UBND ngày {a.policy.directive.issued_on:%d/%m/%Y}." in body
    assert "0283 790 1111" in body and "tcd@example.gov.vn" in body
    assert reverse("tthc:petition-file", args=[a.agency.pk]) in body
    assert "Phòng tiếp công dân" not in body


def test_before_the_policy_the_page_shows_the_schedule(client, a):
    page = client.get(reverse("tthc:public-agency-arrangements", args=[a.agency.pk]), {"date": "01/06/2021"})
    body = page.content.decode()
    assert "Tạm dừng tiếp công dân" not in body
    assert "Thứ Ba, 07:30–11:30 · Phòng tiếp công dân" in body
    assert "Nguyễn Thị Tiếp Dân PT" in body


def test_without_own_channels_the_registry_contacts_are_published(client, a):
    data = client.get(reverse("api-agency-reception", args=[a.agency.pk]), {"date": "2021-06-07"}).json()
    assert data["suspended"] is True and data["suspended_from"] == "2021-06-04"
    assert data["directive"]["number"] == "2629/UBND"
    assert data["hotline"] == "02837900000" and data["email"] == "phuocthanh@example.gov.vn"
    assert data["petition_form_url"].endswith(reverse("tthc:petition-file", args=[a.agency.pk]))


def test_the_api_gives_the_schedule_when_not_suspended(client, a):
    data = client.get(reverse("api-agency-reception", args=[a.agency.pk]), {"date": "2021-06-01"}).json()
    assert data["suspended"] is False and data["directive"] is None
    assert data["schedule"] == [
        {
            "weekday": 1,
            "weekday_label": "Thứ Ba",
            "starts_at": "07:30",
            "ends_at": "11:30",
            "place": "Phòng tiếp công dân",
            "officer": "Nguyễn Thị Tiếp Dân PT",
        }
    ]


def test_the_head_keeps_the_schedule_a_staff_member_does_not(client, a):
    client.force_login(a.head)
    url = reverse("tthc:reception-schedule", args=[a.agency.pk])
    added = client.post(
        url,
        {
            "form": "slot",
            "weekday": 3,
            "starts_at": "13:30",
            "ends_at": "16:30",
            "place": "Hội trường",
            "officer": "",
        },
    )
    assert added.status_code == 302
    refused = client.post(
        url, {"form": "slot", "weekday": 3, "starts_at": "17:00", "ends_at": "16:00", "place": "Hội trường"}
    )
    assert refused.status_code == 400
    assert "Giờ kết thúc phải sau giờ bắt đầu." in refused.content.decode()
    assert ReceptionSlot.objects.filter(agency=a.agency).count() == 2
    client.force_login(a.member_user)
    assert client.get(url).status_code == 404
    slot = ReceptionSlot.objects.filter(agency=a.agency).first()
    assert client.post(reverse("tthc:reception-slot-remove", args=[a.agency.pk, slot.pk])).status_code == 404


def test_the_officer_in_charge_is_a_staff_member_of_the_agency(a):
    other = commune_with_reception(name="UBND xã Phước Hiệp", code="27529", prefix="PH")
    with pytest.raises(ValidationError) as refused:
        reception_slot_add(
            agency=a.agency,
            actor=a.head,
            weekday=2,
            starts_at=T(8),
            ends_at=T(9),
            place="P",
            officer=other.member,
        )
    assert "officer" in refused.value.message_dict
    with pytest.raises(ValidationError):
        reception_slot_add(
            agency=a.agency,
            actor=user_with_role(Role.DISTRICT_OFFICE),
            weekday=1,
            starts_at=T(7, 30),
            ends_at=T(9),
            place="P",
        )
