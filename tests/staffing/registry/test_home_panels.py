"""Each role's home page shows what that person needs first; the menu follows the roles."""

import pytest

from staffing.registry.constants import AgencyKind, Role
from tests.factories import (
    AgencyFactory,
    RoleAssignmentFactory,
    StaffMemberFactory,
    UserFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db


def templates_of(response):
    return [panel["template"] for panel in response.context["panels"]]


def nav_labels(response):
    return [label for group in response.context["nav_groups"] for label, _url, _prefix in group["items"]]


def test_head_home_shows_their_agency_card(head_client, agency):
    StaffMemberFactory.create_batch(2, agency=agency)
    response = head_client.get("/home/")
    panel = next(
        p for p in response.context["panels"] if p["template"] == "staffing/registry/panels/agency.html"
    )
    assert panel["agency"] == agency
    assert panel["counts"]["total"] == 2
    assert panel["can_manage"]
    assert f"/staffing/agencies/{agency.pk}/staff/import/" in response.text
    assert "Nhập cán bộ" in nav_labels(response)


def test_office_home_shows_district_counts(office_client, agency, other_agency):
    AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    StaffMemberFactory.create_batch(3, agency=agency)
    response = office_client.get("/home/")
    panel = next(
        p for p in response.context["panels"] if p["template"] == "staffing/registry/panels/district.html"
    )
    assert panel["counts"]["total"] == 3
    by_kind = {str(label): n for label, n in panel["agencies_by_kind"]}
    assert by_kind[str(AgencyKind.COMMUNE_COMMITTEE.label)] == 1
    assert by_kind[str(AgencyKind.SPECIALISED_OFFICE.label)] == 2
    assert "Cơ quan, đơn vị" in nav_labels(response)


def test_leadership_home_has_district_counts_but_no_import(client):
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    response = client.get("/home/")
    assert "staffing/registry/panels/district.html" in templates_of(response)
    assert "Nhập cán bộ" not in nav_labels(response)


def test_staff_member_home_shows_their_own_card(client, agency):
    user = UserFactory()
    member = StaffMemberFactory(agency=agency, user=user, position="Chuyên viên", mobile_phone="0912000111")
    client.force_login(user)
    response = client.get("/home/")
    assert "staffing/registry/panels/my_card.html" in templates_of(response)
    assert "staffing/registry/panels/agency.html" not in templates_of(response)
    assert "0912000111" in response.text
    assert member.agency.name in response.text
    assert "Trang của tôi" in nav_labels(response)


@pytest.mark.parametrize("role", [Role.ONE_STOP_OFFICER, Role.COMMUNE_CHAIRMAN])
def test_commune_roles_see_their_agency_card(client, role):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    client.force_login(user_with_role(role, commune))
    response = client.get("/home/")
    panel = next(
        p for p in response.context["panels"] if p["template"] == "staffing/registry/panels/agency.html"
    )
    assert panel["agency"] == commune
    assert panel["can_manage"] is (role == Role.COMMUNE_CHAIRMAN)


def test_public_home_links_the_directory(client, agency):
    response = client.get("/")
    assert "/staffing/directory/" in response.text


def test_one_stop_officer_home_opens_with_the_dossiers(client):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    client.force_login(user_with_role(Role.ONE_STOP_OFFICER, commune))
    templates = templates_of(client.get("/home/"))
    assert templates[0] == "tthc/dossiers/panels/officer.html"
    assert "staffing/registry/panels/agency.html" in templates


def test_chairman_who_is_also_one_stop_officer_keeps_the_work_schedule_first(client):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    user = user_with_role(Role.COMMUNE_CHAIRMAN, commune)
    RoleAssignmentFactory(user=user, role=Role.ONE_STOP_OFFICER, agency=commune)
    client.force_login(user)
    templates = templates_of(client.get("/home/"))
    assert templates.index("tthc/dossiers/panels/officer.html") > templates.index(
        "staffing/registry/panels/agency.html"
    )


def test_account_without_a_role_is_told_whom_to_ask(client):
    client.force_login(UserFactory())
    response = client.get("/home/")
    assert response.status_code == 200
    assert "Tài khoản của bạn chưa được phân quyền" in response.text


def test_role_badges_name_the_given_role_before_being_on_the_staff(client):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    user = user_with_role(Role.COMMUNE_CHAIRMAN, commune)
    StaffMemberFactory(agency=commune, user=user)
    client.force_login(user)
    assert client.get("/home/").context["roles"].names == [Role.COMMUNE_CHAIRMAN, Role.STAFF_MEMBER]
