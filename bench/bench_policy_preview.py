"""The preview of a policy change on the largest benchmark district: 300 agencies, 60,000 staff, a month of
plans (bench/bench_report_city.py's data), and a draft letter that supersedes the policy in force with a
1/3 share and no exempt duty group from the first planned day.

`policy_preview(directive=draft)` (every section: work modes, intake, dossiers, teams, reception, rules) is
timed, best of 3, its queries counted, against the floor: the same work-mode figures by one hand-written
SQL aggregate per policy (the old one and the new one, every planned day), which is all the preview must
read. The same run first measures a tenth of the district: the queries must not grow with agencies or staff.

``DATABASE_URL=postgres://... python -m bench policy_preview`` (PostgreSQL only, a throw-away test_ database).
"""

import random
import time

from django.db import connection

from bench.bench_report_city import FLOOR_SQL, PLAN_DAYS, best_of, make_agencies, set_jit
from bench.bench_work_modes import make_policy
from bench.tables import Table
from directives.documents.constants import DocumentKind, DocumentStatus, ReferenceRelation
from directives.documents.models import Document, DocumentReference
from directives.policy.models import WorkModePolicy
from directives.policy.preview import policy_preview
from staffing.workmodes.constants import WorkModeKind

AGENCIES = 300
STAFF_PER_AGENCY = 200
SMALL = 30


def make_draft(old: WorkModePolicy) -> Document:
    draft = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        number="Bench-3015/UBND",
        issuer=old.directive.issuer,
        issued_on=PLAN_DAYS[0],
        subject="Thử nghiệm xem trước",
        status=DocumentStatus.DRAFT,
    )
    DocumentReference.objects.create(
        source=draft, target=old.directive, relation=ReferenceRelation.SUPERSEDES
    )
    WorkModePolicy.objects.create(
        directive=draft,
        effective_from=PLAN_DAYS[0],
        remote_cap_numerator=1,
        remote_cap_denominator=3,
        exempt_duty_groups=[],
    )
    return draft


def floor(policies) -> list:
    """The work-mode figures of every planned day under each policy: one aggregate per policy."""
    rows = []
    with connection.cursor() as cursor:
        for policy in policies:
            cursor.execute(
                FLOOR_SQL,
                {
                    "days": PLAN_DAYS,
                    "exempt": list(policy.exempt_duty_groups),
                    "remote": WorkModeKind.REMOTE,
                    "numerator": policy.remote_cap_numerator,
                    "denominator": policy.remote_cap_denominator,
                },
            )
            rows.append(cursor.fetchall())
    return rows


def measure(old, draft):
    new = WorkModePolicy.objects.get(directive=draft)
    preview_seconds, preview_queries, preview = best_of(lambda: policy_preview(directive=draft))
    floor_seconds, floor_queries, figures = best_of(lambda: floor([old, new]))
    section = next(s for s in preview.sections if s.key == "workmodes")
    over_sql = {(row[0], row[1]) for row in figures[1] if row[-1] == "over_cap"}
    assert len(section.context["over"]) == len(over_sql), (len(section.context["over"]), len(over_sql))
    return preview_seconds, preview_queries, floor_seconds, floor_queries, section


def run() -> list[Table]:
    if connection.vendor != "postgresql":
        raise RuntimeError("this benchmark needs PostgreSQL: set DATABASE_URL")
    if not connection.settings_dict["NAME"].startswith("test_"):
        raise RuntimeError("run through `python -m bench`: it needs a throw-away test_ database")
    rng = random.Random(3015)
    old = make_policy()
    draft = make_draft(old)
    set_jit(False)  # as bench report_city: the floor's plan is not worth compiling

    start = time.perf_counter()
    make_agencies(0, SMALL, rng, staff_per_agency=STAFF_PER_AGENCY)
    small = measure(old, draft)
    make_agencies(SMALL, AGENCIES - SMALL, rng, staff_per_agency=STAFF_PER_AGENCY)
    setup = time.perf_counter() - start
    seconds, queries, floor_seconds, floor_queries, section = measure(old, draft)
    assert Document.objects.get(pk=draft.pk).status == DocumentStatus.DRAFT  # the preview saved nothing

    table = Table(
        f"Policy preview: {AGENCIES} agencies, {AGENCIES * STAFF_PER_AGENCY:,} staff, {len(PLAN_DAYS)} days of "
        f"plans; 1/2 with exempt groups -> 1/3 without ({section.context['agencies']} agencies over on "
        f"{section.context['days']} days; data made in {setup:.0f} s)",
        ["what", "seconds (best of 3)", "queries", "floor (the SQL)", "ratio"],
    )
    table.rows.append(
        ["policy_preview(draft)", seconds, queries, floor_seconds, f"{seconds / floor_seconds:.2f}x"]
    )
    table.rows.append(["SQL floor: both policies, every planned day", floor_seconds, floor_queries, "", ""])
    table.rows.append(
        [
            f"policy_preview(draft), {SMALL} agencies / {SMALL * STAFF_PER_AGENCY:,} staff",
            small[0],
            small[1],
            small[2],
            f"{small[0] / small[2]:.2f}x",
        ]
    )
    return [table]
