"""Building the report (and its page) reads a fixed number of queries, whatever the number of agencies."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directives.compliance.registry import build_report
from staffing.registry.constants import AgencyKind
from staffing.registry.models import StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import PlanningReminder, WorkMode
from staffing.workmodes.planning import week_to_plan
from tests.compliance_fixtures import report_readers
from tests.directives.factories import ObligationFactory
from tests.factories import AgencyFactory, ProcedureFactory, WorkModePolicyFactory
from tthc.dossiers.models import Dossier
from tthc.intake.constants import Channel

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 6, 11)  # a Friday: the unreached planning reminders are read too


def agencies_with_everything(count: int, *, prefix: str, day: datetime.date = TODAY) -> None:
    """`count` agencies, each over the cap, unplanned for next week, with an overdue obligation, an overdue
    dossier and a special case on `day` (written directly: a fixture, not a use of the services)."""
    procedure = ProcedureFactory(code="1.001699")
    received = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    for number in range(count):
        agency = AgencyFactory(name=f"{prefix} {number:03d}", kind=AgencyKind.COMMUNE_COMMITTEE)
        staff = [
            StaffMember.objects.create(
                agency=agency, staff_code=f"{prefix}{number}-{n}", full_name="Cán bộ", category="cadre"
            )
            for n in range(3)
        ]
        WorkMode.objects.bulk_create(
            WorkMode(staff=m, agency=agency, day=day, mode=WorkModeKind.REMOTE) for m in staff
        )
        PlanningReminder.objects.create(agency=agency, week_start=week_to_plan(day))
        for code, due, reason in (("A", day - datetime.timedelta(days=3), ""), ("B", day, "Cần gấp")):
            Dossier.objects.create(
                code=f"{prefix}{number}-{code}",
                agency=agency,
                procedure=procedure,
                applicant_name="Người dân",
                applicant_id_number="079190000001",
                applicant_phone="0909123456",
                channel=Channel.IN_PERSON,
                received_at=received,
                due_date=due,
                result_delivery=Channel.POSTAL,
                special_case_reason=reason,
            )


def report_queries(count: int) -> int:
    agencies_with_everything(count, prefix=f"Xã {count}")
    with CaptureQueriesContext(connection) as queries:
        content = build_report(TODAY)
    over_cap = next(s for s in content["sections"] if s["key"] == "work_mode_over_cap")
    assert len(over_cap["rows"]) >= count
    return len(queries)


@pytest.fixture
def policy_and_obligation(db):
    WorkModePolicyFactory()
    ObligationFactory(due_on=TODAY - datetime.timedelta(days=1))


def test_building_the_report_reads_as_many_queries_for_50_agencies_as_for_5(policy_and_obligation):
    few = report_queries(5)
    many = report_queries(50)
    assert few == many
    # Sections of work modes, obligations, dossiers, inspections, companies and the day's figures.
    assert few <= 40


def test_the_live_page_reads_as_many_queries_for_50_agencies_as_for_5(
    client, policy_and_obligation, settings
):
    office = report_readers()["office"]
    client.force_login(office)
    today = timezone.localdate()
    url = reverse("directives:compliance_detail", args=[today.isoformat()])
    counts = []
    for count in (5, 50):
        agencies_with_everything(count, prefix=f"Xã {count}", day=today)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert f"Xã {count} 000" in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]
