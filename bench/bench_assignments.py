"""Assigned work and the quarterly classification at 50 vs 500 staff, each with a quarter of data (20
assignments and 60 progress reports per person): the head's board and the quarter's page.

The floor is the query count at 50 staff: the pages read a fixed number of queries whatever the agency's
size, so the ratio at 500 should stay 1.00; time grows with the rows shown (the floor there is 10× the
time at 50, the rows being ten times as many).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from bench.bench_work_modes import make_agency, make_staff, timed
from bench.tables import Table
from staffing.assignments.constants import AssignmentStatus, Quality
from staffing.assignments.models import Assignment, ProgressReport
from staffing.classification.models import RuleSet
from staffing.registry.constants import AgencyKind, Role
from staffing.registry.models import RoleAssignment, StaffMember

QUARTER_START = datetime.date(2021, 7, 1)
ASSIGNMENTS_EACH = 20
REPORTS_EACH = 60


def _seed(size: int, rng) -> tuple:
    agency = make_agency(f"Phòng thử nghiệm {size}", kind=AgencyKind.SPECIALISED_OFFICE)
    make_staff([(agency, size)], rng)
    head = get_user_model().objects.create_user(f"bench-head-{size}", password="x")
    RoleAssignment.objects.create(user=head, role=Role.AGENCY_HEAD, agency=agency)
    staff = list(StaffMember.objects.filter(agency=agency))
    assignments = []
    for member in staff:
        for n in range(ASSIGNMENTS_EACH):
            start = QUARTER_START + datetime.timedelta(days=rng.randrange(0, 80))
            due = start + datetime.timedelta(days=rng.randrange(1, 10))
            accepted = n % 5 != 0
            assignments.append(
                Assignment(
                    agency=agency,
                    title=f"Nhiệm vụ {n}",
                    assigned_by=head,
                    lead=member,
                    start_date=start,
                    due_date=due,
                    status=AssignmentStatus.ACCEPTED if accepted else AssignmentStatus.IN_PROGRESS,
                    quality=rng.choice(Quality.values) if accepted else "",
                    statutory=n % 7 == 0,
                    legal_basis="Luật thử nghiệm" if n % 7 == 0 else "",
                )
            )
    Assignment.objects.bulk_create(assignments, batch_size=5000)
    by_lead = {}
    for assignment in Assignment.objects.filter(agency=agency).only("pk", "lead_id"):
        by_lead.setdefault(assignment.lead_id, []).append(assignment.pk)
    reports = [
        ProgressReport(
            assignment_id=rng.choice(by_lead[member.pk]),
            staff=member,
            day=QUARTER_START + datetime.timedelta(days=n),
            percent_complete=50,
            done="Đã thực hiện.",
        )
        for member in staff
        for n in range(REPORTS_EACH)
    ]
    ProgressReport.objects.bulk_create(reports, batch_size=5000)
    client = Client()
    client.force_login(head)
    return agency, client


def run():
    rng = random.Random(2629)
    RuleSet.objects.get_or_create(
        effective_from=datetime.date(2021, 6, 4), defaults={"name": "Tiêu chí thử nghiệm"}
    )
    measured = {}
    for size in (50, 500):
        agency, client = _seed(size, rng)
        board = reverse("assignments:board", args=[agency.pk])
        quarter = f"{reverse('classification:quarter', args=[agency.pk])}?quarter=2021-Q3"
        measured[size] = {
            "board": timed(lambda url=board, c=client: c.get(url)),
            "quarter": timed(lambda url=quarter, c=client: c.get(url)),
        }
    table = Table(
        "Assigned work and classification: 20 assignments and 60 reports per person",
        ["page", "staff", "seconds", "queries", "query floor (50 staff)", "query ratio", "time ratio vs 10x"],
    )
    for page in ("board", "quarter"):
        base_seconds, base_queries, _ = measured[50][page]
        for size in (50, 500):
            seconds, queries, response = measured[size][page]
            assert response.status_code == 200, (page, size, response.status_code)
            table.rows.append(
                [
                    page,
                    size,
                    seconds,
                    queries,
                    base_queries,
                    queries / base_queries,
                    seconds / (base_seconds * size / 50),
                ]
            )
    return table
