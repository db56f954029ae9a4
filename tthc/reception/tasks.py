import datetime

from celery import shared_task
from django.utils import timezone

from .reminders import petitions_due_notify


@shared_task(name="tthc.tasks.notify_petitions_due")
def notify_petitions_due(day_iso: str | None = None) -> int:
    """Beat runs this at 07:45: heads hear of petitions due by the next working day or overdue (idempotent:
    a unique row per person, agency and day decides)."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return petitions_due_notify(day=day)
