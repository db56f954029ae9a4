"""The district dashboard at 10 agencies (200 staff) vs 300 agencies (15,000 staff), each with 29 stored
daily reports and today built live, as the district office opens it.

The floor is the run at 10 agencies. The page reads a fixed number of queries whatever the number of
agencies or stored days, so the query ratio should stay 1.00. Its time grows only with today's live
figures (aggregates over today's plans and dossiers), shown on their own line with the same floor; the 29
stored days cost one query that reads only their figures.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.bench_work_modes import make_agency, timed
from bench.tables import Table
from directives.compliance.figures import build_figures
from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report
from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind, Role, StaffCategory
from staffing.registry.models import RoleAssignment, StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode

SIZES = (10, 300)  # agencies in all after each step
STAFF_PER_AGENCY = 50
STORED_DAYS = 29


def _policy() -> None:
    directive = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        number="Bench-dashboard/UBND",
        issuer="Ủy ban nhân dân huyện (thử nghiệm)",
        issued_on=datetime.date(2021, 6, 4),
        subject="Thử nghiệm hiệu năng",
        status=DocumentStatus.PUBLISHED,
    )
    WorkModePolicy.objects.create(directive=directive, effective_from=datetime.date(2021, 6, 4))


def _grow(first: int, last: int, today: datetime.date, rng) -> None:
    """Agencies number first..last-1, each with its staff planned today at about 40 % at home."""
    modes = []
    for number in range(first, last):
        agency = make_agency(f"Cơ quan thử nghiệm {number:03d}", kind=AgencyKind.SPECIALISED_OFFICE)
        staff = StaffMember.objects.bulk_create(
            StaffMember(
                agency=agency,
                staff_code=f"BD{number:03d}-{n:03d}",
                full_name=f"Cán bộ thử nghiệm {number}-{n}",
                category=StaffCategory.CIVIL_SERVANT,
            )
            for n in range(STAFF_PER_AGENCY)
        )
        if number % 10 == 9:
            continue  # one agency in ten has no plan
        for member in staff:
            mode = WorkModeKind.REMOTE if rng.random() < 0.4 else WorkModeKind.ON_SITE
            modes.append(WorkMode(staff=member, agency=agency, day=today, mode=mode))
    WorkMode.objects.bulk_create(modes, batch_size=5000)
    content = build_report(today)
    ComplianceReport.objects.all().delete()
    ComplianceReport.objects.bulk_create(
        ComplianceReport(
            day=today - datetime.timedelta(days=offset),
            built_at=timezone.now(),
            content={**content, "day": (today - datetime.timedelta(days=offset)).isoformat()},
        )
        for offset in range(1, STORED_DAYS + 1)
    )


def run():
    rng = random.Random(2629)
    today = timezone.localdate()
    _policy()
    office = get_user_model().objects.create_user("bench-dashboard-office", password="x")
    RoleAssignment.objects.create(user=office, role=Role.DISTRICT_OFFICE)
    client = Client()
    client.force_login(office)
    url = reverse("dashboard:dashboard")
    measured, first = {}, 0
    for size in SIZES:
        _grow(first, size, today, rng)
        first = size
        client.get(url)
        measured[size] = {
            "dashboard page": timed(lambda: client.get(url)),
            "today's figures (live)": timed(lambda: build_figures(today)),
        }
    table = Table(
        f"District dashboard: {SIZES[0]} vs {SIZES[1]} agencies of {STAFF_PER_AGENCY} staff, "
        f"{STORED_DAYS} stored days (floor: the run at {SIZES[0]})",
        ["step", "agencies", "seconds", "time floor", "time ratio", "queries", "query floor", "query ratio"],
    )
    for name in measured[SIZES[0]]:
        base_seconds, base_queries, _ = measured[SIZES[0]][name]
        for size in SIZES:
            seconds, queries, result = measured[size][name]
            if name == "dashboard page":
                assert result.status_code == 200, result.status_code
            table.rows.append(
                [
                    name,
                    size,
                    seconds,
                    base_seconds,
                    seconds / base_seconds,
                    queries,
                    base_queries,
                    queries / base_queries,
                ]
            )
    return table
