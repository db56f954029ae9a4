import datetime
import logging
import smtplib

from celery import shared_task
from django.utils import timezone

from .services import compliance_report_send

logger = logging.getLogger(__name__)


@shared_task(name="directives.tasks.send_daily_compliance_report")
def send_daily_compliance_report(day_iso: str | None = None) -> int:
    """Beat runs this at 17:00: the district office and leadership get the day's report, once (1 if sent)."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    try:
        _report, sent = compliance_report_send(day=day)
    except (smtplib.SMTPException, OSError):
        # The row was rolled back with the failed send: the next run builds and sends it again.
        logger.exception("Compliance report of %s was not sent", day)
        return 0
    return int(sent)
