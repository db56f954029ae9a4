"""Reads of daily work modes: per-day counts against the cap of the policy in force (clauses 2 and 6)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from directives.selectors import policies_in_force_for_days

from .constants import WorkModeKind
from .models import StaffMember, WorkMode

WEEKDAYS = (
    lambda: pgettext("weekday", "Monday"),
    lambda: pgettext("weekday", "Tuesday"),
    lambda: pgettext("weekday", "Wednesday"),
    lambda: pgettext("weekday", "Thursday"),
    lambda: pgettext("weekday", "Friday"),
    lambda: pgettext("weekday", "Saturday"),
    lambda: pgettext("weekday", "Sunday"),
)


def weekday_name(day: datetime.date) -> str:
    return WEEKDAYS[day.weekday()]()


def date_range(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


@dataclass
class DaySummary:
    """One agency-day: counted staff (active, not exempt), how many of them work from home, and the cap."""

    day: datetime.date
    counted: int
    remote: int
    cap: int | None
    policy: object = None
    exempt: int = 0
    exempt_remote: int = 0
    modes: dict = field(default_factory=dict)  # mode -> count over all active staff
    planned: int = 0

    @property
    def over_cap(self) -> bool:
        return self.cap is not None and self.remote > self.cap

    @property
    def ratio_display(self) -> str:
        return self.policy.ratio_display if self.policy else ""

    def message(self) -> str:
        """The refusal sentence: the day, how many at home, the cap and the counted staff."""
        return _(
            "%(weekday)s %(date)s: %(remote)d people working from home, above the maximum of %(cap)d "
            "(%(ratio)s of %(counted)d people)"
        ) % {
            "weekday": weekday_name(self.day),
            "date": formats.date_format(self.day, "SHORT_DATE_FORMAT"),
            "remote": self.remote,
            "cap": self.cap,
            "ratio": self.ratio_display,
            "counted": self.counted,
        }


def staff_active_between(agency, start: datetime.date, end: datetime.date):
    return StaffMember.objects.filter(agency=agency).filter(
        Q(active_from__isnull=True) | Q(active_from__lte=end),
        Q(active_until__isnull=True) | Q(active_until__gte=start),
    )


def summarize_days(*, agency, days, staff_rows, modes: dict, policies: dict) -> dict:
    """Count each day from plain rows: staff_rows are (id, duty_group, active_from, active_until) tuples,
    modes maps (staff_id, day) -> mode, policies maps day -> policy or None."""
    summaries = {}
    for day in days:
        policy = policies.get(day)
        exempt_groups = set(policy.exempt_duty_groups) if policy else set()
        summary = DaySummary(day=day, counted=0, remote=0, cap=None, policy=policy)
        for staff_id, duty_group, active_from, active_until in staff_rows:
            if (active_from and active_from > day) or (active_until and active_until < day):
                continue
            mode = modes.get((staff_id, day))
            if mode:
                summary.planned += 1
                summary.modes[mode] = summary.modes.get(mode, 0) + 1
            if duty_group in exempt_groups:
                summary.exempt += 1
                summary.exempt_remote += mode == WorkModeKind.REMOTE
                continue
            summary.counted += 1
            summary.remote += mode == WorkModeKind.REMOTE
        if policy:
            summary.cap = policy.remote_cap(summary.counted)
        summaries[day] = summary
    return summaries


def work_mode_days(*, agency, start: datetime.date, end: datetime.date) -> dict:
    """{day: DaySummary} for an agency over [start, end] in three queries, whatever the staff count."""
    days = date_range(start, end)
    staff_rows = list(
        staff_active_between(agency, start, end).values_list(
            "id", "duty_group", "active_from", "active_until"
        )
    )
    modes = {
        (staff_id, day): mode
        for staff_id, day, mode in WorkMode.objects.filter(
            agency=agency, day__gte=start, day__lte=end
        ).values_list("staff_id", "day", "mode")
    }
    policies = policies_in_force_for_days(agency=agency, days=days)
    return summarize_days(agency=agency, days=days, staff_rows=staff_rows, modes=modes, policies=policies)
