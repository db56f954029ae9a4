"""The daily compliance report at city scale: 1,000 agencies, 150,000 staff, 30 days of plans.

`build_report(day)` is timed (best of 3, its queries counted) against one hand-written SQL aggregate that
computes what the report's work-mode part shows: per agency, on the day and the next working day, the
staff counted against the cap, those at home, the cap and whether the agency is over it or has no plan.
The same run first builds a tenth of the city (100 agencies, 15,000 staff) and counts the report's queries
there: they must not grow with agencies or staff.

Run through the runner (``DATABASE_URL=postgres://... python -m bench report_city``), which makes a
throw-away database; ``run()`` refuses to write into a database whose name does not start with ``test_``.
PostgreSQL only: the plans are written by one INSERT ... SELECT per scale.
"""

import datetime
import random
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.bench_work_modes import make_policy
from bench.tables import Table
from directives.compliance.registry import build_report, next_working_day
from staffing.registry.constants import AgencyKind, DutyGroup, StaffCategory
from staffing.registry.models import Agency, StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode

DAY = datetime.date(2021, 6, 8)  # a Tuesday
PLAN_DAYS = [DAY - datetime.timedelta(days=28) + datetime.timedelta(days=n) for n in range(30)]
STAFF_PER_AGENCY = 150
SMALL_AGENCIES = 100
CITY_AGENCIES = 1_000
REPEATS = 3

# One hand-written query: what the work-mode sections and figures of the report show, for both days.
FLOOR_SQL = """
SELECT d.day, a.id AS agency_id, a.name, a.phone, c.active, c.planned, c.counted, c.remote,
       c.counted * %(numerator)s / %(denominator)s AS cap,
       CASE WHEN c.active = 0 THEN 'no_staff'
            WHEN c.planned = 0 THEN 'no_plan'
            WHEN c.remote > c.counted * %(numerator)s / %(denominator)s THEN 'over_cap'
            ELSE 'within_cap' END AS status
FROM staffing_agency a
CROSS JOIN unnest(%(days)s::date[]) AS d(day)
CROSS JOIN LATERAL (
    SELECT count(s.id) AS active,
           count(w.id) AS planned,
           count(s.id) FILTER (WHERE NOT s.duty_group = ANY(%(exempt)s)) AS counted,
           count(w.id) FILTER (WHERE w.mode = %(remote)s AND NOT s.duty_group = ANY(%(exempt)s)) AS remote
    FROM staffing_staffmember s
    LEFT JOIN staffing_workmode w ON w.staff_id = s.id AND w.day = d.day AND w.agency_id = s.agency_id
    WHERE s.agency_id = a.id
      AND (s.active_from IS NULL OR s.active_from <= d.day)
      AND (s.active_until IS NULL OR s.active_until >= d.day)
) c
WHERE a.is_active
ORDER BY d.day, a.name
"""


def best_of(function, repeats=REPEATS):
    """(best seconds, queries of one run, last result) of calling function() `repeats` times."""
    seconds, queries, result = [], 0, None
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            result = function()
            seconds.append(time.perf_counter() - start)
        queries = len(captured)
    return min(seconds), queries, result


def make_agencies(first: int, count: int, rng, *, staff_per_agency: int = STAFF_PER_AGENCY) -> None:
    """Agencies numbered first .. first+count-1 with STAFF_PER_AGENCY staff each (bulk_create), and their
    plans for PLAN_DAYS (one INSERT ... SELECT). Agency n: n % 10 == 9 plans nothing, n % 25 == 0 plans
    about 65 % at home (over the 1/2 cap), the rest about 40 %. One staff member in ten is police (outside
    the cap), one in fifty left ten days before DAY, one in seventy-five starts the day after DAY."""
    agencies = Agency.objects.bulk_create(
        Agency(
            name=f"Cơ quan thử nghiệm {n:04d}",
            short_name=f"CQ {n:04d}",
            kind=rng.choice(AgencyKind.values),
            phone=f"028379{n:05d}",
        )
        for n in range(first, first + count)
    )
    left_on, starts_on = DAY - datetime.timedelta(days=10), DAY + datetime.timedelta(days=1)
    StaffMember.objects.bulk_create(
        (
            StaffMember(
                agency=agency,
                staff_code=f"TP{n:05d}",
                full_name=f"Cán bộ thử nghiệm {agency.pk}-{n}",
                category=StaffCategory.CIVIL_SERVANT,
                duty_group=DutyGroup.POLICE if n % 10 == 0 else DutyGroup.REGULAR,
                active_until=left_on if n % 50 == 7 else None,
                active_from=starts_on if n % 75 == 11 else None,
            )
            for agency in agencies
            for n in range(staff_per_agency)
        ),
        batch_size=10_000,
    )
    planned = [
        (agency.pk, 0.65 if n % 25 == 0 else 0.40)
        for n, agency in enumerate(agencies, start=first)
        if n % 10 != 9
    ]
    with connection.cursor() as cursor:
        # A deterministic draw in [0, 1) per staff member and day; the plan of the staff's own agency.
        cursor.execute(
            f"""
            INSERT INTO {WorkMode._meta.db_table} (staff_id, agency_id, day, mode, updated_at)
            SELECT s.id, s.agency_id, d.day,
                   CASE WHEN r.draw < p.share THEN %(remote)s
                        WHEN r.draw < 0.92 THEN %(on_site)s
                        WHEN r.draw < 0.96 THEN %(on_duty)s
                        ELSE %(leave)s END,
                   now()
            FROM {StaffMember._meta.db_table} s
            JOIN unnest(%(agencies)s::bigint[], %(shares)s::float8[]) AS p(agency_id, share)
              ON p.agency_id = s.agency_id
            CROSS JOIN unnest(%(days)s::date[]) AS d(day)
            CROSS JOIN LATERAL (
                SELECT ((hashtext(s.id::text || ':' || d.day::text) & 65535) / 65536.0) AS draw
            ) r
            """,
            {
                "remote": WorkModeKind.REMOTE,
                "on_site": WorkModeKind.ON_SITE,
                "on_duty": WorkModeKind.ON_DUTY,
                "leave": WorkModeKind.LEAVE,
                "agencies": [agency_id for agency_id, _share in planned],
                "shares": [share for _agency_id, share in planned],
                "days": PLAN_DAYS,
            },
        )
        cursor.execute("ANALYZE")


