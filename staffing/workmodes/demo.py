"""Demo work-mode plans for `manage.py seed_demo`, written through work_modes_set like any head's plan.

Two weeks are planned: the first week under 2629/UBND (07–13/06/2021) and the current week, so that the
pages show a lived-in district whatever day the demo runs. A few agencies are left without a plan, as in
real life, so the office's "no plan" status has something to show. A week already planned is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from directives.policy.selectors import policies_in_force_for_days
from staffing.registry.models import Agency, StaffMember

from .constants import WorkModeKind
from .models import WorkMode
from .services import work_modes_set

FIRST_WEEK = datetime.date(2021, 6, 7)
UNPLANNED_EVERY = 9  # every ninth agency has not planned yet


def _weeks(today: datetime.date) -> list[datetime.date]:
    this_monday = today - datetime.timedelta(days=today.weekday())
    return sorted({FIRST_WEEK, this_monday})


def _week_entries(agency, staff, monday, policies) -> list[tuple]:
    """Rotate home work day by day among counted staff, up to the cap (or two in five without a policy)."""
    entries = []
    for offset in range(5):
        day = monday + datetime.timedelta(days=offset)
        policy = policies[day]
        exempt = set(policy.exempt_duty_groups) if policy else set()
        active = [s for s in staff if s.is_active_on(day)]
        counted = [s for s in active if s.duty_group not in exempt]
        at_home = policy.remote_cap(len(counted)) if policy else len(counted) * 2 // 5
        start = (offset * at_home) % len(counted) if counted else 0
        home_ids = {counted[(start + n) % len(counted)].pk for n in range(at_home)}
        for index, member in enumerate(active):
            if member.duty_group in exempt:
                mode = WorkModeKind.ON_DUTY
            elif member.pk in home_ids:
                mode = WorkModeKind.REMOTE
            elif (index + offset) % 23 == 0:
                mode = WorkModeKind.LEAVE
            else:
                mode = WorkModeKind.ON_SITE
            entries.append((member.pk, day, mode))
    return entries


def seed(*, password: str, today: datetime.date | None = None) -> list[dict]:
    today = today or timezone.localdate()
    actor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    agencies = list(Agency.objects.active().order_by("pk"))
    staff_by_agency: dict = {}
    for member in StaffMember.objects.filter(agency__in=agencies).order_by("pk"):
        staff_by_agency.setdefault(member.agency_id, []).append(member)
    for monday in _weeks(today):
        sunday = monday + datetime.timedelta(days=6)
        planned = set(
            WorkMode.objects.filter(day__gte=monday, day__lte=sunday)
            .values_list("agency_id", flat=True)
            .distinct()
        )
        for position, agency in enumerate(agencies, start=1):
            if position % UNPLANNED_EVERY == 0 or agency.pk in planned or not staff_by_agency.get(agency.pk):
                continue
            days = [monday + datetime.timedelta(days=n) for n in range(5)]
            policies = policies_in_force_for_days(agency=agency, days=days)
            entries = _week_entries(agency, staff_by_agency[agency.pk], monday, policies)
            work_modes_set(agency=agency, entries=entries, actor=actor)
    return []
