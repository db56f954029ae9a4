"""Work modes on PostgreSQL: the week page at 50 vs 500 staff, saving a 500 × 7 grid, the district day table.

Run through the runner (``DATABASE_URL=postgres://... python -m bench work_modes``), which makes a
throw-away database; ``run()`` refuses to write into a database whose name does not start with ``test_``.
"""

import datetime
import gzip
import random
import statistics
import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bench.tables import Table
from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind, DutyGroup, Role, StaffCategory
from staffing.registry.models import Agency, RoleAssignment, StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.selectors import district_day_table, work_mode_days
from staffing.workmodes.services import WorkModeCapExceeded, work_modes_set

MONDAY = datetime.date(2021, 6, 7)
WEEK = [MONDAY + datetime.timedelta(days=n) for n in range(7)]
DISTRICT_AGENCIES = 300
DISTRICT_STAFF = 60_000
REPEATS = 3
BENCH_NUMBER = "Bench-2629/UBND"
POSITIONS = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Cán sự", "Nhân viên"]
DUTY_GROUPS = [DutyGroup.REGULAR] * 8 + [DutyGroup.EPIDEMIC_TASK_FORCE, DutyGroup.POLICE]


def timed(function, repeats=REPEATS):
    """(median seconds, queries of one run, last result) of calling function() `repeats` times."""
    seconds, queries, result = [], 0, None
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            result = function()
            seconds.append(time.perf_counter() - start)
        queries = len(captured)
    return statistics.median(seconds), queries, result


def make_agency(name, kind=AgencyKind.PUBLIC_SERVICE_UNIT):
    return Agency.objects.create(name=name, short_name=name[:60], kind=kind)


def make_staff(agencies_and_counts, rng) -> None:
    rows, serial = [], 0
    for agency, count in agencies_and_counts:
        for n in range(count):
            serial += 1
            rows.append(
                StaffMember(
                    agency=agency,
                    staff_code=f"BW{n:05d}",
                    full_name=f"Cán bộ thử nghiệm {serial:05d}",
                    position=rng.choice(POSITIONS),
                    category=rng.choice(StaffCategory.values),
                    duty_group=rng.choice(DUTY_GROUPS),
                    mobile_phone=f"09{serial:08d}",
                )
            )
    StaffMember.objects.bulk_create(rows, batch_size=5000)


def make_policy():
    directive = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        number=BENCH_NUMBER,
        issuer="Ủy ban nhân dân huyện (thử nghiệm)",
        issued_on=datetime.date(2021, 6, 4),
        subject="Thử nghiệm hiệu năng",
        status=DocumentStatus.PUBLISHED,
    )
    return WorkModePolicy.objects.create(
        directive=directive,
        effective_from=datetime.date(2021, 6, 4),
        remote_cap_numerator=1,
        remote_cap_denominator=2,
        exempt_duty_groups=[DutyGroup.EPIDEMIC_TASK_FORCE, DutyGroup.POLICE, DutyGroup.MILITARY],
    )


def full_grid(agency, rng, *, remote_share=0.4):
    """A week for every staff member: about remote_share at home each day (never above the 1/2 cap of
    the regular staff), the rest mostly at the office, a few on duty or on leave."""
    staff = list(StaffMember.objects.filter(agency=agency).values_list("id", "duty_group"))
    limit = sum(group == DutyGroup.REGULAR for _id, group in staff) // 2
    entries = []
    for day in WEEK:
        at_home = 0
        for staff_id, group in staff:
            draw = rng.random()
            if draw < remote_share and (group != DutyGroup.REGULAR or at_home < limit):
                mode = WorkModeKind.REMOTE
                at_home += group == DutyGroup.REGULAR
            elif draw < 0.9:
                mode = WorkModeKind.ON_SITE
            else:
                mode = rng.choice([WorkModeKind.ON_DUTY, WorkModeKind.LEAVE])
            entries.append((staff_id, day, mode))
    return entries


def head_client(agency) -> Client:
    user = get_user_model().objects.create_user(username=f"bench-head-{agency.pk}")
    RoleAssignment.objects.create(user=user, role=Role.AGENCY_HEAD, agency=agency)
    client = Client()
    client.force_login(user)
    return client


