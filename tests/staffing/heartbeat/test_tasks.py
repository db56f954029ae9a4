"""A task goes through the configured broker (Redis in CI, the embedded one otherwise) to a real worker."""

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app
from staffing.heartbeat.models import WorkerHeartbeat
from staffing.heartbeat.tasks import worker_heartbeat


@pytest.mark.django_db(transaction=True)
def test_heartbeat_task_round_trip_through_the_real_broker():
    # A queue of this test's own, so a parallel test process's worker cannot take the message.
    queue = f"test-{uuid.uuid4().hex}"
    with start_worker(app, perform_ping_check=False, queues=[queue], shutdown_timeout=20):
        worker_heartbeat.apply_async(args=["round-trip"], queue=queue)
        deadline = time.monotonic() + 30
        while (
            time.monotonic() < deadline and not WorkerHeartbeat.objects.filter(worker="round-trip").exists()
        ):
            time.sleep(0.2)
    assert WorkerHeartbeat.objects.filter(worker="round-trip").exists()
