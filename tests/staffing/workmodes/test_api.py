"""The work-mode API: the same service and refusals as the week page, for heads' apps (issue 4)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from staffing.registry.constants import DutyGroup, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import work_modes_set
from tests.factories import StaffMemberFactory, UserFactory, WorkModePolicyFactory, user_with_role

MONDAY = datetime.date(2021, 6, 7)
TUESDAY = MONDAY + datetime.timedelta(days=1)


@pytest.fixture
def policy(db):
    return WorkModePolicyFactory(directive__number="2629/UBND")


@pytest.fixture
def staff(agency):
    return StaffMemberFactory.create_batch(4, agency=agency)


@pytest.fixture
def api(head):
    client = APIClient()
    client.force_authenticate(head)
    return client


def modes_url(agency):
    return reverse("api-agency-work-modes", args=[agency.pk])


def staff_url(agency):
    return reverse("api-agency-staff", args=[agency.pk])


def entry(member, day=MONDAY, mode=WorkModeKind.REMOTE):
    return {"staff": member.pk, "date": day.isoformat(), "mode": mode}


def stored_remote(agency, day=MONDAY):
    return WorkMode.objects.filter(agency=agency, day=day, mode=WorkModeKind.REMOTE).count()


# Reading ------------------------------------------------------------------------------------------


def test_head_lists_the_active_staff_of_the_agency(api, agency, staff):
    StaffMemberFactory(agency=agency, active_until=datetime.date(2020, 12, 31))
    StaffMemberFactory()
    response = api.get(staff_url(agency), {"date": "2021-06-07"})
    assert response.status_code == 200
    assert sorted(row["id"] for row in response.json()) == sorted(member.pk for member in staff)
    assert set(response.json()[0]) == {"id", "staff_code", "full_name", "position", "category", "duty_group"}


def test_plain_staff_member_cannot_list_colleagues(agency, staff):
    member = staff[0]
    member.user = UserFactory()
    member.save()
    client = APIClient()
    client.force_authenticate(member.user)
    assert client.get(staff_url(agency)).status_code == 403


def test_one_stop_officer_and_district_office_list_the_staff(agency, staff, office_user):
    officer = user_with_role(Role.ONE_STOP_OFFICER, agency)
    for user in (officer, office_user):
        client = APIClient()
        client.force_authenticate(user)
        response = client.get(staff_url(agency), {"date": "2021-06-07"})
        assert response.status_code == 200
        assert len(response.json()) == 4


def test_read_gives_each_day_with_cap_and_the_entries(api, agency, staff, policy, head):
    work_modes_set(
        agency=agency,
        entries=[(staff[0].pk, MONDAY, WorkModeKind.REMOTE), (staff[1].pk, MONDAY, WorkModeKind.ON_SITE)],
        actor=head,
    )
    response = api.get(modes_url(agency), {"from": "2021-06-07", "to": "2021-06-13"})
    assert response.status_code == 200
    body = response.json()
    assert [day["date"] for day in body["days"]] == [
        (MONDAY + datetime.timedelta(days=n)).isoformat() for n in range(7)
    ]
    monday = body["days"][0]
    assert (monday["counted_staff"], monday["remote"], monday["cap"], monday["over_cap"]) == (4, 1, 2, False)
    assert sorted(body["entries"], key=lambda e: e["mode"]) == [
        {"staff": staff[1].pk, "date": "2021-06-07", "mode": "on_site"},
        {"staff": staff[0].pk, "date": "2021-06-07", "mode": "remote"},
    ]


def test_without_a_policy_the_cap_is_null(api, agency, staff):
    response = api.get(modes_url(agency), {"from": "2021-06-07", "to": "2021-06-07"})
    assert response.json()["days"][0]["cap"] is None


def test_plain_staff_member_reads_only_their_own_entries(agency, staff, policy, head):
    work_modes_set(
        agency=agency,
        entries=[(member.pk, MONDAY, WorkModeKind.ON_SITE) for member in staff],
        actor=head,
    )
    member = staff[2]
    member.user = UserFactory()
    member.save()
    client = APIClient()
    client.force_authenticate(member.user)
    body = client.get(modes_url(agency), {"from": "2021-06-07", "to": "2021-06-07"}).json()
    assert [e["staff"] for e in body["entries"]] == [member.pk]
    assert body["days"][0]["planned"] == 4


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"from": "2021-06-07"},
        {"from": "07/06/2021", "to": "13/06/2021"},
        {"from": "2021-06-07", "to": "2021-06-31"},
        {"from": "2021-06-13", "to": "2021-06-07"},
        {"from": "2021-06-01", "to": "2021-08-15"},
    ],
)
def test_read_refuses_a_malformed_missing_or_too_long_range(api, agency, params):
    assert api.get(modes_url(agency), params).status_code == 400


# Writing ------------------------------------------------------------------------------------------


def test_head_sets_modes_and_gets_the_resulting_days(api, agency, staff, policy):
    response = api.post(
        modes_url(agency),
        {"entries": [entry(staff[0]), entry(staff[1], mode=WorkModeKind.ON_DUTY), entry(staff[0], TUESDAY)]},
        format="json",
    )
    assert response.status_code == 200
    days = {day["date"]: day for day in response.json()["days"]}
    assert (days["2021-06-07"]["remote"], days["2021-06-07"]["cap"]) == (1, 2)
    assert days["2021-06-08"]["remote"] == 1
    assert WorkMode.objects.filter(agency=agency).count() == 3
    assert WorkMode.objects.get(staff=staff[0], day=MONDAY).updated_by.username == "truong-phong"


def test_null_mode_clears_the_day(api, agency, staff, policy, head):
    work_modes_set(agency=agency, entries=[(staff[0].pk, MONDAY, WorkModeKind.REMOTE)], actor=head)
    response = api.post(modes_url(agency), {"entries": [entry(staff[0], mode=None)]}, format="json")
    assert response.status_code == 200
    assert not WorkMode.objects.filter(staff=staff[0]).exists()


def test_over_the_cap_is_409_with_the_day_in_vietnamese_and_nothing_saved(api, agency, staff, policy):
    entries = [entry(staff[0], TUESDAY)] + [entry(member) for member in staff[:3]]
    response = api.post(modes_url(agency), {"entries": entries}, format="json")
    assert response.status_code == 409
    assert response.json()["detail"] == "Vượt mức tối đa làm việc tại nhà; không lưu thay đổi nào."
    (error,) = response.json()["errors"]
    assert error == {
        "date": "2021-06-07",
        "remote": 3,
        "cap": 2,
        "counted_staff": 4,
        "message": "Thứ Hai 07/06/2021: 3 người làm việc tại nhà, vượt mức tối đa 2 (1/2 của 4 người, Công văn 2629/UBND)",
    }
    assert not WorkMode.objects.exists()


def test_exempt_staff_at_home_do_not_count_against_the_cap(api, agency, staff, policy):
    police = StaffMemberFactory.create_batch(3, agency=agency, duty_group=DutyGroup.POLICE)
    entries = [entry(member) for member in staff[:2] + police]
    response = api.post(modes_url(agency), {"entries": entries}, format="json")
    assert response.status_code == 200
    (day,) = response.json()["days"]
    assert (day["remote"], day["cap"], day["exempt_remote"]) == (2, 2, 3)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"entries": []},
        {"entries": "remote"},
        {"entries": [{"staff": "x", "date": "2021-06-07", "mode": "remote"}]},
        {"entries": [{"staff": 1, "date": "07/06/2021", "mode": "remote"}]},
        {"entries": [{"staff": 1, "date": "2021-06-07", "mode": "beach"}]},
        {"entries": [{"staff": 1, "date": "2021-06-07"}]},
    ],
)
def test_malformed_entries_are_400(api, agency, staff, policy, body):
    response = api.post(modes_url(agency), body, format="json")
    assert response.status_code == 400
    assert not WorkMode.objects.exists()


def test_staff_of_another_agency_is_400_and_nothing_saved(api, agency, staff, other_agency, policy):
    stranger = StaffMemberFactory(agency=other_agency)
    response = api.post(modes_url(agency), {"entries": [entry(staff[0]), entry(stranger)]}, format="json")
    assert response.status_code == 400
    assert "không thuộc" in response.json()["entries"][0]
    assert not WorkMode.objects.exists()


def test_the_same_staff_and_day_twice_is_400(api, agency, staff, policy):
    response = api.post(
        modes_url(agency), {"entries": [entry(staff[0]), entry(staff[0], mode="on_site")]}, format="json"
    )
    assert response.status_code == 400


# Scope --------------------------------------------------------------------------------------------


def test_head_cannot_read_or_write_another_agency(api, other_agency, policy):
    stranger = StaffMemberFactory(agency=other_agency)
    assert api.get(staff_url(other_agency)).status_code == 404
    assert api.get(modes_url(other_agency), {"from": "2021-06-07", "to": "2021-06-07"}).status_code == 404
    response = api.post(modes_url(other_agency), {"entries": [entry(stranger)]}, format="json")
    assert response.status_code == 404
    assert not WorkMode.objects.exists()


def test_plain_staff_member_cannot_write_their_agency(agency, staff, policy):
    member = staff[0]
    member.user = UserFactory()
    member.save()
    client = APIClient()
    client.force_authenticate(member.user)
    assert client.post(modes_url(agency), {"entries": [entry(member)]}, format="json").status_code == 404
    assert not WorkMode.objects.exists()


def test_one_stop_officer_reads_but_cannot_write(agency, staff, policy):
    client = APIClient()
    client.force_authenticate(user_with_role(Role.ONE_STOP_OFFICER, agency))
    assert client.get(modes_url(agency), {"from": "2021-06-07", "to": "2021-06-07"}).status_code == 200
    assert client.post(modes_url(agency), {"entries": [entry(staff[0])]}, format="json").status_code == 404


def test_district_office_writes_any_agency(agency, staff, policy, office_user):
    client = APIClient()
    client.force_authenticate(office_user)
    assert client.post(modes_url(agency), {"entries": [entry(staff[0])]}, format="json").status_code == 200


def test_anonymous_is_refused(agency, staff):
    client = APIClient()
    assert client.get(staff_url(agency)).status_code in (401, 403)
    response = client.post(modes_url(agency), {"entries": [entry(staff[0])]}, format="json")
    assert response.status_code in (401, 403)
    assert not WorkMode.objects.exists()


# Authentication -----------------------------------------------------------------------------------


def test_token_from_drf_create_token_authenticates_an_app(agency, staff, policy, head):
    output = io.StringIO()
    call_command("drf_create_token", head.username, stdout=output)
    token = Token.objects.get(user=head)
    assert token.key in output.getvalue()
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get(staff_url(agency)).status_code == 200
    response = client.post(modes_url(agency), {"entries": [entry(staff[0])]}, format="json")
    assert response.status_code == 200
    assert stored_remote(agency) == 1


def test_a_wrong_token_is_refused(agency, staff):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    response = client.get(staff_url(agency))
    # Session auth is listed first, so DRF answers 403 rather than 401 (no WWW-Authenticate challenge).
    assert response.status_code in (401, 403)
    assert "detail" in response.json()


def test_session_write_without_csrf_token_is_refused(agency, staff, policy, head):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(head)
    response = client.post(modes_url(agency), {"entries": [entry(staff[0])]}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not WorkMode.objects.exists()


def test_session_write_with_csrf_token_is_accepted(agency, staff, policy, head):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(head)
    client.get(reverse("home"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        modes_url(agency), {"entries": [entry(staff[0])]}, format="json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    assert stored_remote(agency) == 1


# Schema -------------------------------------------------------------------------------------------


def test_schema_documents_the_refusal_shape(office_client):
    response = office_client.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    post = schema["paths"]["/api/v1/agencies/{agency_id}/work-modes/"]["post"]
    assert {"200", "400", "404", "409"} <= set(post["responses"])
    assert "CapExceeded" in str(post["responses"]["409"])
    get = schema["paths"]["/api/v1/agencies/{agency_id}/work-modes/"]["get"]
    assert {"from", "to"} <= {p["name"] for p in get["parameters"]}
