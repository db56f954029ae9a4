"""Reads of daily work modes: per-day counts against the cap of the policy in force (clauses 2 and 6)."""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, FilteredRelation, Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from directives.policy.selectors import policies_in_force_by_kind, policies_in_force_for_days
from staffing.registry.constants import Role
from staffing.registry.models import Agency, StaffMember, period_covers
from staffing.registry.roles import roles_for

from .constants import DayStatus, WorkModeKind
from .models import WorkMode

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
            "(%(ratio)s of %(counted)d people, %(citation)s)"
        ) % {
            "citation": self.policy.cap_citation if self.policy else "",
            "weekday": weekday_name(self.day),
            "date": formats.date_format(self.day, "SHORT_DATE_FORMAT"),
            "remote": self.remote,
            "cap": self.cap,
            "ratio": self.ratio_display,
            "counted": self.counted,
        }


def staff_active_between(agency, start: datetime.date, end: datetime.date):
    return StaffMember.objects.filter(agency=agency).active_between(start, end)


def sees_whole_agency(user, agency) -> bool:
    """Heads, commune chairmen, one-stop officers and district roles see every colleague's plan and phone;
    a plain staff member sees only their own."""
    roles = roles_for(user)
    if roles.sees_all_agencies:
        return True
    return agency.pk in roles.agencies_with(*(role for role in roles.by_agency if role != Role.STAFF_MEMBER))


def agency_staff_active_on(*, agency, day: datetime.date):
    return StaffMember.objects.filter(agency=agency).active_on(day).order_by("full_name", "id")


