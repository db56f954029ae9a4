"""Agency list and agency page: district-wide roles see every agency, others only their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffing.registry.constants import AgencyKind, DutyGroup, Role, StaffCategory
from tests.factories import AgencyFactory, StaffMemberFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_office_sees_every_agency_in_the_list(office_client, agency, other_agency):
    response = office_client.get("/staffing/agencies/")
    assert response.status_code == 200
    assert agency.name in response.text
    assert other_agency.name in response.text


def test_head_sees_only_their_own_agency_in_the_list(head_client, agency, other_agency):
    response = head_client.get("/staffing/agencies/")
    assert agency.name in response.text
    assert other_agency.name not in response.text


def test_list_filters_by_kind_and_search(office_client, agency):
    AgencyFactory(name="UBND xã Phước Thạnh", kind=AgencyKind.COMMUNE_COMMITTEE, statistics_code="27526")
    AgencyFactory(name="UBND xã An Phú", kind=AgencyKind.COMMUNE_COMMITTEE, statistics_code="27502")
    response = office_client.get("/staffing/agencies/", {"kind": AgencyKind.COMMUNE_COMMITTEE, "q": "27526"})
    assert "Phước Thạnh" in response.text
    assert "An Phú" not in response.text
    assert agency.name not in response.text


def test_agency_page_counts_staff_by_category_and_duty_group(head_client, agency):
    StaffMemberFactory.create_batch(3, agency=agency, category=StaffCategory.CIVIL_SERVANT)
    StaffMemberFactory(agency=agency, category=StaffCategory.WORKER, duty_group=DutyGroup.EPIDEMIC_TASK_FORCE)
    response = head_client.get(f"/staffing/agencies/{agency.pk}/")
    assert response.status_code == 200
    by_category = dict(response.context["counts"]["by_category"])
    assert by_category["Công chức"] == 3
    assert by_category["Người lao động"] == 1
    assert dict(response.context["counts"]["by_duty_group"])["Lực lượng phòng, chống dịch"] == 1
    assert response.context["counts"]["total"] == 4


def test_head_gets_404_on_another_agency_page(head_client, other_agency):
    assert head_client.get(f"/staffing/agencies/{other_agency.pk}/").status_code == 404


def test_agency_list_needs_a_login(client):
    response = client.get("/staffing/agencies/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_agency_list_queries_do_not_grow_with_agencies(office_client):
    AgencyFactory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        office_client.get("/staffing/agencies/")
    for agency in AgencyFactory.create_batch(30):
        StaffMemberFactory(agency=agency)
    with CaptureQueriesContext(connection) as many:
        office_client.get("/staffing/agencies/")
    assert len(many) == len(few)


def test_public_directory_lists_contacts_without_login(client, agency):
    agency.phone = "028 3790 1234"
    agency.save()
    response = client.get("/staffing/directory/")
    assert response.status_code == 200
    assert "028 3790 1234" in response.text


def test_commune_chairman_sees_their_commune(client):
    commune = AgencyFactory(name="UBND xã Thái Mỹ", kind=AgencyKind.COMMUNE_COMMITTEE)
    client.force_login(user_with_role(Role.COMMUNE_CHAIRMAN, commune))
    assert client.get(f"/staffing/agencies/{commune.pk}/").status_code == 200
