"""Reads of assignments: the head's board, a staff member's own list, work that must not stall (clause 2 of
2629/UBND: no work may stall, above all work with a time limit set by law), and who worked at home without
reporting."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from staffing.registry.models import StaffMember
from staffing.registry.roles import roles_for
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from tthc.calendar.working_days import add_working_days

from .constants import OPEN_STATUSES
from .models import Assignment, Deputy, ProgressReport, StallThresholds


def _base():
    return Assignment.objects.select_related("agency", "lead", "assigned_by").prefetch_related(
        Prefetch("supporters", queryset=StaffMember.objects.order_by("full_name"))
    )


def assignment_for_user(user, pk) -> Assignment:
    """The assignment if the user may read it: its agency's managers and the district see all of an
    agency's work, an assignee sees what they lead or support; 404 otherwise."""
    assignment = get_object_or_404(with_stall_flags(_base(), timezone.localdate()), pk=pk)
    roles = roles_for(user)
    if assignment.agency_id in board_agency_ids(user):
        return assignment
    staff_id = roles.staff_member_id
    if staff_id and (
        assignment.lead_id == staff_id or any(s.pk == staff_id for s in assignment.supporters.all())
    ):
        return assignment
    raise Http404


def deputy_agency_ids(user) -> set:
    staff_id = roles_for(user).staff_member_id
    if not staff_id:
        return set()
    return set(Deputy.objects.filter(staff_id=staff_id).values_list("agency_id", flat=True))


def board_agency_ids(user):
    """Agencies whose whole board the user reads: district roles all (a set that contains everything),
    heads and commune chairmen their own, deputies those they were named for."""
    roles = roles_for(user)
    if roles.sees_all_agencies:
        return _Everything()
    return set(roles.managed_agency_ids) | deputy_agency_ids(user)


class _Everything:
    def __contains__(self, item):
        return True


def assignments_of_staff(staff_id):
    return _base().filter(Q(lead_id=staff_id) | Q(supporters__id=staff_id)).distinct()


@dataclass
class StallFlags:
    overdue: bool
    stalling: bool
    due_soon: bool


def stall_window(today: datetime.date, thresholds: StallThresholds | None = None):
    """(due-soon limit, silent-since day): statutory work due on or before the first and not reported on
    since the second is stalling."""
    thresholds = thresholds or StallThresholds.current()
    due_limit = add_working_days(today, thresholds.due_within_working_days)
    silent_since = today - datetime.timedelta(days=thresholds.silent_days)
    return due_limit, silent_since


def stalling_q(today: datetime.date, thresholds: StallThresholds | None = None) -> Q:
    """Open work that must not stall: everything overdue, and statutory work due soon with no recent report."""
    due_limit, silent_since = stall_window(today, thresholds)
    silent = Q(last_report_on__isnull=True, start_date__lte=silent_since) | Q(
        last_report_on__lte=silent_since
    )
    return Q(status__in=OPEN_STATUSES) & (
        Q(due_date__lt=today) | (Q(statutory=True, due_date__lte=due_limit) & silent)
    )


