"""The agency and staff lists and GET /api/v1/agencies/ filter through FilterSets: same parameters as
before, a refused value is named at its field (pages) or its parameter (API), and scope is never widened."""

import datetime

import pytest
from django.utils import timezone

from staffing.registry.constants import AgencyKind
from tests.factories import AgencyFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db
INVALID_CHOICE = "Hãy chọn một lựa chọn hợp lệ."


def test_an_unknown_kind_is_named_at_the_kind_field_and_the_search_still_applies(office_client, agency):
    commune = AgencyFactory(name="UBND xã Phước Thạnh", kind=AgencyKind.COMMUNE_COMMITTEE)
    response = office_client.get("/staffing/agencies/", {"kind": "bogus", "q": "Phước"})
    assert response.status_code == 200
    assert INVALID_CHOICE in response.context["form"].errors["kind"][0]
    assert 'class="form-select is-invalid"' in response.text
    assert f'<div class="invalid-feedback">{INVALID_CHOICE}' in response.text
    assert [a.pk for a in response.context["page_obj"]] == [commune.pk]


def test_pagination_links_keep_the_filters(office_client):
    for n in range(51):
        AgencyFactory(name=f"UBND xã {n:02d}", kind=AgencyKind.COMMUNE_COMMITTEE)
    response = office_client.get("/staffing/agencies/", {"kind": AgencyKind.COMMUNE_COMMITTEE, "q": ""})
    assert "?kind=commune_committee&amp;page=2" in response.text


def test_staff_list_shows_who_no_longer_works_there(head_client, agency):
    today = timezone.localdate()
    StaffMemberFactory(agency=agency, full_name="Người Đang Làm")
    StaffMemberFactory(
        agency=agency, full_name="Người Đã Nghỉ", active_until=today - datetime.timedelta(days=400)
    )
    url = f"/staffing/agencies/{agency.pk}/staff/"
    left = head_client.get(url, {"active": "no"}).context["page_obj"]
    assert [m.full_name for m in left] == ["Người Đã Nghỉ"]
    working = head_client.get(url, {"active": "yes"}).context["page_obj"]
    assert [m.full_name for m in working] == ["Người Đang Làm"]


def test_an_unknown_staff_status_is_named_at_the_status_field(head_client, agency):
    response = head_client.get(f"/staffing/agencies/{agency.pk}/staff/", {"active": "maybe"})
    assert response.status_code == 200
    assert INVALID_CHOICE in response.context["form"].errors["active"][0]
    assert 'class="form-select is-invalid"' in response.text


def test_api_refuses_an_unknown_kind_with_a_vietnamese_message_for_that_parameter(office_client, agency):
    response = office_client.get("/api/v1/agencies/", {"kind": "bogus"})
    assert response.status_code == 400
    assert INVALID_CHOICE in response.json()["kind"][0]


def test_api_kind_filter_does_not_widen_a_heads_scope(head_client, agency, other_agency):
    body = head_client.get("/api/v1/agencies/", {"kind": AgencyKind.SPECIALISED_OFFICE}).json()
    assert other_agency.kind == AgencyKind.SPECIALISED_OFFICE
    assert [row["id"] for row in body["results"]] == [agency.pk]


def test_schema_documents_the_kind_parameter(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/agencies/"]["get"]["parameters"]}
    assert set(parameters["kind"]["schema"]["enum"]) == set(AgencyKind.values)
