"""The admin site manages every staffing model; role mistakes are told at the field in Vietnamese."""

import pytest
from django.contrib import admin

from staffing.heartbeat.models import WorkerHeartbeat
from staffing.registry.constants import Role
from staffing.registry.models import Agency, RoleAssignment, StaffMember
from tests.factories import RoleAssignmentFactory, StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


ORGANISATION_MODELS = [Agency, StaffMember, RoleAssignment, WorkerHeartbeat]


@pytest.mark.parametrize("model", ORGANISATION_MODELS)
def test_changelist_and_search_load_for_the_superuser(admin_client, model, agency):
    StaffMemberFactory(agency=agency)
    RoleAssignmentFactory(agency=agency)
    assert admin.site.is_registered(model)
    url = f"/admin/staffing/{model._meta.model_name}/"
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "Nguyễn"}).status_code == 200


def test_add_pages_load(admin_client):
    for name in ("agency", "staffmember", "roleassignment"):
        assert admin_client.get(f"/admin/staffing/{name}/add/").status_code == 200


def test_agency_role_without_agency_is_refused_in_vietnamese(admin_client):
    user = UserFactory()
    response = admin_client.post(
        "/admin/staffing/roleassignment/add/", {"user": user.pk, "role": Role.AGENCY_HEAD, "agency": ""}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["agency"] == [
        "Hãy chọn cơ quan, đơn vị nơi giữ vai trò này."
    ]
    assert not RoleAssignment.objects.exists()


def test_district_role_with_an_agency_is_refused(agency):
    from django.core.exceptions import ValidationError

    assignment = RoleAssignment(user=UserFactory(), role=Role.DISTRICT_OFFICE, agency=agency)
    with pytest.raises(ValidationError) as caught:
        assignment.full_clean()
    assert "agency" in caught.value.error_dict


def test_duplicate_district_role_is_refused_at_the_role(admin_client):
    user = UserFactory()
    RoleAssignment.objects.create(user=user, role=Role.DISTRICT_OFFICE)
    response = admin_client.post(
        "/admin/staffing/roleassignment/add/", {"user": user.pk, "role": Role.DISTRICT_OFFICE, "agency": ""}
    )
    assert response.status_code == 200
    assert "role" in response.context["adminform"].form.errors
    assert RoleAssignment.objects.count() == 1


def test_admin_normalises_the_phone(admin_client, agency):
    response = admin_client.post(
        "/admin/staffing/staffmember/add/",
        {
            "agency": agency.pk,
            "staff_code": "TP-1",
            "full_name": "Võ Thị Lan",
            "category": "civil_servant",
            "duty_group": "regular",
            "mobile_phone": "+84 912 345 678",
        },
    )
    assert response.status_code == 302
    assert StaffMember.objects.get(staff_code="TP-1").mobile_phone == "0912345678"


def _staff_form(agency, **changes):
    data = {
        "agency": agency.pk,
        "staff_code": "TP-1",
        "full_name": "Võ Thị Lan",
        "category": "civil_servant",
        "duty_group": "regular",
        "mobile_phone": "",
        "email": "",
        "active_from": "",
        "active_until": "",
        "user": "",
    }
    return {**data, **changes}


def test_admin_refuses_a_staff_code_taken_in_the_agency_at_the_field(admin_client, agency):
    StaffMemberFactory(agency=agency, staff_code="TP-1")
    response = admin_client.post("/admin/staffing/staffmember/add/", _staff_form(agency))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "TP-1 đã được dùng" in errors["staff_code"][0]
    assert StaffMember.objects.filter(staff_code="TP-1").count() == 1


def test_admin_refuses_a_reversed_period_at_the_end_date(admin_client, agency):
    response = admin_client.post(
        "/admin/staffing/staffmember/add/",
        _staff_form(agency, active_from="05/06/2021", active_until="01/06/2021"),
    )
    assert response.status_code == 200
    assert "active_until" in response.context["adminform"].form.errors
    assert not StaffMember.objects.exists()


def test_admin_refuses_an_account_that_belongs_to_another_member(admin_client, agency):
    user = UserFactory()
    StaffMemberFactory(agency=agency, staff_code="TP-9", user=user)
    response = admin_client.post("/admin/staffing/staffmember/add/", _staff_form(agency, user=user.pk))
    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    assert not StaffMember.objects.filter(staff_code="TP-1").exists()


def test_admin_edit_goes_through_the_service_and_keeps_one_history_row(admin_client, agency):
    member = StaffMemberFactory(agency=agency, staff_code="TP-1", full_name="Võ Thị Lan")
    response = admin_client.post(
        f"/admin/staffing/staffmember/{member.pk}/change/",
        _staff_form(agency, full_name="  Võ   Thị Lan Anh ", mobile_phone="0912 345 678"),
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Võ Thị Lan Anh"
    assert member.history.count() == 2
    assert member.history.first().history_user.username == "quantri"


def test_admin_work_mode_add_form_sent_empty_is_answered_at_the_fields(admin_client):
    response = admin_client.post("/admin/staffing/workmode/add/", {"staff": "", "day": "", "mode": ""})
    assert response.status_code == 200
    assert {"staff", "day", "mode"} <= set(response.context["adminform"].form.errors)


def _user_form(user, **roles):
    return {
        "username": user.username,
        "is_active": "on",
        "date_joined_0": "01/06/2021",
        "date_joined_1": "08:00:00",
        "role_assignments-TOTAL_FORMS": "1",
        "role_assignments-INITIAL_FORMS": "0",
        **{f"role_assignments-0-{name}": value for name, value in roles.items()},
    }


def test_user_page_sets_the_account_roles_in_one_place(admin_client, agency):
    user = UserFactory(username="truongphong2")
    assert "role_assignments-TOTAL_FORMS" in admin_client.get(f"/admin/auth/user/{user.pk}/change/").text
    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/change/", _user_form(user, role=Role.AGENCY_HEAD, agency=agency.pk)
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.get(user=user).agency == agency


def test_an_agency_role_without_agency_is_refused_on_the_user_page(admin_client):
    user = UserFactory(username="canbo2")
    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/change/", _user_form(user, role=Role.AGENCY_HEAD, agency="")
    )
    assert response.status_code == 200
    assert "Hãy chọn cơ quan, đơn vị nơi giữ vai trò này." in response.text
    assert not RoleAssignment.objects.filter(user=user).exists()
