import datetime

from celery import shared_task
from django.utils import timezone

from .services import compliance_report_send
from .weekly import weekly_summary_send


@shared_task(
    name="directives.tasks.send_daily_compliance_report",
    acks_late=True,
    reject_on_worker_lost=True,
)
def send_daily_compliance_report(day_iso: str | None = None) -> int:
    """Beat runs this at 17:00: the day's report is stored and one e-mail per recipient (the district
    office and leadership, the XLSX attached) is put in the outbox, once (1 if enqueued now). The outbox
    delivers and retries; a worker killed here leaves either nothing (rolled back: the redelivered task
    builds it again) or the report with its messages committed."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    _report, enqueued = compliance_report_send(day=day)
    return int(enqueued)


@shared_task(
    name="directives.tasks.send_weekly_compliance_summary",
    acks_late=True,
    reject_on_worker_lost=True,
)
def send_weekly_compliance_summary(day_iso: str | None = None) -> int:
    """Beat runs this on Mondays at 07:00: last week's summary to the office and leadership (messages
    enqueued now)."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return weekly_summary_send(day=day)
