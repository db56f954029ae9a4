"""Reads of inspection teams: who may see an agency's teams, the restriction the policy in force puts on them
(clause 2, third dash of 2629/UBND), the teams a head must suspend, and participants planned at home."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from directives.policy.selectors import policies_in_force_by_kind, policies_in_force_for_days, policy_in_force
from staffing.registry.models import Agency, StaffMember
from staffing.registry.roles import roles_for
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode

from .constants import RUNNING_STATUSES, Necessity
from .models import InspectionTeam, OutsideParticipant

# A team's period is read day by day against the policies: a year is the longest the form takes.
MAX_PERIOD_DAYS = 366


def may_read(user, agency_id) -> bool:
    """District roles, and the agency's head, chairman and officers (not its plain staff)."""
    roles = roles_for(user)
    return roles.sees_all_agencies or agency_id in roles.full_view_agency_ids


def may_manage(user, agency_id) -> bool:
    return roles_for(user).can_manage_agency(agency_id)


def agency_for_user(user, pk, *, manage: bool = False) -> Agency:
    allowed = may_manage(user, int(pk)) if manage else may_read(user, int(pk))
    if not allowed:
        raise Http404
    return get_object_or_404(Agency, pk=pk)


def _base():
    return (
        InspectionTeam.objects.select_related("agency", "created_by")
        .prefetch_related(
            Prefetch(
                "participants", queryset=StaffMember.objects.select_related("agency").order_by("full_name")
            ),
            Prefetch("outsiders", queryset=OutsideParticipant.objects.order_by("pk")),
        )
        .annotate(
            staff_count=Count("participants", distinct=True), outsider_count=Count("outsiders", distinct=True)
        )
    )


def team_for_user(user, pk) -> InspectionTeam:
    team = get_object_or_404(_base(), pk=pk)
    if not may_read(user, team.agency_id):
        raise Http404
    return team


def agency_teams(agency):
    return _base().filter(agency=agency).order_by("-planned_start", "-pk")


def restriction_on(*, agency, day: datetime.date):
    """The policy in force that day if it restricts inspections, else None."""
    policy = policy_in_force(agency=agency, day=day)
    return policy if policy is not None and policy.inspections_restricted else None


def tightest_cap(*, agency, start: datetime.date, end: datetime.date):
    """(maximum, policy) of the strictest participant limit in force on any day of [start, end], or None."""
    days = [start + datetime.timedelta(days=n) for n in range(min((end - start).days, MAX_PERIOD_DAYS) + 1)]
    limits = {
        policy.pk: policy
        for policy in policies_in_force_for_days(agency=agency, days=days).values()
        if policy is not None and policy.inspections_restricted and policy.inspection_max_participants
    }
    if not limits:
        return None
    policy = min(limits.values(), key=lambda p: p.inspection_max_participants)
    return policy.inspection_max_participants, policy


# The teams a restriction of inspections stops: not marked necessary, planned or running (clause 2).
SUSPENDABLE = Q(necessity=Necessity.NOT_NECESSARY, status__in=RUNNING_STATUSES)


def must_suspend(agency, *, today: datetime.date):
    """Teams not marked necessary, planned or running, while today's policy restricts inspections."""
    policy = restriction_on(agency=agency, day=today)
    if policy is None:
        return InspectionTeam.objects.none(), None
    return agency_teams(agency).filter(SUSPENDABLE), policy


def teams_to_suspend_by_agency(*, day: datetime.date, agency_ids=None) -> list[tuple]:
    """[(agency, [teams])] of every agency whose policy in force on the day restricts inspections and that
    has planned or running teams not marked necessary (must_suspend for the whole district), in two
    queries: the policies by agency kind and the teams with their agencies."""
    policies = policies_in_force_by_kind(day=day)
    restricted = [
        kind for kind, policy in policies.items() if policy is not None and policy.inspections_restricted
    ]
    teams = (
        InspectionTeam.objects.filter(SUSPENDABLE, agency__kind__in=restricted)
        .select_related("agency")
        .order_by("agency__name", "-planned_start", "-pk")
    )
    if agency_ids is not None:
        teams = teams.filter(agency_id__in=agency_ids)
    by_agency: dict = {}
    for team in teams:
        by_agency.setdefault(team.agency, []).append(team)
    return list(by_agency.items())


def participant_count(team) -> int:
    return team.staff_count + team.outsider_count


@dataclass
class HomeConflict:
    member: StaffMember
    days: list


def home_conflicts(
    *, participants, start: datetime.date | None, end: datetime.date | None
) -> list[HomeConflict]:
    """Participants the work-mode plan keeps at home on a day of the team's period (one query)."""
    ids = [member.pk for member in participants]
    if not ids or start is None or end is None or end < start:
        return []
    by_member: dict = {}
    rows = (
        WorkMode.objects.filter(staff_id__in=ids, day__gte=start, day__lte=end, mode=WorkModeKind.REMOTE)
        .order_by("day")
        .values_list("staff_id", "day")
    )
    for staff_id, day in rows:
        by_member.setdefault(staff_id, []).append(day)
    return [HomeConflict(member=m, days=by_member[m.pk]) for m in participants if m.pk in by_member]


def district_teams(*, agency=None, status: str = "", start=None, end=None):
    """Every team of the district, for the district office: by agency, status and a period they overlap."""
    queryset = _base().order_by("agency__name", "-planned_start", "-pk")
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    if status:
        queryset = queryset.filter(status=status)
    if start:
        queryset = queryset.filter(planned_end__gte=start)
    if end:
        queryset = queryset.filter(planned_start__lte=end)
    return queryset


def district_staff(agency):
    """Staff of the district's agencies a team may take on: the agency's own first."""
    own_first = Case(When(agency=agency, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        StaffMember.objects.select_related("agency")
        .annotate(own_first=own_first)
        .order_by("own_first", "agency__name", "full_name", "pk")
    )


def must_suspend_counts(agency_ids, *, today: datetime.date) -> dict:
    """{agency: teams to suspend} for a head's home panels, in three queries whatever the number of agencies."""
    found = {
        agency.pk: len(teams)
        for agency, teams in teams_to_suspend_by_agency(day=today, agency_ids=agency_ids)
    }
    return {agency: found.get(agency.pk, 0) for agency in Agency.objects.filter(pk__in=agency_ids)}


def team_history(team) -> list:
    return list(team.history.select_related("history_user").order_by("-history_date", "-history_id")[:50])
