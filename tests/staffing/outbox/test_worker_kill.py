"""A real Celery worker process on the real Redis broker, killed with SIGKILL in the middle of sending the
daily report to a slow SMTP server, then started again: one stored report, one e-mail per recipient."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from directives.compliance.models import ComplianceReport
from directives.compliance.tasks import send_daily_compliance_report
from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.tasks import sweep_outbox
from tests.compliance_fixtures import TODAY, report_readers, small_district

from .smtp_servers import accepting_server

ROOT = Path(__file__).resolve().parents[3]
STALE_SECONDS = 2


def _require_broker():
    missing = []
    if connection.vendor != "postgresql":
        missing.append("PostgreSQL (DATABASE_URL=postgres://...)")
    if not os.environ.get("REDIS_URL"):
        missing.append("Redis (REDIS_URL=redis://...)")
    if missing:
        if os.environ.get("REQUIRE_POSTGRES") or os.environ.get("REQUIRE_REDIS"):
            pytest.fail(f"{' and '.join(missing)} required for this test")
        pytest.skip(f"a real worker needs {' and '.join(missing)}")


def _start_worker(log: Path, smtp_port: int) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "EMAIL_TIMEOUT": "30",
        "OUTBOX_STALE_SECONDS": str(STALE_SECONDS),
        "OUTBOX_SWEEP_GRACE_SECONDS": "0",
        "CELERY_VISIBILITY_TIMEOUT": "4",
    }
    celery = Path(sys.executable).with_name("celery")
    handle = log.open("ab")
    worker = subprocess.Popen(
        [
            str(celery),
            "-A",
            "config",
            "worker",
            "-P",
            "solo",
            "--without-mingle",
            "--without-gossip",
            "-l",
            "info",
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while b"ready." not in log.read_bytes():
        if worker.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(log.read_text(errors="replace")[-3000:])
        time.sleep(0.2)
    return worker


def _wait(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_and_restarted_sends_one_report_once_per_recipient(tmp_path):
    _require_broker()
    import redis

    redis.Redis.from_url(django_settings.CELERY_BROKER_URL).flushdb()
    small_district()
    report_readers()
    log = tmp_path / "worker.log"
    workers = []
    try:
        with accepting_server(delay=120) as (port, smtp):
            worker = _start_worker(log, port)
            workers.append(worker)
            send_daily_compliance_report.delay(TODAY.isoformat())
            # The worker stored the report, committed its messages and is now in the middle of the DATA of
            # the first one: kill it there.
            assert smtp.started.wait(60), log.read_text(errors="replace")[-3000:]
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(10)
            assert smtp.messages == []
            assert ComplianceReport.objects.count() == 1
            statuses = sorted(OutboxMessage.objects.values_list("status", flat=True))
            assert Status.SENDING in statuses

            smtp.delay = 0  # the mail server is fast again
            time.sleep(STALE_SECONDS + 0.5)
            workers.append(_start_worker(log, port))
            sweep_outbox.delay()  # what beat does every 5 minutes
            assert _wait(lambda: len(smtp.messages) >= 2, 60), log.read_text(errors="replace")[-3000:]
            # The killed task comes back from the broker meanwhile (acks_late): it must not send again.
            time.sleep(6)
            sweep_outbox.delay()
            time.sleep(2)
            received = smtp.to()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(20)
                except subprocess.TimeoutExpired:
                    worker.kill()
    assert received == ["lanhdao@example.gov.vn", "vanphong@example.gov.vn"]
    assert ComplianceReport.objects.count() == 1
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {Status.SENT}
    assert "send_daily_compliance_report" in log.read_text(errors="replace")
