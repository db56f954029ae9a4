import datetime

from celery import shared_task
from django.utils import timezone

from .reminders import follow_ups_due_notify


@shared_task(name="staffing.tasks.notify_company_follow_ups")
def notify_company_follow_ups(day_iso: str | None = None) -> int:
    """Beat runs this at 07:45: commune chairmen hear of company follow-ups due within a week or overdue
    (idempotent: a unique row per person, commune and day decides)."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return follow_ups_due_notify(day=day)
