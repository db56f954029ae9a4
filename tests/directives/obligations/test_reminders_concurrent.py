"""Two workers running the reminder task at the same moment still send one e-mail (PostgreSQL)."""

import datetime
import os
import threading

import pytest
from django.core import mail
from django.db import connection, connections

from directives.obligations import services
from directives.obligations.models import ReminderLog
from staffing.registry.constants import Role
from tests.directives.factories import ObligationFactory
from tests.factories import AgencyFactory, user_with_role

TODAY = datetime.date(2021, 6, 8)


def _two_workers_at_once():
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            services.obligation_reminders_send(day=TODAY)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _head_with_email():
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required for this test")
        pytest.skip("needs PostgreSQL")
    agency = AgencyFactory()
    head = user_with_role(Role.AGENCY_HEAD, agency)
    head.email = "head@example.gov.vn"
    head.save()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_reminder():
    _head_with_email()
    ObligationFactory(due_on=TODAY)
    _two_workers_at_once()
    assert ReminderLog.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_email_listing_every_obligation():
    _head_with_email()
    ObligationFactory.create_batch(3, due_on=TODAY)
    _two_workers_at_once()
    assert ReminderLog.objects.count() == 3
    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.count("Quán triệt nội dung") == 3
