"""The admin site manages every staffing model; role mistakes are told at the field in Vietnamese."""

import pytest
from django.contrib import admin

from staffing.constants import Role
from staffing.models import Agency, RoleAssignment, StaffMember, WorkerHeartbeat
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
