import datetime

from celery import shared_task
from django.utils import timezone

from .reminders import assignments_due_notify, no_report_notify, stalled_work_notify


def _day(day_iso: str | None) -> datetime.date:
    return datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()


@shared_task(name="staffing.tasks.notify_missing_progress_reports")
def notify_missing_progress_reports(day_iso: str | None = None) -> int:
    """Beat runs this at 16:30: home workers who have not reported today hear of it once."""
    return no_report_notify(day=_day(day_iso))


@shared_task(name="staffing.tasks.notify_assignments_due")
def notify_assignments_due(day_iso: str | None = None) -> int:
    """Beat runs this at 07:45: assignees hear of work due by the next working day or overdue."""
    return assignments_due_notify(day=_day(day_iso))


@shared_task(name="staffing.tasks.notify_stalled_work")
def notify_stalled_work(day_iso: str | None = None) -> int:
    """Beat runs this at 08:00: heads and the district office hear of statutory work that is stalling."""
    return stalled_work_notify(day=_day(day_iso))
