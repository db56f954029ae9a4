"""Importing the catalogue from a spreadsheet: all rows or none, errors by row and column, matched by code."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import ProcedureFactory, user_with_role
from tthc.catalogue.importers import ProcedureImporter
from tthc.catalogue.models import Procedure

pytestmark = pytest.mark.django_db

HEADERS = [
    "Mã thủ tục",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cấp thực hiện",
    "Đơn vị thời hạn",
    "Thời hạn",
    "Mức độ",
    "Trực tiếp theo luật",
    "Căn cứ pháp lý",
    "Trả qua bưu chính",
]


def row(
    code,
    name="Đăng ký khai sinh",
    unit="Trong ngày",
    days="",
    online="3",
    by_law="Không",
    basis="",
    postal="",
):
    return [code, name, "Hộ tịch", "Cấp xã", unit, days, online, by_law, basis, postal]


def upload(rows, headers=HEADERS):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return SimpleUploadedFile(
        "catalogue.csv", ("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv"
    )


def test_rows_are_created_with_labels_in_vietnamese():
    result = ProcedureImporter().run(
        upload(
            [
                row("1.001193"),
                row("1.004873", unit="Ngày làm việc", days="3", name="Xác nhận tình trạng hôn nhân"),
            ]
        )
    )
    assert result.ok, result.errors
    assert result.created == 2
    procedure = Procedure.objects.get(code="1.004873")
    assert (procedure.level, procedure.processing_time_unit, procedure.processing_time_value) == (
        "commune",
        "working_days",
        3,
    )


def test_one_wrong_row_saves_nothing_and_names_row_and_column():
    result = ProcedureImporter().run(
        upload(
            [row("1.001193"), row("2.000884", by_law="Có", basis="", postal="Không"), row("9.1", online="7")]
        )
    )
    assert not result.ok
    assert not Procedure.objects.exists()
    located = {(e.row, e.column) for e in result.errors}
    assert (3, "Căn cứ pháp lý") in located
    assert (4, "Mức độ") in located


def test_an_existing_code_is_updated_and_an_identical_row_left_unchanged():
    ProcedureFactory(
        code="1.001193", name="Tên cũ", level="commune", processing_time_unit="same_day", online_level=3
    )
    ProcedureImporter().run(upload([row("1.000656", name="Đăng ký khai tử")]))
    result = ProcedureImporter().run(upload([row("1.001193"), row("1.000656", name="Đăng ký khai tử")]))
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert Procedure.objects.get(code="1.001193").name == "Đăng ký khai sinh"


def test_the_same_code_twice_in_a_file_is_an_error():
    result = ProcedureImporter().run(upload([row("1.001193"), row("1.001193")]))
    assert not result.ok
    assert result.errors[0].row == 3


def test_check_only_saves_nothing():
    result = ProcedureImporter().run(upload([row("1.001193")]), commit=False)
    assert result.ok and result.created == 1 and not result.committed
    assert not Procedure.objects.exists()


def test_office_imports_from_the_page(office_client):
    response = office_client.post(
        reverse("tthc:procedure-import"), {"file": upload([row("1.001193")]), "import": "1"}
    )
    assert response.status_code == 302
    assert Procedure.objects.filter(code="1.001193").exists()


def test_the_page_lists_errors_and_saves_nothing(office_client):
    response = office_client.post(
        reverse("tthc:procedure-import"), {"file": upload([row("1.001193", online="9")]), "import": "1"}
    )
    assert response.status_code == 200
    assert "import-errors" in response.content.decode()
    assert not Procedure.objects.exists()


def test_heads_and_one_stop_officers_cannot_import(client, agency):
    for role in (Role.AGENCY_HEAD, Role.ONE_STOP_OFFICER):
        client.force_login(user_with_role(role, agency))
        assert client.get(reverse("tthc:procedure-import")).status_code == 404
        assert client.get(reverse("tthc:procedure-import-template-xlsx")).status_code == 404


def test_the_template_downloads(office_client):
    response = office_client.get(reverse("tthc:procedure-import-template-csv"))
    assert response.status_code == 200
    assert "Mã thủ tục" in response.content.decode(
        "utf-8-sig"
    ) or "Procedure code" in response.content.decode("utf-8-sig")
