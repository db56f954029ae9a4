"""Import from CSV/XLSX (every bad row named, nothing saved if one fails, check only) and the XLSX export."""

import io

import openpyxl
import pytest
from django.urls import reverse

from staffing.companies.importers import CompanyImporter
from staffing.companies.models import Company
from tests.staffing.spreadsheets import csv_upload, xlsx_upload

from .conftest import make_company, tax_code

pytestmark = pytest.mark.django_db

HEADERS = ["Mã số thuế", "Tên doanh nghiệp", "Ngành", "Tổng số lao động", "Làm việc trực tuyến", "Điện thoại"]


def row(serial, name=None, sector="Sản xuất", workforce="50", online="10", phone="0912345678"):
    return [tax_code(serial), name or f"Công ty Nhập {serial}", sector, workforce, online, phone]


def test_import_creates_companies_from_csv(commune):
    result = CompanyImporter(commune=commune).run(csv_upload([row(1), row(2)], HEADERS))
    assert result.ok and result.committed and result.created == 2
    assert set(Company.objects.values_list("commune", flat=True)) == {commune.pk}
    assert Company.objects.get(tax_code=tax_code(1)).sector == "manufacturing"


def test_every_bad_row_is_named_and_nothing_is_saved(commune, other_commune):
    make_company(other_commune, 9)
    wrong = tax_code(3)[:9] + str((int(tax_code(3)[9]) + 1) % 10)
    rows = [
        row(1),
        row(2, workforce="5", online="8"),
        [wrong, "Công ty Sai Mã", "Sản xuất", "5", "1", ""],
        row(9),
        row(4, sector="Không có ngành này"),
    ]
    result = CompanyImporter(commune=commune).run(xlsx_upload(rows, HEADERS))
    assert not result.ok and not result.committed
    by_row = {(e.row, e.column) for e in result.errors}
    assert (3, "Làm việc trực tuyến") in by_row
    assert (4, "Mã số thuế") in by_row
    assert (5, "Mã số thuế") in by_row  # registered in another commune
    assert (6, "Ngành") in by_row
    assert Company.objects.filter(commune=commune).count() == 0


def test_a_second_import_updates_by_tax_code(commune):
    CompanyImporter(commune=commune).run(csv_upload([row(1)], HEADERS))
    result = CompanyImporter(commune=commune).run(csv_upload([row(1, online="30"), row(2)], HEADERS))
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert Company.objects.get(tax_code=tax_code(1)).working_online == 30


def test_check_only_saves_nothing_through_the_page(chairman_client, commune):
    url = reverse("companies:import")
    response = chairman_client.post(url, {"file": csv_upload([row(1)], HEADERS), "check": "1"})
    assert response.status_code == 200
    assert not Company.objects.exists()
    response = chairman_client.post(url, {"file": csv_upload([row(1)], HEADERS), "import": "1"})
    assert response.status_code == 302
    assert Company.objects.get().commune == commune


def test_templates_download_with_vietnamese_headers(chairman_client):
    response = chairman_client.get(reverse("companies:import-template-csv"))
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Mã số thuế *,Tên doanh nghiệp *")
    response = chairman_client.get(reverse("companies:import-template-xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(1, 1).value == "Mã số thuế *"


def test_the_template_imports_as_it_is(commune):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from staffing.toolkit.importing import template_csv

    content = template_csv(CompanyImporter(commune=commune))
    result = CompanyImporter(commune=commune).run(SimpleUploadedFile("t.csv", content))
    assert result.ok and result.created == 1
    assert Company.objects.get().tax_code == "9900000009"


def test_export_holds_the_filtered_register_in_vietnamese(chairman_client, commune, other_commune):
    make_company(commune, 1, name='=HYPERLINK("x")', workforce=80, working_online=20, sector="trade")
    make_company(commune, 2, name="Công ty Khác Ngành", sector="manufacturing")
    make_company(other_commune, 3, name="Công ty Xã Khác", sector="trade")
    response = chairman_client.get(reverse("companies:export"), {"sector": "trade"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Xã, thị trấn", "Tên doanh nghiệp", "Mã số thuế")
    assert len(rows) == 2
    assert rows[1][1] == '=HYPERLINK("x")'  # text, never a formula
    assert rows[1][2] == tax_code(1)
    assert rows[1][4] == "Thương mại, bán lẻ"
    assert rows[1][5:8] == (80, 20, 25)
    assert rows[1][10] == "Đang hoạt động"
