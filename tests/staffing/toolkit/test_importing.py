"""The shared import machinery, through the staff importer: files are read safely, rows all-or-nothing."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from staffing.registry.constants import DutyGroup, StaffCategory
from staffing.registry.importers import StaffImporter
from staffing.registry.models import StaffMember
from staffing.toolkit.importing import template_csv, template_xlsx
from tests.factories import StaffMemberFactory
from tests.staffing.spreadsheets import HEADERS, csv_upload, staff_row, xlsx_upload

pytestmark = pytest.mark.django_db


def run(agency, upload, *, commit=True):
    return StaffImporter(agency=agency).run(upload, commit=commit)


def test_csv_with_bom_creates_every_row(agency):
    result = run(agency, csv_upload([staff_row("TP-001"), staff_row("TP-002", phone="0987654321")]))
    assert result.ok, result.errors
    assert (result.created, result.updated) == (2, 0)
    member = StaffMember.objects.get(agency=agency, staff_code="TP-001")
    assert member.category == StaffCategory.CIVIL_SERVANT
    assert member.duty_group == DutyGroup.REGULAR


def test_semicolon_csv_without_bom_is_read(agency):
    result = run(agency, csv_upload([staff_row("TP-001")], delimiter=";", bom=False))
    assert result.ok, result.errors
    assert result.created == 1


def test_english_headers_and_labels_are_understood(agency):
    headers = ["Staff code", "Full name", "Position", "Category", "Duty group", "Mobile phone"]
    result = run(
        agency,
        csv_upload(
            [["TP-9", "Trần Thị Bình", "Officer", "public employee", "Police", "+84 912 345 678"]], headers
        ),
    )
    assert result.ok, result.errors
    member = StaffMember.objects.get(staff_code="TP-9")
    assert (member.category, member.duty_group, member.mobile_phone) == (
        "public_employee",
        "police",
        "0912345678",
    )


def test_xlsx_number_and_date_cells_are_read(agency):
    headers = [*HEADERS, "Từ ngày"]
    rows = [
        [
            "TP-001",
            "Lê Văn Cường",
            "Chuyên viên",
            "Cán bộ",
            "Quân sự",
            912345678,
            datetime.date(2021, 3, 5),
        ]
    ]
    result = run(agency, xlsx_upload(rows, headers))
    assert result.ok, result.errors
    member = StaffMember.objects.get(staff_code="TP-001")
    assert member.mobile_phone == "0912345678"
    assert member.active_from == datetime.date(2021, 3, 5)
    assert member.duty_group == DutyGroup.MILITARY


def test_date_typed_05_03_2021_in_a_csv_is_fifth_of_march(agency):
    headers = [*HEADERS, "Từ ngày"]
    result = run(agency, csv_upload([[*staff_row("TP-001"), "05/03/2021"]], headers))
    assert result.ok, result.errors
    assert StaffMember.objects.get(staff_code="TP-001").active_from == datetime.date(2021, 3, 5)


def test_one_bad_row_among_good_ones_saves_nothing_and_names_row_column_and_reason(agency):
    rows = [
        staff_row("TP-001"),
        staff_row("TP-002", phone="12345"),
        staff_row("TP-003", category="Giám đốc"),
        staff_row("TP-004"),
    ]
    result = run(agency, csv_upload(rows))
    assert not result.ok
    assert StaffMember.objects.count() == 0
    by_row = {(e.row, e.column): e.message for e in result.errors}
    assert "số di động" in by_row[(3, "Điện thoại di động")].lower()
    assert "Giám đốc" in by_row[(4, "Loại")]
    assert result.created == 0


def test_an_error_found_while_saving_also_rolls_back_every_row(agency):
    rows = [staff_row("TP-001"), [*staff_row("TP-002"), "01/06/2021", "31/05/2021"]]
    result = run(agency, csv_upload(rows, [*HEADERS, "Từ ngày", "Đến ngày"]))
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, "Đến ngày")]
    assert StaffMember.objects.count() == 0


def test_same_staff_code_twice_in_a_file_is_an_error(agency):
    result = run(agency, csv_upload([staff_row("TP-001"), staff_row("TP-001", name="Người khác")]))
    assert [(e.row, e.column) for e in result.errors] == [(3, "Mã cán bộ")]
    assert "dòng 2" in result.errors[0].message


def test_existing_staff_code_updates_and_new_code_creates(agency, other_agency):
    kept = StaffMemberFactory(
        agency=agency, staff_code="TP-001", full_name="Tên cũ", mobile_phone="0911111111"
    )
    same_code_elsewhere = StaffMemberFactory(agency=other_agency, staff_code="TP-002", full_name="Không đổi")
    result = run(agency, csv_upload([staff_row("TP-001", name="Tên mới"), staff_row("TP-002")]))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    kept.refresh_from_db()
    same_code_elsewhere.refresh_from_db()
    assert kept.full_name == "Tên mới"
    assert same_code_elsewhere.full_name == "Không đổi"
    assert StaffMember.objects.filter(agency=agency).count() == 2


def test_reimporting_the_same_file_changes_nothing_and_writes_no_history(agency):
    upload = csv_upload([staff_row("TP-001"), staff_row("TP-002")])
    run(agency, upload)
    history = StaffMember.history.count()
    result = run(agency, csv_upload([staff_row("TP-001"), staff_row("TP-002")]))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert StaffMember.history.count() == history


def test_check_only_saves_nothing_but_counts(agency):
    result = run(agency, csv_upload([staff_row("TP-001")]), commit=False)
    assert result.ok and result.created == 1 and not result.committed
    assert StaffMember.objects.count() == 0


def test_formula_cell_in_xlsx_is_refused(agency):
    result = run(
        agency, xlsx_upload([staff_row("TP-001"), staff_row("TP-002", name='=HYPERLINK("http://x")')])
    )
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, "Họ và tên")]
    assert "công thức" in result.errors[0].message.lower()
    assert StaffMember.objects.count() == 0


def test_formula_in_a_column_the_importer_ignores_is_refused_too(agency):
    rows = [[*staff_row("TP-001"), "=SUM(1,2)"]]
    result = run(agency, xlsx_upload(rows, [*HEADERS, ""]))
    assert [(e.row, e.column) for e in result.errors] == [(2, "G")]
    assert StaffMember.objects.count() == 0


def test_formula_in_csv_is_refused(agency):
    result = run(agency, csv_upload([staff_row("=1+1")]))
    assert [(e.row, e.column) for e in result.errors][0] == (2, "Mã cán bộ")
    assert StaffMember.objects.count() == 0


def test_oversized_file_is_refused(agency, settings):
    settings.IMPORT_MAX_BYTES = 200
    result = run(agency, csv_upload([staff_row(f"TP-{i:03d}") for i in range(20)]))
    assert not result.ok
    assert result.errors[0].row is None
    assert "200" in result.errors[0].message
    assert StaffMember.objects.count() == 0


def test_too_many_rows_are_refused(agency, settings):
    settings.IMPORT_MAX_ROWS = 3
    result = run(agency, xlsx_upload([staff_row(f"TP-{i:03d}") for i in range(4)]))
    assert not result.ok
    assert "3" in result.errors[0].message
    assert StaffMember.objects.count() == 0


def test_xlsx_that_unpacks_to_far_more_than_its_size_is_refused(agency):
    upload = xlsx_upload([staff_row("TP-001")])
    packed = io.BytesIO(upload.read())
    with zipfile.ZipFile(packed, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (120 * 1024 * 1024))
    assert packed.tell() < 1024 * 1024
    result = run(agency, SimpleUploadedFile("staff.xlsx", packed.getvalue()))
    assert not result.ok
    assert result.errors[0].row is None
    assert "XLSX" in result.errors[0].message
    assert StaffMember.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00", "staff.csv"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "staff.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "staff.xlsx"),
        (b"PK\x03\x04" + b"\x00" * 64, "staff.xlsx"),
    ],
)
def test_a_file_that_is_no_spreadsheet_is_refused_whatever_its_name(agency, content, name):
    result = run(agency, SimpleUploadedFile(name, content))
    assert not result.ok
    assert result.errors[0].row is None
    assert StaffMember.objects.count() == 0


def test_missing_required_column_is_named(agency):
    result = run(agency, csv_upload([["TP-001", "An"]], ["Mã cán bộ", "Họ và tên"]))
    assert result.errors[0].row is None
    assert "Loại" in result.errors[0].message


def test_templates_round_trip_through_the_importer(agency):
    importer = StaffImporter(agency=agency)
    for content, name in (
        (template_csv(importer), "template.csv"),
        (template_xlsx(importer), "template.xlsx"),
    ):
        result = importer.run(SimpleUploadedFile(name, content), commit=False)
        assert result.ok, result.errors
        assert result.created == 1


def test_xlsx_template_keeps_text_that_looks_like_a_formula_as_text():
    import io

    import openpyxl

    class Probe(StaffImporter):
        columns = (StaffImporter.columns[0].__class__("staff_code", "=1+1", example="=2+2"),)

    workbook = openpyxl.load_workbook(io.BytesIO(template_xlsx(Probe(agency=None))))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)


@pytest.mark.parametrize("upload", [lambda: csv_upload([]), lambda: xlsx_upload([])])
def test_a_file_with_headings_only_is_refused_not_imported_as_nothing(agency, upload):
    result = run(agency, upload())
    assert not result.ok
    assert result.errors[0].message.startswith("Tệp chỉ có dòng tiêu đề")


def test_a_csv_cell_too_long_for_the_reader_is_said_in_vietnamese(agency, settings):
    settings.IMPORT_MAX_BYTES = 10 * 1024 * 1024
    huge = "A" * 200_000
    upload = SimpleUploadedFile("staff.csv", ("\ufeff" + ",".join(HEADERS) + f'\nTP-1,"{huge}\n').encode())
    result = run(agency, upload)
    assert not result.ok
    message = result.errors[0].message
    assert "field limit" not in message and "Không đọc được tệp CSV" in message


def test_a_file_just_over_the_limit_reads_larger_than_the_limit(agency, settings):
    settings.IMPORT_MAX_BYTES = 10 * 1024 * 1024
    upload = SimpleUploadedFile("staff.csv", b"a" * (10 * 1024 * 1024 + 1))
    message = run(agency, upload).errors[0].message
    assert "10.485.761 byte" in message and "10.485.760 byte" in message