def work_mode_entries(*, agency, start: datetime.date, end: datetime.date):
    """The agency's planned rows over [start, end], by day then staff name."""
    return WorkMode.objects.filter(agency=agency, day__gte=start, day__lte=end).order_by(
        "day", "staff__full_name", "staff_id"
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
            if not period_covers(active_from, active_until, day):
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
    modes = work_modes_between(agency=agency, start=start, end=end)
    policies = policies_in_force_for_days(agency=agency, days=days)
    return summarize_days(agency=agency, days=days, staff_rows=staff_rows, modes=modes, policies=policies)


def over_cap_days(*, agency, start: datetime.date, end: datetime.date) -> list:
    """Days of [start, end] where more counted staff are planned at home than the cap allows.

    The service never saves such a day; it happens when staff leave (or move to an exempt group, or a new
    directive lowers the ratio) after the day was planned. Nothing is changed: the day is flagged for the
    head and the district office, who correct it through work_modes_set.
    """
    return [
        summary
        for summary in work_mode_days(agency=agency, start=start, end=end).values()
        if summary.over_cap
    ]


@dataclass
class AgencyDay(DaySummary):
    """One row of the district day table: DaySummary of one agency, plus the agency and its active staff.

    Fields (besides DaySummary's day, counted, remote, cap, policy, exempt, exempt_remote, modes, planned):
      agency  -- the Agency instance
      active  -- active staff that day, exempt or not (counted + exempt)
      status  -- DayStatus: NO_STAFF (nobody active that day: nothing to plan, a gap in the staff register
                 rather than a head's omission), NO_PLAN (nobody planned), OVER_CAP, or WITHIN_CAP (also
                 when there is no cap)
    """

    agency: Agency | None = None
    active: int = 0

    @property
    def status(self) -> str:
        if not self.active:
            return DayStatus.NO_STAFF
        if not self.planned:
            return DayStatus.NO_PLAN
        return DayStatus.OVER_CAP if self.over_cap else DayStatus.WITHIN_CAP

    def get_status_display(self) -> str:
        return DayStatus(self.status).label


_MODES = tuple(WorkModeKind.values)


def district_day_table(*, day: datetime.date, agencies=None) -> list[AgencyDay]:
    """Every active agency (or those of the given queryset) on one day, ordered by name, in three queries.

    Each row is an AgencyDay: row.agency, row.active, row.counted, row.remote, row.cap (None without a
    policy), row.exempt, row.exempt_remote, row.planned, row.modes ({mode: count}), row.over_cap,
    row.status / row.get_status_display(), row.policy. Counts are aggregated in SQL per agency; the
    policy in force comes from one query, so the number of queries does not grow with agencies or staff.
    """
    return district_day_tables(days=[day], agencies=agencies)[day]


def district_day_tables(*, days, agencies=None, policies=None) -> dict:
    """{day: district_day_table(day=day)} for several days (the report's day and next working day): one
    query for the agencies, one per day for its policies (unless `policies` gives {day: {agency kind:
    policy or None}}) and one for the counts of every day."""
    days = sorted(set(days))
    agencies = Agency.objects.active() if agencies is None else agencies
    agency_list = list(agencies.order_by("name"))
    if policies is None:
        policies = {day: policies_in_force_by_kind(day=day) for day in days}
    if connection.vendor == "postgresql":
        counts = _day_counts_postgresql(agency_list, days, policies)
    else:
        counts = {}
        for day in days:
            counts.update(_day_counts(agency_list, day, policies[day]))

    tables = {}
    for day in days:
        table = tables[day] = []
        for agency in agency_list:
            policy = policies[day].get(agency.kind)
            summary = AgencyDay(day=day, counted=0, remote=0, cap=None, policy=policy, agency=agency)
            row = counts.get((agency.pk, day))
            if row:
                summary.active = row["counted"] + row["exempt"]
                summary.planned = row["planned"]
                summary.modes = {mode: count for mode, count in row["modes"].items() if count}
                summary.exempt, summary.exempt_remote = row["exempt"], row["exempt_remote"]
                summary.counted, summary.remote = row["counted"], row["remote"]
            if policy:
                summary.cap = policy.remote_cap(summary.counted)
            table.append(summary)
    return tables


def _day_counts(agency_list, day: datetime.date, policies: dict) -> dict:
    """{(agency id, day): counts} aggregated per agency and duty group by the ORM (any database)."""
    mode_counts = {mode: Count("day_mode", filter=Q(day_mode__mode=mode)) for mode in _MODES}
    groups = (
        StaffMember.objects.active_on(day)
        .filter(agency__in=[agency.pk for agency in agency_list])
        .annotate(
            # At most one row per staff and day; only the plan made for the staff member's own agency counts.
            day_mode=FilteredRelation(
                "work_modes", condition=Q(work_modes__day=day, work_modes__agency=F("agency"))
            )
        )
        .values("agency_id", "duty_group")
        .annotate(active=Count("id"), planned=Count("day_mode"), **mode_counts)
        .order_by()
    )
    kinds = {agency.pk: agency.kind for agency in agency_list}
    counts: dict = {}
    for group in groups:
        policy = policies.get(kinds[group["agency_id"]])
        row = counts.get((group["agency_id"], day))
        if row is None:
            row = counts[(group["agency_id"], day)] = {
                **dict.fromkeys(("counted", "remote", "exempt", "exempt_remote", "planned"), 0),
                "modes": dict.fromkeys(_MODES, 0),
            }
        row["planned"] += group["planned"]
        for mode in _MODES:
            row["modes"][mode] += group[mode]
        if policy and group["duty_group"] in policy.exempt_duty_groups:
            row["exempt"] += group["active"]
            row["exempt_remote"] += group[WorkModeKind.REMOTE]
        else:
            row["counted"] += group["active"]
            row["remote"] += group[WorkModeKind.REMOTE]
    return counts


# One row per agency and day, whatever the staff count: for each agency, its active staff (by the index on
# agency) joined to that day's plans (by the index on agency and day). The duty groups outside the cap
# come with each (agency kind, day), parsed once.
_DAY_COUNTS_SQL = """
WITH e AS MATERIALIZED (
    SELECT kind, day, string_to_array(exempt, ',') AS exempt
    FROM unnest(%(kinds)s::text[], %(days)s::date[], %(exempt)s::text[]) AS u(kind, day, exempt)
)
SELECT a.id, e.day, c.*
FROM {agency} a
JOIN e ON e.kind = a.kind
CROSS JOIN LATERAL (
    SELECT count(*) AS active,
           count(*) FILTER (WHERE r.exempt) AS exempt,
           count(*) FILTER (WHERE r.exempt AND r.mode = %(remote)s) AS exempt_remote,
           count(r.mode) AS planned,
           {modes}
    FROM (
        SELECT s.duty_group = ANY(e.exempt) AS exempt, w.mode
        FROM {staff} s
        LEFT JOIN {workmode} w ON w.staff_id = s.id AND w.day = e.day AND w.agency_id = s.agency_id
        WHERE s.agency_id = a.id
          AND (s.active_from IS NULL OR s.active_from <= e.day)
          AND (s.active_until IS NULL OR s.active_until >= e.day)
    ) r
) c
WHERE a.id = ANY(%(agencies)s)
"""


def _day_counts_postgresql(agency_list, days, policies: dict) -> dict:
    """{(agency id, day): counts} of every day in one query (PostgreSQL: a lateral join per agency and day,
    which reads only that agency's staff and plans instead of hashing the whole district's)."""
    if not agency_list:
        return {}
    kinds, kind_days, exempt = [], [], []
    for day in days:
        for kind in {agency.kind for agency in agency_list}:
            policy = policies[day].get(kind)
            kinds.append(kind)
            kind_days.append(day)
            exempt.append(",".join(policy.exempt_duty_groups) if policy else "")
    sql = _DAY_COUNTS_SQL.format(
        agency=Agency._meta.db_table,
        staff=StaffMember._meta.db_table,
        workmode=WorkMode._meta.db_table,
        modes=",\n           ".join(
            f"count(*) FILTER (WHERE r.mode = %(mode_{n})s) AS mode_{n}" for n in range(len(_MODES))
        ),
    )
    params = {
        "kinds": kinds,
        "days": kind_days,
        "exempt": exempt,
        "remote": WorkModeKind.REMOTE,
        "agencies": [agency.pk for agency in agency_list],
        **{f"mode_{n}": mode for n, mode in enumerate(_MODES)},
    }
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for agency_id, day, active, exempt_count, exempt_remote, planned, *modes in cursor.fetchall():
            by_mode = dict(zip(_MODES, modes, strict=True))
            counts[(agency_id, day)] = {
                "counted": active - exempt_count,
                "remote": by_mode[WorkModeKind.REMOTE] - exempt_remote,
                "exempt": exempt_count,
                "exempt_remote": exempt_remote,
                "planned": planned,
                "modes": by_mode,
            }
    return counts


def district_over_cap(*, day: datetime.date, agencies=None) -> list[AgencyDay]:
    """The rows of the district day table that are over the cap (the office's list of agencies to call)."""
    return [row for row in district_day_table(day=day, agencies=agencies) if row.over_cap]


def work_modes_between(*, agency, start: datetime.date, end: datetime.date) -> dict:
    """{(staff_id, day): mode} of the agency's plan over [start, end], in one query."""
    return {
        (staff_id, day): mode
        for staff_id, day, mode in WorkMode.objects.filter(
            agency=agency, day__gte=start, day__lte=end
        ).values_list("staff_id", "day", "mode")
    }


@dataclass
class WorkModeGrid:
    """What the head's week page draws: staff active in the period (by position, then name), the saved
    plan and the policy of each day. summaries() counts a saved or an unsaved plan as work_modes_set does."""

    agency: Agency
    days: list
    staff: list
    modes: dict
    policies: dict

    def summaries(self, modes: dict | None = None) -> dict:
        staff_rows = [(s.pk, s.duty_group, s.active_from, s.active_until) for s in self.staff]
        return summarize_days(
            agency=self.agency,
            days=self.days,
            staff_rows=staff_rows,
            modes=self.modes if modes is None else modes,
            policies=self.policies,
        )


GRID_STAFF_FIELDS = (
    "id",
    "agency_id",
    "staff_code",
    "full_name",
    "position",
    "category",
    "duty_group",
    "mobile_phone",
    "active_from",
    "active_until",
)


def work_mode_grid(*, agency, start: datetime.date, end: datetime.date) -> WorkModeGrid:
    """The grid of [start, end] in three queries, whatever the staff count."""
    staff = list(
        staff_active_between(agency, start, end)
        .only(*GRID_STAFF_FIELDS)
        .order_by("position", "full_name", "id")
    )
    days = date_range(start, end)
    return WorkModeGrid(
        agency=agency,
        days=days,
        staff=staff,
        modes=work_modes_between(agency=agency, start=start, end=end),
        policies=policies_in_force_for_days(agency=agency, days=days),
    )
