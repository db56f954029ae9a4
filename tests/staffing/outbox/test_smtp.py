"""Delivery against real local mail servers: accepted, refused (nothing listening, 421), silent (times out
within EMAIL_TIMEOUT holding no lock); each message is sent exactly once when the server is back."""

import io
import os
import threading
import time

import openpyxl
import pytest
from django.db import connection, connections

from directives.compliance.models import ComplianceReport
from directives.compliance.services import compliance_report_send
from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import (
    message_deliver,
    message_enqueue,
    message_retry,
    outbox_sweep,
    retry_delay,
)
from staffing.outbox.tasks import deliver_message
from tests.compliance_fixtures import TODAY, report_readers, small_district
from tests.factories import AgencyFactory, StaffMemberFactory

from .smtp_servers import accepting_server, busy_server, free_port, silent_server, use_smtp

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_postgres():
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required for this test")
        pytest.skip("row locks need PostgreSQL (set DATABASE_URL=postgres://...)")


def _enqueue(key="k", to="nhan@example.gov.vn"):
    message, _created = message_enqueue(key=key, kind="test", to=to, subject="Thử", text="Nội dung thử")
    return message


@pytest.mark.django_db
def test_an_accepting_server_receives_the_message_once(settings):
    with accepting_server() as (port, server):
        use_smtp(settings, port)
        message = _enqueue()
        assert deliver_message.apply(args=[message.pk]).get() == "sent"
        assert deliver_message.apply(args=[message.pk]).get() == "skipped"
        again, created = message_enqueue(
            key="k", kind="test", to="nhan@example.gov.vn", subject="x", text="y"
        )
        assert not created
        assert deliver_message.apply(args=[again.pk]).get() == "skipped"
    assert server.to() == ["nhan@example.gov.vn"]
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 1, "")


@pytest.mark.django_db
def test_nothing_listening_is_retried_with_backoff_then_failed_then_sent_once_when_retried(settings):
    port = free_port()  # nobody listens here
    use_smtp(settings, port)
    message = _enqueue()
    # Eager: Celery runs every retry at once (the countdowns are what a worker would wait).
    deliver_message.apply(args=[message.pk])
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.attempts == settings.OUTBOX_MAX_RETRIES + 1
    assert "ConnectionRefusedError" in message.last_error
    assert message.next_try_at is None

    with accepting_server(port) as (_port, server):
        message_retry(message)
        assert message_deliver(message.pk).outcome == "sent"
        assert message_deliver(message.pk).outcome == "skipped"
    assert server.to() == ["nhan@example.gov.vn"]


def test_the_waits_between_tries_double_up_to_a_bound(settings):
    settings.OUTBOX_RETRY_BACKOFF = 60
    settings.OUTBOX_RETRY_BACKOFF_MAX = 1800
    assert [retry_delay(n) for n in range(7)] == [60, 120, 240, 480, 960, 1800, 1800]
    assert deliver_message.autoretry_for and deliver_message.retry_jitter
    assert deliver_message.acks_late and deliver_message.reject_on_worker_lost
    assert deliver_message.soft_time_limit < deliver_message.time_limit


