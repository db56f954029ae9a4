import socket

from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat


@shared_task(name="staffing.tasks.worker_heartbeat")
def worker_heartbeat(worker: str = "") -> str:
    """Beat runs this every minute so the office can see that reminders and reports are being sent."""
    name = worker or socket.gethostname()
    WorkerHeartbeat.objects.update_or_create(worker=name, defaults={"seen_at": timezone.now()})
    return name
