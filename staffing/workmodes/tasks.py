import datetime

from celery import shared_task
from django.utils import timezone

from .reminders import district_day_notify, planning_reminders_send, tomorrow_reminders_notify


def _day(day_iso: str | None) -> datetime.date:
    return datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()


@shared_task(name="staffing.tasks.send_planning_reminders")
def send_planning_reminders(day_iso: str | None = None) -> int:
    """Beat runs this on Fridays at 14:00: heads of agencies with no plan for next week hear of it once."""
    return planning_reminders_send(day=_day(day_iso))


@shared_task(name="staffing.tasks.notify_tomorrow_plans")
def notify_tomorrow_plans(day_iso: str | None = None) -> int:
    """Beat runs this at 16:00: heads hear of a next working day with no plan or over the cap."""
    return tomorrow_reminders_notify(day=_day(day_iso))


@shared_task(name="staffing.tasks.notify_district_day")
def notify_district_day(day_iso: str | None = None) -> int:
    """Beat runs this at 09:00: the district office hears of agencies over the cap or without a plan today."""
    return district_day_notify(day=_day(day_iso))
