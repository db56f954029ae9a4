import datetime

from celery import shared_task
from django.utils import timezone

from .reminders import planning_reminders_send


@shared_task(name="staffing.tasks.send_planning_reminders")
def send_planning_reminders(day_iso: str | None = None) -> int:
    """Beat runs this on Fridays at 14:00: heads of agencies with no plan for next week hear of it once."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return planning_reminders_send(day=day)
