"""Mondays: last week's summary from the stored daily reports, to the office and leadership, with its XLSX."""

import datetime
import io

import openpyxl
import pytest
from django.core import mail

from directives.compliance.services import compliance_report_send
from directives.compliance.tasks import send_weekly_compliance_summary
from directives.compliance.weekly import last_week, weekly_summary
from tests.compliance_fixtures import TODAY, report_readers, small_district

pytestmark = pytest.mark.django_db

MONDAY_AFTER = datetime.date(2021, 6, 14)


def test_last_week_is_monday_to_sunday_before():
    assert last_week(MONDAY_AFTER) == (datetime.date(2021, 6, 7), datetime.date(2021, 6, 13))


def test_the_summary_counts_each_agency_days_from_the_stored_reports_and_is_sent_once(settings):
    small_district()
    report_readers()
    compliance_report_send(day=TODAY)  # Tuesday 08/06
    compliance_report_send(day=TODAY + datetime.timedelta(days=1))  # Wednesday 09/06
    mail.outbox.clear()

    summary = weekly_summary(day=MONDAY_AFTER)
    rows = {row.agency: row for row in summary.rows}
    assert summary.days_reported == [TODAY, TODAY + datetime.timedelta(days=1)]
    assert rows["Phòng Tư pháp"].over_cap == 2  # over the cap on both days (counted once per day)
    assert rows["Phòng Y tế"].no_plan == 2

    assert send_weekly_compliance_summary(MONDAY_AFTER.isoformat()) == 2
    assert send_weekly_compliance_summary(MONDAY_AFTER.isoformat()) == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["lanhdao@example.gov.vn", "vanphong@example.gov.vn"]
    message = mail.outbox[0]
    assert "Tổng hợp tuần từ 07/06/2021 đến 13/06/2021" in message.subject
    assert "Phòng Tư pháp" in message.body
    ((name, content, mimetype),) = message.attachments
    assert name == "weekly-summary-2021-06-07.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header = [cell.value for cell in sheet[4]]
    assert header[:3] == ["Cơ quan, đơn vị", "Số ngày vượt tỷ lệ", "Số ngày chưa có kế hoạch"]
    values = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert values["Phòng Tư pháp"][1] == 2
