"""Two workers running the same reminder at once (two beats, a retried task) record each notification once
and enqueue its e-mail once: the unique row and the outbox key decide, not the timing.

PostgreSQL only (SQLite serialises writers); skipped elsewhere, a failure when REQUIRE_POSTGRES is set."""

import datetime
import os
import threading

import pytest
from django.db import connection, connections

from staffing.assignments.reminders import assignments_due_notify, no_report_notify, stalled_work_notify
from staffing.company_checks.reminders import follow_ups_due_notify
from staffing.inspections.reminders import teams_to_suspend_notify
from staffing.notifications.models import Notification
from staffing.notifications.services import notify
from staffing.outbox.models import OutboxMessage
from staffing.workmodes.reminders import district_day_notify, tomorrow_reminders_notify
from tests.factories import UserFactory
from tthc.dossiers.reminders import dossiers_due_notify
from tthc.reception.reminders import petitions_due_notify

from . import worlds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
RUNS = 6


@pytest.fixture(autouse=True)
def _postgres_only(db):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("REQUIRE_POSTGRES is set but the tests run on " + connection.vendor)
        pytest.skip("concurrent inserts need PostgreSQL (set DATABASE_URL=postgres://...)")


def all_at_once(run, times=RUNS):
    barrier = threading.Barrier(times)
    errors = []

    def worker():
        try:
            barrier.wait()
            run()
        except Exception as error:  # noqa: BLE001 (reported below, with the thread's error)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def test_the_same_notification_recorded_by_many_at_once_is_one_row_and_one_e_mail(db):
    users = [UserFactory(username=f"nguoi-{n}", email=f"nguoi{n}@example.gov.vn") for n in range(3)]
    all_at_once(
        lambda: notify(
            recipients=users, kind="dossiers_due", subject="agency:1", period="2021-06-08", title="Hồ sơ"
        )
    )
    assert Notification.objects.count() == 3
    assert OutboxMessage.objects.count() == 3


REMINDERS = {
    "no_plan_or_over_cap_tomorrow": (worlds.plans_world, tomorrow_reminders_notify, worlds.TODAY, 2),
    "district_agencies_today": (worlds.plans_world, district_day_notify, worlds.TODAY, 1),
    "no_report_today": (worlds.assignments_world, no_report_notify, worlds.TODAY, 1),
    "assignments_due": (worlds.assignments_world, assignments_due_notify, worlds.TODAY, 2),
    "dossiers_due": (worlds.dossiers_world, dossiers_due_notify, worlds.TODAY, 1),
    "teams_to_suspend": (worlds.inspections_world, teams_to_suspend_notify, worlds.RESTRICTED_DAY, 1),
    "petitions_due": (worlds.petitions_world, petitions_due_notify, worlds.TODAY, 1),
    "stalled_work": (worlds.stalled_world, stalled_work_notify, worlds.TODAY, 2),
    "follow_ups_due": (worlds.follow_ups_world, follow_ups_due_notify, datetime.date(2021, 6, 10), 1),
}


@pytest.mark.parametrize("name", sorted(REMINDERS))
def test_a_reminder_run_twice_at_once_notifies_once(name):
    build, reminder, day, expected = REMINDERS[name]
    build()
    counts = []
    all_at_once(lambda: counts.append(reminder(day=day)), times=2)
    assert sum(counts) == expected  # each notification counted by the one run that recorded it
    assert Notification.objects.count() == expected
    assert OutboxMessage.objects.count() == expected