@pytest.mark.django_db
def test_a_421_greeting_is_recorded_and_the_message_waits_for_its_next_try(settings):
    with busy_server() as server:
        use_smtp(settings, server.port)
        message = _enqueue()
        assert message_deliver(message.pk).outcome == "failed"
    message.refresh_from_db()
    assert message.status == Status.PENDING
    assert "421" in message.last_error
    assert message.next_try_at > message.claimed_at


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_silent_server_times_out_within_email_timeout_holding_no_lock_then_sends_once(settings):
    _require_postgres()
    small_district()
    report_readers()
    report, enqueued = compliance_report_send(day=TODAY, deliver=False)
    assert enqueued
    first, second = OutboxMessage.objects.order_by("to")
    with silent_server() as server:
        use_smtp(settings, server.port, timeout=2)
        outcome = {}

        def deliver():
            started = time.monotonic()
            outcome["delivery"] = message_deliver(first.pk)
            outcome["seconds"] = time.monotonic() - started
            connections.close_all()

        thread = threading.Thread(target=deliver)
        thread.start()
        assert server.connected.wait(5)
        # While the worker waits on the silent server, another connection changes the report and the
        # message at once: nothing holds a transaction or a row lock.
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '500ms'")
            cursor.execute(
                "UPDATE directives_compliancereport SET recipients = recipients WHERE id = %s", [report.pk]
            )
            cursor.execute("UPDATE staffing_outboxmessage SET subject = subject WHERE id = %s", [first.pk])
            cursor.execute("SET lock_timeout = 0")
        assert OutboxMessage.objects.get(pk=first.pk).status == Status.SENDING
        thread.join(10)
    assert outcome["delivery"].outcome == "failed"
    assert 1.5 < outcome["seconds"] < 4
    first.refresh_from_db()
    assert first.status == Status.PENDING and "timed out" in first.last_error

    with accepting_server(server.port) as (_port, smtp):
        for message in (first, second, first, second):
            message_deliver(message.pk)
        compliance_report_send(day=TODAY)  # a second run of the day sends nothing more
    assert smtp.to() == ["lanhdao@example.gov.vn", "vanphong@example.gov.vn"]
    assert ComplianceReport.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_one_message_at_once_send_it_once(settings):
    _require_postgres()
    message = _enqueue()
    barrier = threading.Barrier(4)
    outcomes = []
    with accepting_server(delay=0.3) as (port, server):
        use_smtp(settings, port)

        def run():
            try:
                barrier.wait()
                outcomes.append(message_deliver(message.pk).outcome)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    assert sorted(outcomes) == ["sent", "skipped", "skipped", "skipped"]
    assert server.to() == ["nhan@example.gov.vn"]


@pytest.mark.django_db
def test_the_sweep_hands_back_a_message_left_sending_and_a_pending_one_whose_task_was_lost(settings):
    from datetime import timedelta

    from django.utils import timezone

    stuck, lost, fresh = _enqueue("a"), _enqueue("b"), _enqueue("c")
    long_ago = timezone.now() - timedelta(seconds=settings.OUTBOX_STALE_SECONDS + 1)
    OutboxMessage.objects.filter(pk=stuck.pk).update(status=Status.SENDING, claimed_at=long_ago)
    OutboxMessage.objects.filter(pk=lost.pk).update(next_try_at=long_ago)
    assert sorted(outbox_sweep()) == sorted([stuck.pk, lost.pk])
    assert OutboxMessage.objects.get(pk=stuck.pk).status == Status.PENDING
    assert OutboxMessage.objects.get(pk=fresh.pk).status == Status.PENDING


@pytest.mark.django_db
def test_the_report_mail_carries_its_xlsx_with_formula_like_names_as_text(settings):
    small_district()
    report_readers()
    names = ["=1+1 Phòng", "+84 Tổ", "-Ban", "@Đội"]
    for name in names:
        StaffMemberFactory(agency=AgencyFactory(name=name))  # staff and no plan: listed in the report
    with accepting_server() as (port, server):
        use_smtp(settings, port)
        compliance_report_send(day=TODAY)
    assert server.to() == ["lanhdao@example.gov.vn", "vanphong@example.gov.vn"]
    _rcpts, email = server.messages[0]
    (attachment,) = list(email.iter_attachments())
    assert attachment.get_content_type() == XLSX
    assert attachment.get_filename() == "compliance-report-2021-06-08.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(attachment.get_content())).active
    assert sheet["A1"].value == "Báo cáo tình hình thực hiện ngày 08/06/2021"
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    for name in names:
        assert cells[name].data_type == "s", name  # text, never a formula
    headers = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {"Ngày", "Cơ quan, đơn vị"} <= headers
    dates = [cell for row in sheet.iter_rows() for cell in row if cell.is_date]
    assert dates and all(cell.number_format == "dd/mm/yyyy" for cell in dates)


@pytest.mark.django_db
def test_the_office_send_now_page_answers_at_once_with_a_silent_mail_server(client, settings):
    from django.urls import reverse

    small_district()
    readers = report_readers()
    client.force_login(readers["office"])
    with silent_server() as server:
        use_smtp(settings, server.port, timeout=10)
        started = time.monotonic()
        response = client.post(reverse("directives:compliance_send"))
        elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert elapsed < 5  # the page enqueues; it never waits on the mail server
    assert not server.connected.is_set()
    assert OutboxMessage.objects.filter(status=Status.PENDING).count() == 2
    assert ComplianceReport.objects.count() == 1
