import datetime
import socket

from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat
from .planning_services import planning_reminders_send


@shared_task
def worker_heartbeat(worker: str = "") -> str:
    """Beat runs this every minute so the office can see that reminders and reports are being sent."""
    name = worker or socket.gethostname()
    WorkerHeartbeat.objects.update_or_create(worker=name, defaults={"seen_at": timezone.now()})
    return name


@shared_task
def send_planning_reminders(day_iso: str | None = None) -> int:
    """Beat runs this on Fridays at 14:00: heads of agencies with no plan for next week hear of it once."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return planning_reminders_send(day=day)
