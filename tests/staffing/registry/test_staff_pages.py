"""Staff lists and staff pages, scoped: a head sees their agency, a staff member only themselves."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffing.registry.constants import DutyGroup, Role, StaffCategory
from tests.factories import StaffMemberFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(agency):
    return StaffMemberFactory(agency=agency, full_name="Trần Thị Hoa", staff_code="TP-002")


@pytest.fixture
def member_user(agency):
    user = UserFactory(username="can-bo")
    StaffMemberFactory(agency=agency, full_name="Lê Văn Sáu", staff_code="TP-001", user=user)
    return user


def test_head_lists_the_staff_of_their_agency(head_client, agency, colleague):
    response = head_client.get(f"/staffing/agencies/{agency.pk}/staff/")
    assert response.status_code == 200
    assert colleague.full_name in response.text


def test_head_of_agency_a_gets_404_on_agency_b_staff_pages(head_client, other_agency):
    stranger = StaffMemberFactory(agency=other_agency)
    assert head_client.get(f"/staffing/agencies/{other_agency.pk}/staff/").status_code == 404
    assert head_client.get(f"/staffing/staff/{stranger.pk}/").status_code == 404
    assert head_client.get(f"/staffing/staff/{stranger.pk}/edit/").status_code == 404
    assert head_client.get(f"/staffing/agencies/{other_agency.pk}/staff/new/").status_code == 404


def test_office_sees_staff_of_every_agency(office_client, other_agency):
    stranger = StaffMemberFactory(agency=other_agency)
    assert office_client.get(f"/staffing/staff/{stranger.pk}/").status_code == 200
    assert stranger.full_name in office_client.get(f"/staffing/agencies/{other_agency.pk}/staff/").text


def test_staff_member_sees_only_themselves(client, agency, member_user, colleague):
    client.force_login(member_user)
    own = member_user.staff_profile
    assert client.get(f"/staffing/staff/{own.pk}/").status_code == 200
    assert client.get(f"/staffing/staff/{colleague.pk}/").status_code == 404
    listing = client.get(f"/staffing/agencies/{agency.pk}/staff/")
    assert own.full_name in listing.text
    assert colleague.full_name not in listing.text
    assert client.get(f"/staffing/staff/{own.pk}/edit/").status_code == 404


def test_my_page_leads_to_own_record(client, member_user):
    client.force_login(member_user)
    response = client.get("/staffing/me/")
    assert response.status_code == 302
    assert response["Location"] == f"/staffing/staff/{member_user.staff_profile.pk}/"


def test_leadership_reads_but_cannot_edit(client, colleague):
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    assert client.get(f"/staffing/staff/{colleague.pk}/").status_code == 200
    assert client.get(f"/staffing/staff/{colleague.pk}/edit/").status_code == 404


def test_staff_list_filters(head_client, agency):
    StaffMemberFactory(
        agency=agency,
        full_name="Công An Viên",
        category=StaffCategory.WORKER,
        duty_group=DutyGroup.POLICE,
        position="Công an viên",
    )
    StaffMemberFactory(
        agency=agency, full_name="Chuyên Viên", category=StaffCategory.CIVIL_SERVANT, position="Chuyên viên"
    )
    left = StaffMemberFactory(
        agency=agency, full_name="Đã Nghỉ Việc", active_until="2020-01-01", active_from="2010-01-01"
    )
    url = f"/staffing/agencies/{agency.pk}/staff/"
    police = head_client.get(url, {"duty_group": DutyGroup.POLICE}).text
    assert "Công An Viên" in police and "Chuyên Viên" not in police
    civil = head_client.get(url, {"category": StaffCategory.CIVIL_SERVANT, "position": "chuyên"}).text
    assert "Chuyên Viên" in civil and "Công An Viên" not in civil
    assert left.full_name not in head_client.get(url, {"active": "yes"}).text
    assert left.full_name in head_client.get(url, {"active": "no"}).text
    assert "Chuyên Viên" in head_client.get(url, {"q": "chuyên"}).text


def test_staff_list_is_paginated_with_constant_queries(head_client, agency):
    StaffMemberFactory.create_batch(5, agency=agency)
    url = f"/staffing/agencies/{agency.pk}/staff/"
    with CaptureQueriesContext(connection) as few:
        head_client.get(url)
    StaffMemberFactory.create_batch(60, agency=agency)
    with CaptureQueriesContext(connection) as many:
        response = head_client.get(url)
    assert len(many) == len(few)
    assert len(response.context["page_obj"]) == 50
    assert head_client.get(url, {"page": 2}).context["page_obj"].number == 2