def week_page(agency, rng) -> list[list]:
    """Rows of table (a) for one agency: the week page if it exists, the selector and the API read."""
    work_modes_set(agency=agency, entries=full_grid(agency, rng), actor=None)
    client = head_client(agency)
    staff = StaffMember.objects.filter(agency=agency).count()
    rows = []
    try:
        url = reverse("work_modes:week", args=[agency.pk]) + "?week=2021-W23"
    except NoReverseMatch:
        url = None
    if url:
        client.get(url)  # warm the template cache
        seconds, queries, response = timed(lambda: client.get(url))
        assert response.status_code == 200, response.status_code
        html = response.content
        rows.append(
            [
                "week page (GET)",
                staff,
                queries,
                seconds,
                f"{len(html):,} B HTML, {len(gzip.compress(html)):,} B gzip",
            ]
        )
    seconds, queries, _days = timed(lambda: work_mode_days(agency=agency, start=WEEK[0], end=WEEK[-1]))
    rows.append(["work_mode_days (selector)", staff, queries, seconds, ""])
    api = reverse("api-agency-work-modes", args=[agency.pk])
    seconds, queries, response = timed(lambda: client.get(api, {"from": "2021-06-07", "to": "2021-06-13"}))
    assert response.status_code == 200, response.status_code
    rows.append(["API GET work-modes, 7 days", staff, queries, seconds, f"{len(response.content):,} B JSON"])
    return rows


def save_grid(agency, rng) -> list[list]:
    """Rows of table (b): a 500 × 7 grid through work_modes_set, then through the week page."""
    rows = []

    def once(label, entries, expect_refusal=False):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            try:
                work_modes_set(agency=agency, entries=entries, actor=None)
                outcome = "saved"
            except WorkModeCapExceeded as refusal:
                outcome = f"refused ({len(refusal.days)} days), nothing saved"
            seconds = time.perf_counter() - start
        assert (outcome != "saved") == expect_refusal, outcome
        rows.append([label, len(entries), len(captured), seconds, outcome])

    grid = full_grid(agency, rng)
    once("service: new week (all rows created)", grid)
    once("service: same grid again (no change)", grid)
    changed = [
        (staff_id, day, WorkModeKind.ON_SITE if mode == WorkModeKind.REMOTE and rng.random() < 0.5 else mode)
        for staff_id, day, mode in grid
    ]
    once("service: ~20% of cells changed", changed)
    over = [(staff_id, day, WorkModeKind.REMOTE) for staff_id, day, _mode in grid]
    once("service: everyone at home (refused)", over, expect_refusal=True)
    once("service: clear 50 staff × 7 days", [(s, d, None) for s, d, _m in grid[: 50 * 7]])

    try:
        from staffing.workmodes.forms import cell_name

        url = reverse("work_modes:week", args=[agency.pk]) + "?week=2021-W23"
    except (ImportError, NoReverseMatch):
        return rows
    client = head_client(agency)
    data = {
        cell_name(staff_id, day): mode for staff_id, day, mode in full_grid(agency, rng, remote_share=0.3)
    }
    data["action"] = "save"
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")
        seconds = time.perf_counter() - start
    outcome = "saved" if response.status_code == 302 else f"HTTP {response.status_code}"
    rows.append(["week page POST (one submit)", len(data) - 1, len(captured), seconds, outcome])
    return rows


