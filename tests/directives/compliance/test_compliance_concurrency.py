"""Several workers running the 17:00 task at the same moment still send one report (PostgreSQL)."""

import os
import threading

import pytest
from django.core import mail
from django.db import connection, connections

from directives.compliance.models import ComplianceReport
from directives.compliance.tasks import send_daily_compliance_report
from tests.compliance_fixtures import TODAY, report_readers, small_district

WORKERS = 4


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("stored_unsent", [False, True], ids=["no row yet", "row stored unsent"])
def test_workers_running_the_task_at_once_send_one_report(stored_unsent):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required for this test")
        pytest.skip("row locks need PostgreSQL (set DATABASE_URL=postgres://...)")
    small_district()
    if stored_unsent:
        # An earlier run found nobody with an e-mail: every worker now finds the row unsent, and only the
        # row lock keeps them from all sending it.
        send_daily_compliance_report(TODAY.isoformat())
        assert ComplianceReport.objects.get().sent_at is None
    report_readers()
    barrier = threading.Barrier(WORKERS)
    errors = []

    def run():
        try:
            barrier.wait()
            send_daily_compliance_report(TODAY.isoformat())
        except Exception as error:  # collected: an exception in a thread would otherwise vanish
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ComplianceReport.objects.count() == 1
    assert ComplianceReport.objects.get().sent_at is not None
    # One e-mail per recipient, each once, however many workers ran.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "lanhdao@example.gov.vn",
        "vanphong@example.gov.vn",
    ]
