import datetime

from celery import shared_task
from django.utils import timezone

from .reminders import teams_to_suspend_notify


@shared_task(name="staffing.tasks.notify_teams_to_suspend")
def notify_teams_to_suspend(day_iso: str | None = None) -> int:
    """Beat runs this at 07:45: heads hear of inspection teams to suspend under the policy in force (idempotent:
    a unique row per person, agency and day decides, so a task lost with its worker is run again)."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return teams_to_suspend_notify(day=day)
