"""Adding and editing a staff member through staff_member_save: the office anywhere, a head at home."""

import pytest

from staffing.registry.models import StaffMember
from tests.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "staff_code": "TP-010",
        "full_name": "Phạm Minh Khoa",
        "position": "Chuyên viên",
        "category": "civil_servant",
        "duty_group": "regular",
        "mobile_phone": "+84 912.345.678",
        "email": "",
        "active_from": "05/03/2021",
        "active_until": "",
    }
    return {**data, **overrides}


def test_head_adds_a_staff_member_with_the_phone_normalised(head_client, agency):
    response = head_client.post(f"/staffing/agencies/{agency.pk}/staff/new/", form_data())
    member = StaffMember.objects.get(staff_code="TP-010")
    assert response.status_code == 302
    assert response["Location"] == f"/staffing/staff/{member.pk}/"
    assert member.agency == agency
    assert member.mobile_phone == "0912345678"
    assert member.active_from.isoformat() == "2021-03-05"
    assert member.history.count() == 1


def test_duplicate_staff_code_is_refused_at_the_field_in_vietnamese(head_client, agency):
    StaffMemberFactory(agency=agency, staff_code="TP-010")
    response = head_client.post(f"/staffing/agencies/{agency.pk}/staff/new/", form_data())
    assert response.status_code == 200
    errors = response.context["form"].errors["staff_code"]
    assert errors == [f"Mã cán bộ TP-010 đã được dùng cho một người khác của {agency.name}."]
    assert StaffMember.objects.filter(staff_code="TP-010").count() == 1


def test_same_staff_code_in_another_agency_is_fine(office_client, agency, other_agency):
    StaffMemberFactory(agency=other_agency, staff_code="TP-010")
    response = office_client.post(f"/staffing/agencies/{agency.pk}/staff/new/", form_data())
    assert response.status_code == 302


def test_wrong_phone_and_reversed_period_are_shown_at_their_fields(head_client, agency):
    response = head_client.post(
        f"/staffing/agencies/{agency.pk}/staff/new/",
        form_data(mobile_phone="0123", active_from="10/06/2021", active_until="01/06/2021"),
    )
    errors = response.context["form"].errors
    assert "mobile_phone" in errors
    assert not StaffMember.objects.exists()
    response = head_client.post(
        f"/staffing/agencies/{agency.pk}/staff/new/",
        form_data(active_from="10/06/2021", active_until="01/06/2021"),
    )
    assert response.context["form"].errors["active_until"] == ["Ngày kết thúc không được trước ngày bắt đầu."]
    assert not StaffMember.objects.exists()


def test_office_edits_a_staff_member_of_any_agency(office_client, other_agency):
    member = StaffMemberFactory(agency=other_agency, staff_code="YT-001", full_name="Tên cũ")
    page = office_client.get(f"/staffing/staff/{member.pk}/edit/")
    assert page.context["form"].initial["full_name"] == "Tên cũ"
    response = office_client.post(
        f"/staffing/staff/{member.pk}/edit/", form_data(staff_code="YT-001", full_name="Tên mới")
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Tên mới"
    assert member.agency == other_agency


def test_saving_an_unchanged_form_writes_no_history(head_client, agency):
    member = StaffMemberFactory(
        agency=agency, staff_code="TP-010", full_name="Phạm Minh Khoa", mobile_phone="0912345678"
    )
    data = form_data(active_from="")
    data["position"] = member.position
    head_client.post(f"/staffing/staff/{member.pk}/edit/", data)
    assert member.history.count() == 1