def district(rng) -> list[list]:
    """Rows of table (c): 300 agencies with 60,000 staff, most planned, a few over the cap."""
    kinds = [AgencyKind.SPECIALISED_OFFICE, AgencyKind.PUBLIC_SERVICE_UNIT, AgencyKind.COMMUNE_COMMITTEE]
    agencies = [make_agency(f"Bench: Đơn vị {n:03d}", rng.choice(kinds)) for n in range(DISTRICT_AGENCIES)]
    weights = [rng.uniform(0.3, 1.7) for _ in agencies]
    counts = [int(DISTRICT_STAFF * w / sum(weights)) for w in weights]
    counts[0] += DISTRICT_STAFF - sum(counts)
    make_staff(zip(agencies, counts, strict=True), rng)

    # Setup only: plans written straight to the table (the service's cost is table (b)); one agency in
    # ten is left unplanned and one in ten is planned over the cap, as if staff had left since.
    plans = []
    staff = StaffMember.objects.filter(agency__in=agencies).values_list("id", "agency_id", "duty_group")
    by_agency = {}
    for staff_id, agency_id, duty_group in staff:
        by_agency.setdefault(agency_id, []).append((staff_id, duty_group))
    for index, agency in enumerate(agencies):
        if index % 10 == 0:
            continue
        share = 0.6 if index % 10 == 1 else 0.45
        for staff_id, _group in by_agency.get(agency.pk, []):
            mode = WorkModeKind.REMOTE if rng.random() < share else WorkModeKind.ON_SITE
            plans.append(WorkMode(staff_id=staff_id, agency=agency, day=MONDAY, mode=mode))
    WorkMode.objects.bulk_create(plans, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    rows = []
    seconds, queries, table = timed(lambda: district_day_table(day=MONDAY))
    statuses = {}
    for row in table:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    summary = ", ".join(f"{status} {count}" for status, count in sorted(statuses.items()))
    rows.append(["district_day_table (selector)", len(table), queries, seconds, summary])

    user = get_user_model().objects.create_user(username="bench-office")
    RoleAssignment.objects.create(user=user, role=Role.DISTRICT_OFFICE)
    client = Client()
    client.force_login(user)
    try:
        url = reverse("work_modes:district")
    except NoReverseMatch:
        return rows
    for label, params in [
        ("district page (GET)", {"day": "07/06/2021"}),
        ("district page, XLSX export", {"day": "07/06/2021", "format": "xlsx"}),
    ]:
        client.get(url, params)
        seconds, queries, response = timed(lambda params=params: client.get(url, params))
        assert response.status_code == 200, response.status_code
        rows.append([label, len(table), queries, seconds, f"{len(response.content):,} bytes"])
    return rows


def wipe(queryset) -> None:
    """Delete rows in one statement: bulk-created rows have no history, so there is none to keep."""
    model = queryset.model
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE {model._meta.pk.column} IN ({sql})", params)


def clean_up() -> None:
    """Leave the runner's database as other benchmarks found it."""
    agencies = Agency.objects.filter(name__startswith="Bench: ")
    users = get_user_model().objects.filter(username__startswith="bench-")
    wipe(WorkMode.history.filter(agency_id__in=agencies.values("pk")))
    wipe(WorkMode.objects.filter(agency__in=agencies))
    wipe(StaffMember.objects.filter(agency__in=agencies))
    wipe(RoleAssignment.history.filter(user_id__in=users.values("pk")))
    wipe(RoleAssignment.objects.filter(user__in=users))
    users.delete()
    Document.objects.filter(number=BENCH_NUMBER).delete()
    directives = Document.history.filter(number=BENCH_NUMBER).values("id")
    wipe(WorkModePolicy.history.filter(directive_id__in=directives))
    wipe(Document.history.filter(number=BENCH_NUMBER))
    wipe(Agency.history.filter(name__startswith="Bench: "))
    wipe(agencies)


def run() -> list[Table]:
    name = connection.settings_dict["NAME"] or ""
    if not (name.startswith("test_") or connection.vendor == "sqlite" and "memory" in name):
        raise RuntimeError(
            f"bench_work_modes writes test data: run it through `python -m bench`, not on {name}"
        )
    rng = random.Random(2629)
    make_policy()

    small, large = make_agency("Bench: Phòng 50 người"), make_agency("Bench: Trung tâm 500 người")
    make_staff([(small, 50), (large, 500)], rng)
    week = Table(
        "(a) Week of one agency: 50 vs 500 staff (median of 3 runs)",
        ["what", "staff", "queries", "seconds", "size"],
    )
    for agency in (small, large):
        week.rows.extend(week_page(agency, rng))
    week.rows.sort(key=lambda row: (row[0], row[1]))

    grid_agency = make_agency("Bench: Công ty 500 người", AgencyKind.PUBLIC_UTILITY_COMPANY)
    make_staff([(grid_agency, 500)], rng)
    grid = Table(
        "(b) Saving a full 500 staff × 7 days grid",
        ["what", "entries", "queries", "seconds", "outcome"],
    )
    grid.rows.extend(save_grid(grid_agency, rng))

    table = Table(
        f"(c) District day table: {DISTRICT_AGENCIES} agencies, {DISTRICT_STAFF:,} staff (median of 3 runs)",
        ["what", "agencies", "queries", "seconds", "result"],
    )
    table.rows.extend(district(rng))
    clean_up()
    return [week, grid, table]
