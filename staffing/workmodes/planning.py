"""Reads of the Friday planning reminder: which agencies have not planned next week, and whom to tell."""

import datetime

from django.db.models import Exists, OuterRef

from staffing.registry.constants import AGENCY_MANAGER_ROLES
from staffing.registry.models import Agency, RoleAssignment, StaffMember

from .models import PlanningReminder, WorkMode


def week_to_plan(day: datetime.date) -> datetime.date:
    """The Monday of the week after `day`'s week."""
    return day + datetime.timedelta(days=7 - day.weekday())


def agencies_without_plan(*, week_start: datetime.date):
    """Active agencies with staff active during the week and not one work mode planned in it (one query)."""
    week_end = week_start + datetime.timedelta(days=6)
    staffed = StaffMember.objects.filter(agency=OuterRef("pk")).active_between(week_start, week_end)
    planned = WorkMode.objects.filter(agency=OuterRef("pk"), day__gte=week_start, day__lte=week_end)
    return Agency.objects.active().filter(Exists(staffed)).exclude(Exists(planned)).order_by("name")


def _managers(agency_ids):
    return (
        RoleAssignment.objects.filter(
            agency__in=agency_ids, role__in=AGENCY_MANAGER_ROLES, user__is_active=True
        )
        .select_related("user")
        .order_by("agency_id", "user__last_name", "user__first_name", "user__username")
    )


def planning_recipients(*, agency_ids) -> dict[int, list[str]]:
    """{agency id: e-mail addresses of its heads and commune chairmen} (one query); no address, no entry."""
    result: dict[int, list[str]] = {}
    for assignment in _managers(agency_ids):
        email = assignment.user.email.strip()
        if email and email not in result.get(assignment.agency_id, []):
            result.setdefault(assignment.agency_id, []).append(email)
    return result


def managers_without_email(*, agency_ids) -> dict[int, list[str]]:
    """{agency id: names of its heads and commune chairmen who have no e-mail address} (one query)."""
    result: dict[int, list[str]] = {}
    for assignment in _managers(agency_ids):
        if not assignment.user.email.strip():
            user = assignment.user
            result.setdefault(assignment.agency_id, []).append(user.get_full_name() or user.get_username())
    return result


def unreached_planning_reminders(*, week_start: datetime.date):
    """Reminders for the week that reached nobody (no head with an e-mail) while the agency still has no
    plan for it: the compliance report lists them so the district office can call."""
    week_end = week_start + datetime.timedelta(days=6)
    planned = WorkMode.objects.filter(agency=OuterRef("agency"), day__gte=week_start, day__lte=week_end)
    return (
        PlanningReminder.objects.filter(week_start=week_start, recipients="")
        .exclude(Exists(planned))
        .select_related("agency")
        .order_by("agency__name")
    )
