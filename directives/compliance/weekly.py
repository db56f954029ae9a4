"""The Monday summary of last week, built from the stored daily reports and e-mailed with its XLSX.

Per agency: the days it was over the work-from-home cap, the days it had no plan (each counted on the
report's own day, not the next working day it also looks at), and the overdue dossiers (the most on one
day, and on the last stored day). Sent once per week and address: the outbox key decides."""

import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from staffing.outbox.services import deliver_now, message_enqueue
from staffing.toolkit import xlsx

from .models import ComplianceReport
from .selectors import report_recipients

KIND = "weekly_compliance_summary"


@dataclass
class AgencyWeek:
    agency: str
    over_cap_days: set = field(default_factory=set)
    no_plan_days: set = field(default_factory=set)
    most_overdue: int = 0
    overdue_at_end: int = 0

    @property
    def over_cap(self) -> int:
        return len(self.over_cap_days)

    @property
    def no_plan(self) -> int:
        return len(self.no_plan_days)


@dataclass
class WeekSummary:
    week_start: datetime.date
    week_end: datetime.date
    days_reported: list[datetime.date]
    rows: list[AgencyWeek]


def last_week(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week before the one holding `day`."""
    monday = day - datetime.timedelta(days=day.weekday() + 7)
    return monday, monday + datetime.timedelta(days=6)


def _rows(content: dict, key: str) -> list[dict]:
    for section in content.get("sections", []):
        if section.get("key") == key:
            return section.get("rows", [])
    return []


def weekly_summary(*, day: datetime.date) -> WeekSummary:
    start, end = last_week(day)
    reports = ComplianceReport.objects.filter(day__range=(start, end)).order_by("day")
    agencies: dict[str, AgencyWeek] = {}
    days = []
    for report in reports:
        days.append(report.day)
        own_day = report.day.isoformat()

        def row_for(name):
            return agencies.setdefault(name, AgencyWeek(agency=name))

        for row in _rows(report.content, "work_mode_over_cap"):
            if row.get("day") == own_day:
                row_for(row["agency"]).over_cap_days.add(report.day)
        for row in _rows(report.content, "work_mode_no_plan"):
            if row.get("day") == own_day:
                row_for(row["agency"]).no_plan_days.add(report.day)
        for week in agencies.values():
            week.overdue_at_end = 0
        for row in _rows(report.content, "dossiers_overdue"):
            week = row_for(row["agency"])
            overdue = int(row.get("overdue") or 0)
            week.most_overdue = max(week.most_overdue, overdue)
            week.overdue_at_end = overdue
    rows = sorted(
        agencies.values(), key=lambda w: (-w.over_cap, -w.no_plan, -w.most_overdue, w.agency.casefold())
    )
    return WeekSummary(week_start=start, week_end=end, days_reported=days, rows=rows)


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "d/m/Y")


def summary_xlsx(summary: WeekSummary) -> bytes:
    output = io.BytesIO()
    workbook = xlsx.workbook(output)
    sheet = workbook.add_worksheet(_("Weekly summary"))
    title = workbook.add_format({"bold": True, "font_size": 14})
    sheet.write_string(
        0,
        0,
        _("Weekly compliance summary from %(start)s to %(end)s")
        % {"start": _date(summary.week_start), "end": _date(summary.week_end)},
        title,
    )
    sheet.write_string(
        1,
        0,
        _("Days with a stored report: %(days)s")
        % {"days": ", ".join(_date(d) for d in summary.days_reported) or "—"},
    )
    headers = [
        _("Agency"),
        _("Days over the cap"),
        _("Days without a plan"),
        _("Most overdue dossiers on one day"),
        _("Overdue dossiers on the last day"),
    ]
    sheet.write_row(3, 0, [str(h) for h in headers], workbook.header)
    for line, week in enumerate(summary.rows, start=4):
        sheet.write_string(line, 0, week.agency, workbook.wrap)
        for column, value in enumerate(
            [week.over_cap, week.no_plan, week.most_overdue, week.overdue_at_end], start=1
        ):
            sheet.write_number(line, column, value)
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 4, 18)
    workbook.close()
    return output.getvalue()


def weekly_summary_send(*, day: datetime.date, deliver: bool = True) -> int:
    """Enqueue last week's summary for the office and leadership; the number of messages enqueued now (a
    second run enqueues none: one key per week and address)."""
    with translation.override(settings.LANGUAGE_CODE):
        summary = weekly_summary(day=day)
        context = {"summary": summary, "site_name": settings.DISTRICT_NAME}
        subject = render_to_string("emails/weekly_compliance_summary_subject.txt", context)
        text = render_to_string("emails/weekly_compliance_summary.txt", context)
        html = render_to_string("emails/weekly_compliance_summary.html", context)
        workbook = summary_xlsx(summary)
    attachment = (f"weekly-summary-{summary.week_start:%Y-%m-%d}.xlsx", workbook, xlsx.CONTENT_TYPE)
    messages = []
    for address in report_recipients():
        message, created = message_enqueue(
            key=f"{KIND}:{summary.week_start.isoformat()}:{address}",
            kind=KIND,
            to=address,
            subject=subject,
            text=text,
            html=html,
            attachments=[attachment],
        )
        if created:
            messages.append(message)
    if deliver:
        deliver_now(messages)
    return len(messages)
