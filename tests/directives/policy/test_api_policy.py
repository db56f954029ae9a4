"""GET /api/v1/policy/: the policy in force for an agency on a day."""

import datetime

import pytest

from directives.policy import services
from tests.directives.factories import policy_values, published_directive_with_policy
from tests.factories import AgencyFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(db):
    return AgencyFactory()


def test_policy_in_force_with_exactly_the_documented_fields(client, agency):
    published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    response = client.get(f"/api/v1/policy/?agency={agency.pk}&date=2021-06-07")
    assert response.status_code == 200
    assert response.json() == {
        "max_remote_ratio": "0.50",
        "ratio": "1/2",
        "remote_cap_numerator": 1,
        "remote_cap_denominator": 2,
        "exempt_duty_groups": ["epidemic_task_force", "military", "police"],
        "effective_from": "2021-06-04",
        "effective_until": None,
        "citizen_reception_suspended": True,
        "inspections_restricted": True,
        "in_person_intake_restricted": True,
        "pre_cutoff_date": "2021-06-03",
        "directive": {"number": "2629/UBND", "issuer": "Ủy ban nhân dân huyện"},
    }


def test_later_directive_with_two_thirds_changes_the_api_and_the_cap(client, agency):
    published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    StaffMemberFactory.create_batch(9, agency=agency)
    later = published_directive_with_policy(
        number="3001/UBND",
        issued_on=datetime.date(2021, 7, 8),
        remote_cap_numerator=2,
        remote_cap_denominator=3,
    )
    before = client.get(f"/api/v1/policy/?agency={agency.pk}&date=2021-07-07").json()
    after = client.get(f"/api/v1/policy/?agency={agency.pk}&date=2021-07-08").json()
    assert before["max_remote_ratio"] == "0.50"
    assert after["max_remote_ratio"] == "0.67"
    assert after["directive"]["number"] == "3001/UBND"
    assert later.policy.remote_cap(agency.staff.count()) == 6


def test_changing_the_ratio_in_the_form_data_changes_the_api_the_same_day(client, agency):
    document = published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    services.policy_set(directive=document, **policy_values(remote_cap_numerator=2, remote_cap_denominator=3))
    assert (
        client.get(f"/api/v1/policy/?agency={agency.pk}&date=2021-06-04").json()["max_remote_ratio"] == "0.67"
    )


def test_no_policy_in_force_answers_404_with_a_message(client, agency):
    published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    response = client.get(f"/api/v1/policy/?agency={agency.pk}&date=2021-06-03")
    assert response.status_code == 404
    assert "03/06/2021" in response.json()["detail"]


@pytest.mark.parametrize("date", ["2021-13-01", "04/06/2021", "20210604", "hôm nay"])
def test_malformed_date_answers_400_with_a_message(client, agency, date):
    response = client.get("/api/v1/policy/", {"agency": agency.pk, "date": date})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["detail"]


@pytest.mark.parametrize("value", ["999999", "abc", "", "-1", "99999999999999999999999"])
def test_unknown_or_missing_agency_answers_400(client, value):
    response = client.get("/api/v1/policy/", {"agency": value, "date": "2021-06-05"})
    assert response.status_code == 400
    assert response.json()["detail"]


def test_the_share_is_given_as_a_fraction_too(client, agency):
    published_directive_with_policy(
        number="3001/UBND",
        issued_on=datetime.date(2021, 7, 8),
        remote_cap_numerator=2,
        remote_cap_denominator=3,
    )
    body = client.get(f"/api/v1/policy/?agency={agency.pk}&date=2021-07-08").json()
    assert (body["ratio"], body["remote_cap_numerator"], body["remote_cap_denominator"]) == ("2/3", 2, 3)
    assert body["max_remote_ratio"] == "0.67"
