"""POST /api/v1/dossiers/: one-stop officers receive dossiers through the same rules as the form."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from staffing.registry.constants import Role
from tests.factories import user_with_role
from tests.tthc.dossiers.factories import district_under_2629
from tthc.dossiers.models import Dossier

pytestmark = pytest.mark.django_db
URL = "/api/v1/dossiers/"


@pytest.fixture
def district():
    return district_under_2629()


@pytest.fixture
def api(district):
    client = APIClient()
    token = Token.objects.create(user=district.officer)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def payload(district, **overrides):
    body = {
        "procedure": "1.001193",
        "agency": district.commune.pk,
        "channel": "online",
        "applicant": {
            "full_name": "Phạm Thị Thử",
            "id_number": "079190000003",
            "phone": "0987654321",
            "email": "thu@example.com",
            "address": "Ấp 3",
        },
        "received_at": "2021-06-07T10:00:00+07:00",
    }
    body.update(overrides)
    return body


def test_the_url_is_the_documented_one():
    assert reverse("api-dossier-receive") == URL


def test_a_valid_intake_answers_201_with_code_and_due_date(api, district):
    response = api.post(URL, payload(district), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["code"] == "27526-210607-0001"
    assert body["due_date"] == "2021-06-07"
    assert body["result_delivery"] == "postal"
    assert Dossier.objects.get().received_by == district.officer


def test_in_person_off_the_list_is_a_400_on_channel_that_says_so(api, district):
    response = api.post(URL, payload(district, procedure="1.001699", channel="in_person"), format="json")
    assert response.status_code == 400
    body = response.json()
    assert list(body) == ["channel"]
    assert "không thuộc Danh mục" in body["channel"][0]
    assert not Dossier.objects.exists()


def test_a_special_case_reason_lets_it_in(api, district):
    response = api.post(
        URL,
        payload(district, procedure="1.001699", channel="in_person", special_case_reason="Cần gấp"),
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["special_case_reason"] == "Cần gấp"


def test_applicant_errors_come_back_nested_per_field(api, district):
    bad = payload(district)
    bad["applicant"] = {**bad["applicant"], "id_number": "12", "phone": "12"}
    response = api.post(URL, bad, format="json")
    assert response.status_code == 400
    assert set(response.json()["applicant"]) == {"id_number", "phone"}


def test_an_unknown_procedure_is_a_400_on_procedure(api, district):
    response = api.post(URL, payload(district, procedure="0.000000"), format="json")
    assert response.status_code == 400
    assert "procedure" in response.json()


def test_an_officer_of_another_agency_gets_404(district):
    other = district_under_2629(commune_name="UBND xã Phước Hiệp", statistics_code="27529")
    client = APIClient()
    client.force_authenticate(other.officer)
    assert client.post(URL, payload(district), format="json").status_code == 404


def test_the_district_office_reads_but_cannot_receive(district, office_user):
    client = APIClient()
    client.force_authenticate(office_user)
    assert client.post(URL, payload(district), format="json").status_code == 403


def test_anonymous_is_refused(district):
    assert APIClient().post(URL, payload(district), format="json").status_code in (401, 403)


def test_head_of_the_agency_is_not_a_one_stop_officer(district):
    # The head reads the agency's dossiers, so the answer says why rather than hiding the agency.
    client = APIClient()
    client.force_authenticate(user_with_role(Role.AGENCY_HEAD, district.commune))
    response = client.post(URL, payload(district), format="json")
    assert response.status_code == 403
    assert "bộ phận một cửa" in response.json()["detail"]
    assert not Dossier.objects.exists()


def test_the_schema_documents_both_endpoints(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/dossiers/" in schema
    assert "/api/v1/dossiers/{code}/status/" in schema


def test_a_due_date_counted_without_a_holiday_calendar_says_so(api, district):
    """2021 has no holidays loaded here: the weekday-only count is flagged; once loaded, it is not."""
    from tthc.calendar.services import calendar_year_load

    first = api.post(URL, payload(district), format="json").json()
    assert first["due_date_unverified"] is True
    calendar_year_load(year=2021)
    second = api.post(URL, payload(district), format="json").json()
    assert second["due_date_unverified"] is False


@pytest.mark.parametrize(
    "body", ["[null, null]", '"x"', "123", "null", '{"agency": 1e999}', '{"agency": -1e999}']
)
def test_a_body_that_is_not_a_dossier_is_a_400_and_saves_nothing(api, district, body):
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert not Dossier.objects.exists()


def test_an_agency_number_too_large_for_the_database_is_an_unknown_agency(api, district):
    response = api.post(URL, payload(district, agency=10**30), format="json")
    assert response.status_code == 404  # outside the officer's scope, as any agency id not theirs
    assert not Dossier.objects.exists()