def _flag(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def with_stall_flags(queryset, today: datetime.date, thresholds: StallThresholds | None = None):
    """The one place the flags are worked out: stalling (stalling_q), overdue, due soon, annotated on each
    row by the database, so every page reads them the same way and orders by them."""
    thresholds = thresholds or StallThresholds.current()
    due_limit, _silent_since = stall_window(today, thresholds)
    open_work = Q(status__in=OPEN_STATUSES)
    return queryset.annotate(
        flag_stalling=_flag(stalling_q(today, thresholds)),
        flag_overdue=_flag(open_work & Q(due_date__lt=today)),
        flag_due_soon=_flag(open_work & Q(due_date__gte=today, due_date__lte=due_limit)),
    )


def flags_of(assignment) -> StallFlags:
    """The flags of a row read through with_stall_flags."""
    return StallFlags(
        overdue=bool(assignment.flag_overdue),
        stalling=bool(assignment.flag_stalling),
        due_soon=bool(assignment.flag_due_soon),
    )


def with_flags(assignments) -> list:
    return [(assignment, flags_of(assignment)) for assignment in assignments]


def board_queryset(agency, *, today: datetime.date, filters: dict | None = None):
    """The agency's assignments for its head, ordered in the database: stalling, then overdue, then due
    soon, then by due date; a page of it is read with LIMIT, whatever the agency's size."""
    filters = filters or {}
    queryset = _base().filter(agency=agency)
    if filters.get("assignee"):
        queryset = queryset.filter(Q(lead=filters["assignee"]) | Q(supporters=filters["assignee"])).distinct()
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    elif not filters.get("include_closed"):
        queryset = queryset.filter(status__in=OPEN_STATUSES)
    if filters.get("statutory"):
        queryset = queryset.filter(statutory=True)
    if filters.get("due_before"):
        queryset = queryset.filter(due_date__lte=filters["due_before"])
    return with_stall_flags(queryset, today).order_by(
        "-flag_stalling", "-flag_overdue", "-flag_due_soon", "due_date", "pk"
    )


def board(agency, *, today: datetime.date, filters: dict | None = None) -> list:
    """Every row of the board with its flags (the API; the page reads one page of board_queryset)."""
    return with_flags(board_queryset(agency, today=today, filters=filters))


def own_work(staff_id, today: datetime.date):
    """What a staff member leads or supports, with its flags: open work first, then by due date."""
    return with_stall_flags(assignments_of_staff(staff_id), today)


def counts_per_person(agency):
    """Open and overdue assignments each staff member leads, for the board's side table."""
    return (
        StaffMember.objects.filter(agency=agency, assignments_led__status__in=OPEN_STATUSES)
        .annotate(open_count=Count("assignments_led", filter=Q(assignments_led__status__in=OPEN_STATUSES)))
        .order_by("-open_count", "full_name")
    )


def stalling_by_agency(*, today: datetime.date):
    """Per agency, the open work that is overdue or stalling (the district office's view)."""
    rows = (
        Assignment.objects.filter(stalling_q(today))
        .values("agency_id", "agency__name")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=Q(due_date__lt=today)),
            statutory=Count("pk", filter=Q(statutory=True)),
        )
        .order_by("-total", "agency__name")
    )
    return list(rows)


def stalled_statutory_work(*, today: datetime.date) -> list[Assignment]:
    """Open work with a time limit set by law that is stalling on the day (stalling_q: overdue, or due soon
    with no recent report), with its agency, ordered by agency then due date (one query): what the 08:00
    notice tells heads and the district office."""
    return list(
        Assignment.objects.filter(stalling_q(today), statutory=True)
        .select_related("agency")
        .order_by("agency__name", "agency_id", "due_date", "pk")
    )


def home_workers_without_report(agency, day: datetime.date) -> list[StaffMember]:
    """Staff planned at home on the day who sent no progress report that day."""
    at_home = WorkMode.objects.filter(agency=agency, day=day, mode=WorkModeKind.REMOTE).values("staff_id")
    reported = ProgressReport.objects.filter(day=day, staff__agency=agency).values("staff_id")
    return list(
        StaffMember.objects.filter(pk__in=at_home).exclude(pk__in=reported).order_by("full_name", "pk")
    )


def report_notes(agency, day: datetime.date, staff_ids) -> dict:
    """For the today page: {staff id: note} for home workers who have not reported today."""
    from django.utils.translation import gettext as _

    missing = {member.pk for member in home_workers_without_report(agency, day)} & set(staff_ids)
    return {staff_id: _("no report today") for staff_id in missing}


def unreported_home_workers(day: datetime.date):
    """Across the district: staff with an account planned at home on the day (in their own agency) who sent
    no progress report that day (one query)."""
    at_home = WorkMode.objects.filter(day=day, mode=WorkModeKind.REMOTE, agency=OuterRef("agency")).filter(
        staff=OuterRef("pk")
    )
    reported = ProgressReport.objects.filter(day=day, staff=OuterRef("pk"))
    return (
        StaffMember.objects.filter(user__isnull=False, user__is_active=True)
        .filter(Exists(at_home))
        .exclude(Exists(reported))
        .order_by("pk")
    )


def assignees_with_work_due(*, today: datetime.date, due_by: datetime.date) -> dict[int, list[Assignment]]:
    """{user id: open assignments they lead or support, due by `due_by` or overdue}, in due order (two
    queries); assignees without an account are left out."""
    rows = (
        Assignment.objects.filter(status__in=OPEN_STATUSES, due_date__lte=due_by)
        .exclude(due_date=today)
        .select_related("lead")
        .prefetch_related("supporters")
        .order_by("due_date", "pk")
    )
    result: dict[int, list[Assignment]] = {}
    for assignment in rows:
        for member in [assignment.lead, *assignment.supporters.all()]:
            if member.user_id and assignment not in result.get(member.user_id, []):
                result.setdefault(member.user_id, []).append(assignment)
    return result
