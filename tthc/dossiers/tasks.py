"""Celery tasks of the dossiers: thin wrappers that take ids and call the dossier services.

Each keeps the name it had as tthc.tasks, which beat rows and queued messages name."""

import logging
import smtplib

from celery import shared_task
from django.contrib.auth import get_user_model

from .notices import pre_cutoff_notice_send

logger = logging.getLogger(__name__)


@shared_task(name="tthc.tasks.send_pre_cutoff_notices")
def send_pre_cutoff_notices(dossier_ids: list[int], actor_id: int | None = None) -> int:
    """Send the clause 3.2 notice to the applicants of these dossiers; returns how many were sent.

    Safe to run twice or in parallel: each dossier's notice log row decides who sends it.
    """
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    sent = 0
    for dossier_id in dossier_ids:
        try:
            sent += pre_cutoff_notice_send(dossier_id=dossier_id, actor=actor)
        except (smtplib.SMTPException, OSError):
            # The log row was rolled back with the failed send: a later run tries this dossier again.
            logger.exception("Pre-cut-off notice for dossier %s was not sent", dossier_id)
    return sent
