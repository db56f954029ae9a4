"""Celery task of the calendar: thin, idempotent, with time limits."""

import datetime
import smtplib

from celery import shared_task
from django.utils import timezone

from .notices import next_year_calendar_load


@shared_task(
    name="tthc.calendar.load_next_year",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=120,
    time_limit=180,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=60,
    retry_jitter=True,
    max_retries=8,
)
def load_next_year_calendar(day_iso: str | None = None) -> bool:
    """Beat runs this every day of December at 06:00: the first run loads next year and tells the office."""
    today = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return next_year_calendar_load(today=today)
