"""Celery tasks of the dossiers: thin wrappers that take ids and call the dossier services.

Each keeps the name it had as tthc.tasks, which beat rows and queued messages name."""

import datetime
import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from staffing.outbox.services import deliver_keys

from .notices import pre_cutoff_notice_key, pre_cutoff_notice_send
from .reminders import dossiers_due_notify

logger = logging.getLogger(__name__)


@shared_task(name="tthc.tasks.send_pre_cutoff_notices", acks_late=True, reject_on_worker_lost=True)
def send_pre_cutoff_notices(dossier_ids: list[int], actor_id: int | None = None) -> int:
    """Send the clause 3.2 notice to the applicants of these dossiers; returns how many were sent.

    Safe to run twice or in parallel: each dossier's notice log row decides who sends it.
    """
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    sent = 0
    for dossier_id in dossier_ids:
        # Each notice goes to the outbox with its log row; the outbox delivers and retries.
        sent += pre_cutoff_notice_send(dossier_id=dossier_id, actor=actor)
    # Committed: this worker delivers them now (a failure stays in the outbox for its retries).
    deliver_keys(pre_cutoff_notice_key(dossier_id) for dossier_id in dossier_ids)
    return sent


@shared_task(name="tthc.tasks.notify_dossiers_due")
def notify_dossiers_due(day_iso: str | None = None) -> int:
    """Beat runs this at 07:45: one-stop officers hear of dossiers due by the next working day or overdue
    (idempotent: a unique row per officer, agency and day decides)."""
    day = datetime.date.fromisoformat(day_iso) if day_iso else timezone.localdate()
    return dossiers_due_notify(day=day)
