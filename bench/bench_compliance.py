"""The daily compliance report for 300 agencies and 60,000 staff: building it, its page, its XLSX, the task.

Run through the runner (``DATABASE_URL=postgres://... python -m bench compliance``), which makes a
throw-away database; ``run()`` refuses to write into a database whose name does not start with ``test_``.
"""

import datetime
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from bench.tables import Table
from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report
from directives.compliance.tasks import send_daily_compliance_report
from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Clause, Document
from directives.obligations.models import Obligation
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind, DutyGroup, Role, StaffCategory
from staffing.registry.models import Agency, RoleAssignment, StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import PlanningReminder, WorkMode
from tthc.catalogue.models import Procedure
from tthc.dossiers.constants import DossierStatus
from tthc.dossiers.models import Dossier
from tthc.intake.constants import Channel

DAY = datetime.date(2021, 6, 8)
NEXT_DAY = DAY + datetime.timedelta(days=1)
AGENCIES = 300
STAFF_PER_AGENCY = 200
DOSSIERS_PER_AGENCY = 50
OBLIGATIONS = 10
REPEATS = 3


def timed(function, repeats=REPEATS):
    seconds, queries, result = [], 0, None
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            result = function()
            seconds.append(time.perf_counter() - start)
        queries = len(captured)
    return statistics.median(seconds), queries, result


def make_district(rng) -> None:
    directive = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        number="Bench-2629/UBND",
        issuer="Ủy ban nhân dân huyện (thử nghiệm)",
        issued_on=datetime.date(2021, 6, 4),
        subject="Thử nghiệm hiệu năng",
        status=DocumentStatus.PUBLISHED,
    )
    WorkModePolicy.objects.create(
        directive=directive,
        effective_from=datetime.date(2021, 6, 4),
        exempt_duty_groups=[DutyGroup.EPIDEMIC_TASK_FORCE, DutyGroup.POLICE, DutyGroup.MILITARY],
        in_person_intake_restricted=True,
    )
    clause = Clause.objects.create(document=directive, number="1", text="Thực hiện nghiêm.")
    Obligation.objects.bulk_create(
        Obligation(clause=clause, title=f"Nhiệm vụ thử nghiệm {n}", due_on=DAY - datetime.timedelta(days=n))
        for n in range(OBLIGATIONS)
    )
    procedure = Procedure.objects.create(
        code="9.999999",
        name="Thủ tục thử nghiệm",
        level="commune",
        processing_time_unit="working_days",
        processing_time_value=3,
        online_level=3,
    )
    agencies = Agency.objects.bulk_create(
        Agency(
            name=f"Cơ quan thử nghiệm {n:03d}", kind=rng.choice(AgencyKind.values), phone=f"0283790{n:04d}"
        )
        for n in range(AGENCIES)
    )
    staff = StaffMember.objects.bulk_create(
        (
            StaffMember(
                agency=agency,
                staff_code=f"BC{n:05d}",
                full_name=f"Cán bộ thử nghiệm {agency.pk}-{n}",
                category=StaffCategory.CIVIL_SERVANT,
                duty_group=DutyGroup.REGULAR if n % 10 else DutyGroup.POLICE,
            )
            for agency in agencies
            for n in range(STAFF_PER_AGENCY)
        ),
        batch_size=5000,
    )
    # Nine agencies in ten planned at about 40 % at home; one in fifty over the cap; the rest unplanned.
    modes = []
    for index, member in enumerate(staff):
        agency_number = index // STAFF_PER_AGENCY
        if agency_number % 10 == 9:
            continue
        share = 0.7 if agency_number % 50 == 0 else 0.4
        for day in (DAY, NEXT_DAY):
            mode = WorkModeKind.REMOTE if rng.random() < share else WorkModeKind.ON_SITE
            modes.append(WorkMode(staff=member, agency_id=member.agency_id, day=day, mode=mode))
    WorkMode.objects.bulk_create(modes, batch_size=10000)
    received = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(9)))
    Dossier.objects.bulk_create(
        (
            Dossier(
                code=f"BC-{agency.pk}-{n}",
                agency=agency,
                procedure=procedure,
                applicant_name="Người dân thử nghiệm",
                applicant_id_number="079190000001",
                applicant_phone="0909123456",
                channel=Channel.IN_PERSON if n % 25 == 0 else Channel.ONLINE,
                received_at=received,
                due_date=DAY - datetime.timedelta(days=n % 7 - 3),
                result_delivery=Channel.POSTAL,
                special_case_reason="Cần gấp" if n % 25 == 0 else "",
                status=rng.choice([DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.RETURNED]),
            )
            for agency in agencies
            for n in range(DOSSIERS_PER_AGENCY)
        ),
        batch_size=5000,
    )
    PlanningReminder.objects.bulk_create(
        PlanningReminder(agency=agency, week_start=datetime.date(2021, 6, 14)) for agency in agencies[::3]
    )


def office_client() -> Client:
    user = get_user_model().objects.create_user(username="bench-office", email="vanphong@example.gov.vn")
    RoleAssignment.objects.create(user=user, role=Role.DISTRICT_OFFICE)
    client = Client()
    client.force_login(user)
    return client


def run() -> Table:
    if not connection.settings_dict["NAME"].startswith("test_") and connection.vendor != "sqlite":
        raise RuntimeError("run through `python -m bench`: it needs a throw-away test_ database")
    rng = random.Random(2629)
    start = time.perf_counter()
    make_district(rng)
    setup = time.perf_counter() - start
    table = Table(
        f"Daily compliance report: {AGENCIES} agencies, {AGENCIES * STAFF_PER_AGENCY:,} staff, "
        f"{AGENCIES * DOSSIERS_PER_AGENCY:,} dossiers (data made in {setup:.0f} s)",
        ["step", "queries", "seconds (median of 3)", "rows"],
    )
    seconds, queries, content = timed(lambda: build_report(DAY))
    rows = sum(len(section["rows"]) for section in content["sections"])
    table.rows.append(["build_report(day)", queries, seconds, rows])

    client = office_client()
    ComplianceReport.objects.create(day=DAY, built_at=timezone.now(), content=content)
    url = reverse("directives:compliance_detail", args=[DAY.isoformat()])
    client.get(url)
    seconds, queries, response = timed(lambda: client.get(url))
    assert response.status_code == 200, response.status_code
    table.rows.append(["report page (stored)", queries, seconds, len(response.content)])
    seconds, queries, response = timed(lambda: client.get(url + "?format=xlsx"))
    table.rows.append(["XLSX export", queries, seconds, len(response.content)])

    ComplianceReport.objects.all().delete()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        mail.outbox = []
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            sent = send_daily_compliance_report(DAY.isoformat())
        table.rows.append(["task: build, store, e-mail", len(captured), time.perf_counter() - start, sent])
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            sent = send_daily_compliance_report(DAY.isoformat())
        table.rows.append(["task again (already sent)", len(captured), time.perf_counter() - start, sent])
    return table
