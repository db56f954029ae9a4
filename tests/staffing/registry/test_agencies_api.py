"""GET /api/v1/agencies/: paginated, each user limited to the agencies in their scope."""

import pytest
from rest_framework.authtoken.models import Token

from staffing.registry.constants import AgencyKind, Role
from tests.factories import AgencyFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_office_lists_every_agency(office_client, agency, other_agency):
    body = office_client.get("/api/v1/agencies/").json()
    assert body["count"] == 2
    assert {row["name"] for row in body["results"]} == {agency.name, other_agency.name}
    assert set(body["results"][0]) == {"id", "name", "kind", "short_name", "statistics_code"}


def test_head_lists_only_their_agency(head_client, agency, other_agency):
    body = head_client.get("/api/v1/agencies/").json()
    assert [row["id"] for row in body["results"]] == [agency.pk]


def test_token_authentication_applies_the_same_scope(client, agency, other_agency):
    user = user_with_role(Role.ONE_STOP_OFFICER, other_agency)
    token = Token.objects.create(user=user)
    body = client.get("/api/v1/agencies/", HTTP_AUTHORIZATION=f"Token {token.key}").json()
    assert [row["name"] for row in body["results"]] == [other_agency.name]


def test_anonymous_is_refused(client, agency):
    assert client.get("/api/v1/agencies/").status_code in (401, 403)


def test_kind_filter(office_client, agency):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE, statistics_code="27526")
    body = office_client.get("/api/v1/agencies/", {"kind": AgencyKind.COMMUNE_COMMITTEE}).json()
    assert [(row["id"], row["statistics_code"]) for row in body["results"]] == [(commune.pk, "27526")]
