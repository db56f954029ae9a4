"""The staff import page: scoped to the agencies the user runs, lists row errors, saves all or nothing."""

import pytest

from staffing.registry.constants import Role
from staffing.registry.models import StaffMember
from tests.factories import AgencyFactory, user_with_role
from tests.staffing.spreadsheets import csv_upload, staff_row, xlsx_upload

pytestmark = pytest.mark.django_db


def test_head_imports_into_their_agency(head_client, agency):
    response = head_client.post(
        f"/staffing/agencies/{agency.pk}/staff/import/",
        {"file": xlsx_upload([staff_row("TP-001"), staff_row("TP-002")]), "import": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/staffing/agencies/{agency.pk}/staff/"
    assert StaffMember.objects.filter(agency=agency).count() == 2


def test_head_of_agency_a_gets_404_on_agency_b_import(head_client, other_agency):
    url = f"/staffing/agencies/{other_agency.pk}/staff/import/"
    assert head_client.get(url).status_code == 404
    assert head_client.post(url, {"file": csv_upload([staff_row("X-1")]), "import": "1"}).status_code == 404
    assert not StaffMember.objects.exists()


def test_staff_member_and_leadership_cannot_import(client, agency):
    for user in (user_with_role(Role.STAFF_MEMBER, agency), user_with_role(Role.DISTRICT_LEADERSHIP)):
        client.force_login(user)
        assert client.get(f"/staffing/agencies/{agency.pk}/staff/import/").status_code == 404
        assert client.get("/staffing/staff/import/").status_code == 404


def test_page_lists_row_column_and_vietnamese_message_and_saves_nothing(office_client, agency):
    rows = [staff_row("TP-001"), staff_row("TP-002", phone="12"), staff_row("TP-003")]
    response = office_client.post(
        f"/staffing/agencies/{agency.pk}/staff/import/", {"file": csv_upload(rows), "import": "1"}
    )
    assert response.status_code == 200
    assert not StaffMember.objects.exists()
    assert "Chưa lưu dữ liệu nào." in response.text
    table = response.text[response.text.index('id="import-errors"') :]
    assert '<td class="nowrap">3</td><td>Điện thoại di động</td>' in table
    assert "Hãy nhập số di động Việt Nam" in table


def test_check_only_shows_what_would_happen_and_saves_nothing(office_client, agency):
    response = office_client.post(
        f"/staffing/agencies/{agency.pk}/staff/import/",
        {"file": csv_upload([staff_row("TP-001")]), "check": "1"},
    )
    assert response.status_code == 200
    assert "nếu nhập sẽ thêm mới 1" in response.text
    assert not StaffMember.objects.exists()


def test_formula_file_is_refused_on_the_page(office_client, agency):
    response = office_client.post(
        f"/staffing/agencies/{agency.pk}/staff/import/",
        {"file": xlsx_upload([staff_row("TP-001", name="=1+1")]), "import": "1"},
    )
    assert "Không chấp nhận công thức" in response.text
    assert not StaffMember.objects.exists()


def test_head_with_one_agency_goes_straight_to_its_import_page(head_client, agency):
    response = head_client.get("/staffing/staff/import/")
    assert response["Location"] == f"/staffing/agencies/{agency.pk}/staff/import/"


def test_office_chooses_the_agency_on_the_page(office_client, agency, other_agency):
    page = office_client.get("/staffing/staff/import/")
    assert page.status_code == 200
    assert other_agency.name in page.text
    response = office_client.get("/staffing/staff/import/", {"agency": other_agency.pk})
    assert response["Location"] == f"/staffing/agencies/{other_agency.pk}/staff/import/"


def test_head_cannot_pick_another_agency_on_the_picker(client, agency, other_agency):
    third = AgencyFactory()
    user = user_with_role(Role.AGENCY_HEAD, agency)
    user.role_assignments.create(role=Role.AGENCY_HEAD, agency=third)
    client.force_login(user)
    response = client.get("/staffing/staff/import/", {"agency": other_agency.pk})
    assert response.status_code == 200
    assert "agency" in response.context["form"].errors


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_templates_download(head_client, fmt):
    response = head_client.get(f"/staffing/staff/import/template.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="staff-template.{fmt}"'
    if fmt == "csv":
        assert response.content.startswith(b"\xef\xbb\xbf")
        assert "Mã cán bộ *" in response.content.decode("utf-8-sig")
