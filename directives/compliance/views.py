"""Pages of the daily compliance report, for the district office, leadership and administrators."""

import datetime
import io
import logging

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
from .exports import report_filename, report_xlsx
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
    # Only stored and enqueued: the outbox's worker sends it, so a silent mail server never holds the page.
    report, sent = compliance_report_send(day=today, deliver=False)
    if sent:
        messages.success(
            request,
            _("Today's report is being sent to %(count)d addresses (see the outbox).")
            % {"count": len(report.recipient_list)},
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
    return xlsx.xlsx_response(io.BytesIO(report_xlsx(report)), report_filename(report.day))
