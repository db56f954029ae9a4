"""Receiving 10,000 dossiers through tthc.dossiers.services.dossier_receive: seconds and queries per dossier.

Each intake is its own transaction, as at the desk. Scenarios: online intakes over 40 days; in-person
intakes of an urgent-list procedure under the restricted policy (one query more: the list); refused
in-person intakes (nothing saved); and four desks of one agency receiving on the same day at once, where
the (agency, day) counter row serialises the numbering (PostgreSQL only: SQLite has no row locks).
"""

import datetime
import threading
import time

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from bench.tables import Table
from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind, Role
from staffing.registry.models import Agency, RoleAssignment
from tthc.calendar.constants import ProcessingTimeUnit
from tthc.catalogue.constants import ProcedureLevel
from tthc.catalogue.models import Procedure
from tthc.dossiers.models import Dossier, DossierCounter
from tthc.dossiers.services import dossier_receive
from tthc.intake.constants import Channel
from tthc.urgent_lists.constants import UrgentListStatus
from tthc.urgent_lists.models import UrgentList, UrgentListItem

DOSSIERS = 10_000
REFUSED = 1_000
DESKS = 4
PER_DESK = 500
FIRST_DAY = datetime.date(2021, 6, 7)


class QueryCounter:
    """Counts the queries of this connection (CaptureQueriesContext keeps only the last 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _setup():
    letter = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        number="Bench-2629/UBND",
        issuer="Ủy ban nhân dân huyện",
        issued_on=datetime.date(2021, 6, 4),
        subject="Thay đổi phương thức làm việc",
        status=DocumentStatus.PUBLISHED,
    )
    WorkModePolicy.objects.create(
        directive=letter,
        effective_from=datetime.date(2021, 6, 4),
        in_person_intake_restricted=True,
        pre_cutoff_date=datetime.date(2021, 6, 3),
        free_postal_return=True,
    )
    agency = Agency.objects.create(
        name="Bench: UBND xã", kind=AgencyKind.COMMUNE_COMMITTEE, statistics_code="99999"
    )
    officer = get_user_model().objects.create_user(username="bench-motcua")
    RoleAssignment.objects.create(user=officer, role=Role.ONE_STOP_OFFICER, agency=agency)
    common = {"level": ProcedureLevel.COMMUNE, "field": "Hộ tịch"}
    on_list = Procedure.objects.create(
        code="B.000001",
        name="Bench: khai sinh",
        processing_time_unit=ProcessingTimeUnit.SAME_DAY,
        online_level=3,
        **common,
    )
    off_list = Procedure.objects.create(
        code="B.000002",
        name="Bench: xác nhận",
        processing_time_unit=ProcessingTimeUnit.WORKING_DAYS,
        processing_time_value=3,
        online_level=4,
        **common,
    )
    urgent = UrgentList.objects.create(
        version=9001,
        directive=letter,
        effective_from=datetime.date(2021, 6, 4),
        status=UrgentListStatus.PUBLISHED,
    )
    UrgentListItem.objects.create(urgent_list=urgent, procedure=on_list)
    return agency, officer, on_list, off_list, letter, urgent


def _received_at(n: int) -> datetime.datetime:
    day = FIRST_DAY + datetime.timedelta(days=n % 40)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + n % 8, n % 60)))


def _values(n: int, agency, officer) -> dict:
    return {
        "agency": agency,
        "applicant_name": f"Người nộp {n}",
        "applicant_id_number": f"{n:012d}",
        "applicant_phone": f"09{n:08d}",
        "applicant_email": f"bench{n}@example.com",
        "received_at": _received_at(n),
        "actor": officer,
    }


def _measure(label: str, count: int, receive) -> list:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        outcome = receive()
        seconds = time.perf_counter() - start
    return [label, count, seconds, f"{count / seconds:,.0f}", f"{counter.count / count:.1f}", outcome]


def _online(agency, officer, procedure):
    for n in range(DOSSIERS):
        dossier_receive(procedure=procedure, channel=Channel.ONLINE, **_values(n, agency, officer))
    return f"{Dossier.objects.filter(agency=agency).count():,} saved"


def _in_person(agency, officer, procedure):
    before = Dossier.objects.count()
    for n in range(DOSSIERS, 2 * DOSSIERS):
        dossier_receive(procedure=procedure, channel=Channel.IN_PERSON, **_values(n, agency, officer))
    return f"{Dossier.objects.count() - before:,} saved"


def _refused(agency, officer, procedure):
    before = Dossier.objects.count()
    refused = 0
    for n in range(REFUSED):
        try:
            dossier_receive(procedure=procedure, channel=Channel.IN_PERSON, **_values(n, agency, officer))
        except ValidationError:
            refused += 1
    return f"{refused:,} refused, {Dossier.objects.count() - before} saved"


def _concurrent(agency, officer, procedure) -> list:
    """Four desks, one agency, one day: every intake waits for the counter row in turn."""
    same_day = timezone.make_aware(datetime.datetime.combine(datetime.date(2021, 8, 2), datetime.time(9, 0)))
    barrier = threading.Barrier(DESKS)
    errors = []

    def desk(d):
        try:
            barrier.wait()
            for n in range(PER_DESK):
                values = _values(3 * DOSSIERS + d * PER_DESK + n, agency, officer)
                dossier_receive(
                    procedure=procedure, channel=Channel.ONLINE, **{**values, "received_at": same_day}
                )
        except Exception as exc:  # reported in the table
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=desk, args=(d,)) for d in range(DESKS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    total = DESKS * PER_DESK
    codes = Dossier.objects.filter(agency=agency, received_at=same_day)
    distinct = codes.values("code").distinct().count()
    outcome = f"{distinct:,} distinct codes, {len(errors)} errors"
    return [
        f"{DESKS} desks at once, same agency and day",
        total,
        seconds,
        f"{total / seconds:,.0f}",
        "–",
        outcome,
    ]


def run() -> Table:
    agency, officer, on_list, off_list, letter, urgent = _setup()
    table = Table(
        f"Dossier intake through dossier_receive ({connection.vendor})",
        ["scenario", "dossiers", "seconds", "dossiers/s", "queries each", "outcome"],
    )
    table.rows.append(_measure("online, 40 days", DOSSIERS, lambda: _online(agency, officer, off_list)))
    table.rows.append(
        _measure("in person, on the urgent list", DOSSIERS, lambda: _in_person(agency, officer, on_list))
    )
    table.rows.append(
        _measure("in person off the list: refused", REFUSED, lambda: _refused(agency, officer, off_list))
    )
    if connection.vendor == "postgresql":
        table.rows.append(_concurrent(agency, officer, off_list))
    Dossier.history.filter(agency_id=agency.pk).delete()
    Dossier.objects.filter(agency=agency).delete()
    DossierCounter.objects.filter(agency=agency).delete()
    urgent.delete()
    Procedure.objects.filter(pk__in=[on_list.pk, off_list.pk]).delete()
    letter.delete()
    return table