def sql_floor(policy) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(
            FLOOR_SQL,
            {
                "days": [DAY, next_working_day(DAY)],
                "exempt": list(policy.exempt_duty_groups),
                "remote": WorkModeKind.REMOTE,
                "numerator": policy.remote_cap_numerator,
                "denominator": policy.remote_cap_denominator,
            },
        )
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def check_same_figures(content: dict, floor: list[dict]) -> None:
    """The report and the SQL say the same: over-cap rows, no-plan rows, the day's figures."""
    rows = {section["key"]: section["rows"] for section in content["sections"]}
    over_cap = [
        (row["day"].isoformat(), row["name"], row["counted"], row["remote"], row["cap"], row["phone"])
        for row in floor
        if row["status"] == "over_cap"
    ]
    assert over_cap == [
        (r["day"], r["agency"], r["counted"], r["remote"], r["cap"], r["phone"])
        for r in rows["work_mode_over_cap"]
    ], "over-cap rows differ"
    no_plan = [
        (row["day"].isoformat(), row["name"], row["active"], row["phone"])
        for row in floor
        if row["status"] == "no_plan" and row["day"].weekday() < 5
    ]
    assert no_plan == [(r["day"], r["agency"], r["active"], r["phone"]) for r in rows["work_mode_no_plan"]], (
        "no-plan rows differ"
    )
    today = [row for row in floor if row["day"] == DAY]
    planned = [row for row in today if row["status"] in ("within_cap", "over_cap")]
    figures = content["figures"]
    expected = {
        "agencies_within_cap": sum(row["status"] == "within_cap" for row in today),
        "agencies_over_cap": sum(row["status"] == "over_cap" for row in today),
        "agencies_no_plan": sum(row["status"] == "no_plan" for row in today),
        "staff_counted": sum(row["counted"] for row in planned),
        "staff_remote": sum(row["remote"] for row in planned),
        "staff_cap": sum(row["cap"] for row in planned),
    }
    assert {key: figures[key] for key in expected} == expected, (figures, expected)


def measure(policy):
    report_seconds, report_queries, content = best_of(lambda: build_report(DAY))
    floor_seconds, floor_queries, floor = best_of(lambda: sql_floor(policy))
    check_same_figures(content, floor)
    return report_seconds, report_queries, floor_seconds, floor_queries, floor


def set_jit(on: bool) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET jit = {'on' if on else 'off'}")


def run() -> list[Table]:
    if connection.vendor != "postgresql":
        raise RuntimeError("this benchmark needs PostgreSQL: set DATABASE_URL")
    if not connection.settings_dict["NAME"].startswith("test_"):
        raise RuntimeError("run through `python -m bench`: it needs a throw-away test_ database")
    rng = random.Random(2629)
    policy = make_policy()
    # JIT off for the session: the planner overestimates the floor's lateral join (about a million cost
    # units for 0.2 s of work) and PostgreSQL would spend 0.3 s compiling it. The report is also timed
    # with the server's JIT setting (last row).
    set_jit(False)

    start = time.perf_counter()
    make_agencies(0, SMALL_AGENCIES, rng)
    small_setup = time.perf_counter() - start
    small = measure(policy)

    start = time.perf_counter()
    make_agencies(SMALL_AGENCIES, CITY_AGENCIES - SMALL_AGENCIES, rng)
    city_setup = time.perf_counter() - start
    report_seconds, report_queries, floor_seconds, floor_queries, floor = measure(policy)

    set_jit(True)
    jit_seconds, _queries, _content = best_of(lambda: build_report(DAY))
    set_jit(False)

    today = [row for row in floor if row["day"] == DAY]
    statuses = {status: sum(row["status"] == status for row in today) for status in ("over_cap", "no_plan")}
    plans = WorkMode.objects.count()
    table = Table(
        f"Daily compliance report, city scale: {CITY_AGENCIES:,} agencies, "
        f"{CITY_AGENCIES * STAFF_PER_AGENCY:,} staff, {plans:,} planned days "
        f"({statuses['over_cap']} agencies over the cap, {statuses['no_plan']} with no plan on {DAY}; "
        f"data made in {small_setup + city_setup:.0f} s)",
        ["what", "seconds (best of 3)", "queries", "floor (the SQL)", "ratio"],
    )
    table.rows.append(
        [
            "build_report(day)",
            report_seconds,
            report_queries,
            floor_seconds,
            f"{report_seconds / floor_seconds:.2f}x",
        ]
    )
    table.rows.append(["SQL floor: work modes, day + next working day", floor_seconds, floor_queries, "", ""])
    table.rows.append(
        [
            f"build_report(day), {SMALL_AGENCIES} agencies / {SMALL_AGENCIES * STAFF_PER_AGENCY:,} staff",
            small[0],
            small[1],
            small[2],
            f"{small[0] / small[2]:.2f}x",
        ]
    )
    table.rows.append(["build_report(day), JIT on", jit_seconds, report_queries, "", ""])
    return [table]
