import datetime

from celery import shared_task
from django.utils import timezone

from .services import obligation_reminders_send


@shared_task(name="directives.tasks.send_obligation_reminders")
def send_obligation_reminders(day: str = "") -> int:
    """Beat runs this at 07:30: heads hear of obligations due within three days or overdue, once a day."""
    return obligation_reminders_send(day=datetime.date.fromisoformat(day) if day else timezone.localdate())
