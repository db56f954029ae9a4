"""Two heads (or twenty apps) saving the same agency at once cannot together exceed the cap (clause 2 of 2629/UBND).

Only PostgreSQL takes the agency row lock (select_for_update is a no-op on SQLite), so these tests skip
elsewhere, and fail instead when REQUIRE_POSTGRES is set (CI).
"""

import datetime
import os
import threading

import pytest
from django.db import connection, connections

from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import WorkModeCapExceeded, work_modes_set
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, WorkModePolicyFactory

MONDAY = datetime.date(2021, 6, 7)
THREADS = 24

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only(db):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("REQUIRE_POSTGRES is set but the tests run on " + connection.vendor)
        pytest.skip("row locks need PostgreSQL (set DATABASE_URL=postgres://...)")


def submit_all_at_once(agency, submissions):
    """Run work_modes_set for every submission in its own thread, all released together; returns outcomes."""
    barrier = threading.Barrier(len(submissions))
    outcomes = [None] * len(submissions)
    actor = UserFactory()

    def worker(index, entries):
        try:
            barrier.wait(timeout=30)
            work_modes_set(agency=agency, entries=entries, actor=actor)
            outcomes[index] = "saved"
        except WorkModeCapExceeded:
            outcomes[index] = "refused"
        except Exception as error:  # noqa: BLE001 - any other failure must show in the assertion below
            outcomes[index] = repr(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=worker, args=(index, entries)) for index, entries in enumerate(submissions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def stored_remote(agency):
    return WorkMode.objects.filter(agency=agency, day=MONDAY, mode=WorkModeKind.REMOTE).count()


def test_twenty_four_heads_at_once_cannot_exceed_the_cap():
    WorkModePolicyFactory()
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(THREADS, agency=agency)
    cap = THREADS // 2

    outcomes = submit_all_at_once(agency, [[(member.pk, MONDAY, WorkModeKind.REMOTE)] for member in staff])

    assert stored_remote(agency) == cap
    assert sorted(outcomes) == ["refused"] * (THREADS - cap) + ["saved"] * cap


def test_concurrent_multi_staff_submissions_are_each_all_or_nothing():
    WorkModePolicyFactory()
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(THREADS + 2, agency=agency)
    cap = (THREADS + 2) // 2
    # Each submission puts three neighbours at home and one at the office; they overlap.
    submissions = [
        [
            (staff[index].pk, MONDAY, WorkModeKind.REMOTE),
            (staff[index + 1].pk, MONDAY, WorkModeKind.REMOTE),
            (staff[index + 2].pk, MONDAY, WorkModeKind.REMOTE),
        ]
        for index in range(THREADS)
    ]

    outcomes = submit_all_at_once(agency, submissions)

    assert set(outcomes) <= {"saved", "refused"}
    assert 0 < stored_remote(agency) <= cap
    remote = set(
        WorkMode.objects.filter(agency=agency, mode=WorkModeKind.REMOTE).values_list("staff_id", flat=True)
    )
    for entries, outcome in zip(submissions, outcomes, strict=True):
        if outcome == "saved":
            assert {staff_id for staff_id, _day, _mode in entries} <= remote


def test_concurrent_submissions_for_two_agencies_do_not_block_each_other_s_cap():
    WorkModePolicyFactory()
    first, second = AgencyFactory(), AgencyFactory()
    first_staff = StaffMemberFactory.create_batch(THREADS // 2, agency=first)
    second_staff = StaffMemberFactory.create_batch(THREADS // 2, agency=second)
    submissions = [(first, [(m.pk, MONDAY, WorkModeKind.REMOTE)]) for m in first_staff] + [
        (second, [(m.pk, MONDAY, WorkModeKind.REMOTE)]) for m in second_staff
    ]
    barrier = threading.Barrier(len(submissions))
    actor = UserFactory()

    def worker(agency, entries):
        try:
            barrier.wait(timeout=30)
            work_modes_set(agency=agency, entries=entries, actor=actor)
        except WorkModeCapExceeded:
            pass
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=submission) for submission in submissions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert stored_remote(first) == THREADS // 4
    assert stored_remote(second) == THREADS // 4
