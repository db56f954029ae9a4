"""Staff import of 5,000 rows through the shared import machinery: seconds and queries per run."""

import csv
import io
import random
import time

import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.tables import Table
from staffing.registry.constants import AgencyKind
from staffing.registry.demo import mobile_number, synthetic_name
from staffing.registry.importers import StaffImporter
from staffing.registry.models import Agency, StaffMember

ROWS = 5000
HEADERS = ["Mã cán bộ", "Họ và tên", "Chức vụ", "Loại", "Nhóm nhiệm vụ", "Điện thoại di động", "Từ ngày"]
CATEGORIES = ["Cán bộ", "Công chức", "Viên chức", "Người lao động"]
DUTY_GROUPS = ["", "", "", "", "Lực lượng phòng, chống dịch", "Công an", "Quân sự"]


def staff_rows(seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [
        [
            f"BM-{n:05d}",
            synthetic_name(rng),
            rng.choice(["Chuyên viên", "Cán sự", "Giáo viên", "Điều dưỡng", "Công nhân"]),
            rng.choice(CATEGORIES),
            rng.choice(DUTY_GROUPS),
            mobile_number(rng, n),
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2000, 2020)}",
        ]
        for n in range(ROWS)
    ]


def as_csv(rows) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return SimpleUploadedFile("staff.csv", ("\ufeff" + buffer.getvalue()).encode())


def as_xlsx(rows) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet()
    for r, row in enumerate([HEADERS, *rows]):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    workbook.close()
    return SimpleUploadedFile("staff.xlsx", buffer.getvalue())


def measure(agency, upload, *, commit=True):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = StaffImporter(agency=agency).run(upload, commit=commit)
        seconds = time.perf_counter() - start
    outcome = (
        f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        if result.ok
        else f"refused: {len(result.errors)} error(s), nothing saved"
    )
    return [seconds, len(queries), f"{ROWS / seconds:,.0f}", outcome]


def run() -> Table:
    first = Agency.objects.create(name="Bench: Trung tâm Y tế", kind=AgencyKind.PUBLIC_SERVICE_UNIT)
    second = Agency.objects.create(
        name="Bench: Công ty dịch vụ công ích", kind=AgencyKind.PUBLIC_UTILITY_COMPANY
    )
    rows = staff_rows(2629)
    changed = [list(row) for row in rows]
    for row in changed[::10]:
        row[2] = "Phó Trưởng khoa"
    broken = [list(row) for row in rows]
    broken[4321][5] = "12345"
    table = Table(
        f"Staff import, {ROWS:,} rows",
        ["scenario", "seconds", "queries", "rows/s", "outcome"],
    )
    scenarios = [
        ("CSV, new staff", first, as_csv(rows), True),
        ("CSV, same file again", first, as_csv(rows), True),
        ("CSV, 500 rows changed", first, as_csv(changed), True),
        ("CSV, check only (dry run)", first, as_csv(rows), False),
        ("CSV, one bad row", first, as_csv(broken), True),
        ("XLSX, new staff", second, as_xlsx(rows), True),
    ]
    for label, agency, upload, commit in scenarios:
        table.rows.append([label, *measure(agency, upload, commit=commit)])
    StaffMember.history.filter(agency_id__in=[first.pk, second.pk]).delete()
    StaffMember.objects.filter(agency__in=[first, second]).delete()
    Agency.objects.filter(pk__in=[first.pk, second.pk]).delete()
    return table
