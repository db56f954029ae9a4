"""Pages of the daily compliance report, for the district office, leadership and administrators."""

import datetime
import io
import logging
import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffing.registry.roles import roles_for
from staffing.toolkit import xlsx

from .charts import dashboard_charts
from .models import ComplianceReport
from .registry import build_report, render_report
from .services import compliance_report_send
from .trends import TREND_DAYS, trend

logger = logging.getLogger(__name__)

REPORTS_PER_PAGE = 31


def _check_reader(user):
    """The report names every agency: only district-wide roles read it (404 for everyone else)."""
    roles = roles_for(user)
    if not roles.sees_all_agencies:
        raise Http404
    return roles


@login_required
def report_list(request):
    _check_reader(request.user)
    reports = ComplianceReport.objects.defer("content").order_by("-day")
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"today": timezone.localdate(), "page_obj": page}
    return render(request, "directives/compliance/list.html", context)


@login_required
def report_detail(request, day):
    roles = _check_reader(request.user)
    try:
        day = datetime.date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    today = timezone.localdate()
    stored = ComplianceReport.objects.filter(day=day).first()
    if stored is not None:
        content = stored.content
    elif day == today:
        content = build_report(day)
    else:
        raise Http404
    report = render_report(content)
    if request.GET.get("format") == "xlsx":
        return _xlsx(report)
    context = {
        "report": report,
        "stored": stored,
        "is_today": day == today,
        "may_send": roles.is_district_manager and day == today and not (stored and stored.sent_at),
        # The trends up to the report's day, drawn as on the dashboard.
        "charts": dashboard_charts(trend(end=day, today=today)),
        "trend_days": TREND_DAYS,
    }
    return render(request, "directives/compliance/detail.html", context)


@login_required
@require_POST
def report_send(request):
    """The office's "build and send now": today's report, through the same service as the 17:00 task."""
    if not roles_for(request.user).is_district_manager:
        raise Http404
    today = timezone.localdate()
    try:
        report, sent = compliance_report_send(day=today)
    except (smtplib.SMTPException, OSError):
        logger.exception("Compliance report of %s was not sent", today)
        messages.error(request, _("The mail server refused the report; nothing was stored. Try again later."))
        return redirect("directives:compliance_detail", today.isoformat())
    if sent:
        messages.success(
            request,
            _("Today's report was sent to %(count)d addresses.") % {"count": len(report.recipient_list)},
        )
    elif report.sent_at:
        messages.info(
            request,
            _("Today's report was already sent at %(time)s; it is sent once a day.")
            % {"time": formats.time_format(timezone.localtime(report.sent_at), "H:i")},
        )
    else:
        messages.warning(
            request,
            _("Today's report was stored but not sent: no district office or leadership user has an e-mail."),
        )
    return redirect("directives:compliance_detail", today.isoformat())


def _xlsx(report) -> HttpResponse:
    output = io.BytesIO()
    workbook = xlsx.workbook(output)
    sheet = workbook.add_worksheet(_("Report"))
    title = workbook.add_format({"bold": True, "font_size": 14})
    bold, header, wrap = workbook.bold, workbook.header, workbook.wrap
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    sheet.write(
        0,
        0,
        _("Daily compliance report of %(day)s")
        % {"day": formats.date_format(report.day, "SHORT_DATE_FORMAT")},
        title,
    )
    line = 2
    for section in report.sections:
        sheet.write(line, 0, f"{section.title} ({section.label})", bold)
        line += 1
        if not section.rows:
            sheet.write(line, 0, section.empty)
            line += 2
            continue
        sheet.write_row(line, 0, [column["label"] for column in section.columns], header)
        line += 1
        for cells in section.rows:
            for number, cell in enumerate(cells):
                if isinstance(cell.value, datetime.date):
                    sheet.write_datetime(line, number, cell.value, date_format)
                elif cell.numeric:
                    sheet.write_number(line, number, cell.value)
                else:
                    sheet.write_string(line, number, cell.text, wrap)
            line += 1
        line += 1
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 6, 22)
    workbook.close()
    return xlsx.xlsx_response(output, f"compliance-report-{report.day:%Y-%m-%d}.xlsx")
