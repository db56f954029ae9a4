"""Build small CSV and XLSX uploads for the import tests."""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

HEADERS = ["Mã cán bộ", "Họ và tên", "Chức vụ", "Loại", "Nhóm nhiệm vụ", "Điện thoại di động"]


def staff_row(
    code, name="Nguyễn Văn An", position="Chuyên viên", category="Công chức", duty="", phone="0912345678"
):
    return [code, name, position, category, duty, phone]


def csv_upload(rows, headers=HEADERS, *, delimiter=",", bom=True, name="staff.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    return SimpleUploadedFile(name, (b"\xef\xbb\xbf" if bom else b"") + data, content_type="text/csv")


def xlsx_upload(rows, headers=HEADERS, *, name="staff.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name,
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
