"""The assignments' figures of the day for the dashboard: how many home workers sent a progress report,
and how many assignments are overdue (results of home work, clause 2 of 2629/UBND)."""

import datetime

from django.db.models import Exists, F, OuterRef

from directives.compliance.figures import register_figures
from staffing.registry.models import active_between_q
from staffing.workmodes.compliance_sections import report_day_table
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode

from .constants import OPEN_STATUSES
from .models import Assignment, ProgressReport


def assignment_figures(day: datetime.date) -> dict:
    """Staff on the payroll planned at home on the day (by their own agency), those of them who reported that day, the
    share in whole percent (None when nobody is at home) and open assignments past their due date."""
    # Staff on the payroll that day planned at home by their own agency: what the district day table counts.
    at_home = WorkMode.objects.filter(
        active_between_q(day, prefix="staff__"), day=day, mode=WorkModeKind.REMOTE, agency=F("staff__agency")
    )
    table = report_day_table(day)
    if table is not None:  # the report counted the day's plans already: the same home workers, read once
        home = sum(row.modes.get(WorkModeKind.REMOTE, 0) for row in table)
    else:
        home = at_home.count()
    # Read from the reports' side: one index look-up per report of the day, whatever the number at home.
    sent = (
        ProgressReport.objects.filter(day=day)
        .filter(Exists(at_home.filter(staff_id=OuterRef("staff_id"))))
        .values("staff_id")
        .distinct()
        .count()
    )
    return {
        "home_workers": home,
        "home_workers_reported": sent,
        "progress_report_rate": round(100 * sent / home) if home else None,
        "assignments_overdue": Assignment.objects.filter(status__in=OPEN_STATUSES, due_date__lt=day).count(),
    }


def register() -> None:
    register_figures("assignments", assignment_figures)
