"""Celery tasks of the outbox: deliver one message (retried with backoff), sweep what was left behind."""

from celery import shared_task
from django.conf import settings

from .services import message_deliver, outbox_sweep


class DeliveryFailed(Exception):
    """The mail server refused, timed out or was unreachable: the task is retried."""


@shared_task(
    bind=True,
    name="staffing.outbox.deliver_message",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DeliveryFailed,),
    retry_backoff=settings.OUTBOX_RETRY_BACKOFF,
    retry_backoff_max=settings.OUTBOX_RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=settings.OUTBOX_MAX_RETRIES,
    soft_time_limit=settings.OUTBOX_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.OUTBOX_TASK_TIME_LIMIT,
)
def deliver_message(self, message_id: int) -> str:
    retries = self.request.retries or 0
    delivery = message_deliver(message_id, retries=retries, final=retries >= self.max_retries)
    if delivery.outcome == "failed" and retries < self.max_retries:
        raise DeliveryFailed(delivery.error)
    return delivery.outcome


@shared_task(
    name="staffing.outbox.sweep_outbox",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=60,
    time_limit=90,
)
def sweep_outbox() -> int:
    """Beat runs this every 5 minutes: messages whose task was lost are queued again."""
    return len(outbox_sweep())
