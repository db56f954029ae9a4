"""The assignments' figures of the day for the dashboard: how many home workers sent a progress report,
and how many assignments are overdue (results of home work, clause 2 of 2629/UBND)."""

import datetime

from django.db.models import Count, F, Q

from directives.compliance.figures import register_figures
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode

from .constants import OPEN_STATUSES
from .models import Assignment, ProgressReport


def assignment_figures(day: datetime.date) -> dict:
    """Staff planned at home on the day (by their own agency), those of them who reported that day, the
    share in whole percent (None when nobody is at home) and open assignments past their due date."""
    # One aggregate; who reported that day is read once (not once per home worker).
    reported = ProgressReport.objects.filter(day=day).values("staff_id")
    at_home = WorkMode.objects.filter(day=day, mode=WorkModeKind.REMOTE, agency=F("staff__agency"))
    counts = at_home.aggregate(home=Count("id"), sent=Count("id", filter=Q(staff_id__in=reported)))
    home, sent = counts["home"], counts["sent"]
    return {
        "home_workers": home,
        "home_workers_reported": sent,
        "progress_report_rate": round(100 * sent / home) if home else None,
        "assignments_overdue": Assignment.objects.filter(status__in=OPEN_STATUSES, due_date__lt=day).count(),
    }


def register() -> None:
    register_figures("assignments", assignment_figures)
