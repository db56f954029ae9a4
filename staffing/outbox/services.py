"""The one way the product sends e-mail: enqueue (inside the caller's transaction), then deliver (outside any).

"Sent once" is decided by the message's unique key, committed with whatever the caller stores; delivery
claims the row with a conditional UPDATE that commits before the mail server is contacted, sends with
EMAIL_TIMEOUT, and marks the row sent. A failure puts the row back to pending with its reason and the time
of the next try; the Celery task retries with exponential backoff and jitter, and the last failure marks it
failed. A worker killed mid-send leaves the row "sending": sweep_outbox hands it back after
OUTBOX_STALE_SECONDS.
"""

import datetime
import logging
import smtplib
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import Status
from .models import OutboxAttachment, OutboxMessage

logger = logging.getLogger(__name__)

# What a mail server that is down, refuses, or never answers raises.
SEND_ERRORS = (smtplib.SMTPException, OSError, socket.timeout, TimeoutError)


@dataclass(frozen=True)
class Delivery:
    """What one delivery attempt did: sent, nothing to do (already sent, or another worker has it), or
    failed with a reason (retry unless final)."""

    outcome: str  # "sent", "skipped", "failed"
    error: str = ""


def _schedule(message_id: int) -> None:
    from .tasks import deliver_message

    deliver_message.delay(message_id)


def message_enqueue(
    *,
    key: str,
    kind: str,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    attachments: Iterable[tuple[str, bytes, str]] = (),
) -> tuple[OutboxMessage, bool]:
    """The message under `key`, created now (True) or already there (False: nothing is sent again).

    May be called inside the caller's transaction: the row and its attachments commit with it, and
    delivery is scheduled when it commits. Two callers at once with one key: one row (the unique key), the
    second gets the first's row and False."""
    if not to:
        raise ValidationError({"to": _("A message needs an address to be sent to.")})
    defaults = {
        "kind": kind,
        "to": to,
        "subject": " ".join(subject.split())[:998],
        "body_text": text,
        "body_html": html,
        "next_try_at": timezone.now(),
    }
    try:
        with transaction.atomic():
            message, created = OutboxMessage.objects.get_or_create(key=key, defaults=defaults)
            if created:
                OutboxAttachment.objects.bulk_create(
                    OutboxAttachment(
                        message=message, filename=name, mimetype=mimetype, content=bytes(content)
                    )
                    for name, content, mimetype in attachments
                )
    except IntegrityError:
        # Another transaction inserted the key between our look-up and our insert.
        return OutboxMessage.objects.get(key=key), False
    if created:
        message_id = message.pk
        transaction.on_commit(lambda: _schedule(message_id))
    return message, created


def _email(message: OutboxMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        message.subject,
        message.body_text,
        None,
        [message.to],
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
        headers={"X-Outbox-Key": message.key[:200]},
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for attachment in message.attachments.all():
        email.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    return email


def retry_delay(retries: int) -> int:
    """The longest wait before try number `retries` + 2 (the task's jitter picks up to this)."""
    return min(settings.OUTBOX_RETRY_BACKOFF * 2**retries, settings.OUTBOX_RETRY_BACKOFF_MAX)


def message_deliver(message_id: int, *, retries: int = 0, final: bool = False) -> Delivery:
    """Send one message once. Must run outside any transaction (the claim commits first, the send holds no
    lock); `final`: a failure marks the message failed instead of pending for another try."""
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(pk=message_id, status=Status.PENDING).update(
        status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return Delivery("skipped")
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        sent = _email(message).send()
        if not sent:
            raise smtplib.SMTPException("the mail backend sent nothing")
    except SEND_ERRORS as error:
        reason = f"{type(error).__name__}: {error}"[:2000]
        logger.warning("Outbox message %s (%s) not sent: %s", message_id, message.kind, reason)
        if final:
            fields = {"status": Status.FAILED, "next_try_at": None}
        else:
            fields = {
                "status": Status.PENDING,
                "next_try_at": timezone.now() + datetime.timedelta(seconds=retry_delay(retries)),
            }
        OutboxMessage.objects.filter(pk=message_id, status=Status.SENDING).update(last_error=reason, **fields)
        return Delivery("failed", reason)
    OutboxMessage.objects.filter(pk=message_id).update(
        status=Status.SENT, sent_at=timezone.now(), next_try_at=None, last_error=""
    )
    return Delivery("sent")


def deliver_now(messages: Iterable[OutboxMessage]) -> int:
    """Deliver messages just enqueued, in this process (a beat task that has committed them); each failure
    stays pending for its queued task and the sweep. The number sent now."""
    return sum(message_deliver(message.pk).outcome == "sent" for message in messages)


def deliver_keys(keys: Iterable[str]) -> int:
    """deliver_now for the pending messages under these keys (a sender that knows its keys)."""
    return deliver_now(OutboxMessage.objects.filter(key__in=list(keys), status=Status.PENDING).only("pk"))


@transaction.atomic
def message_retry(message: OutboxMessage) -> OutboxMessage:
    """The office's "retry now" for a failed message: pending again, delivered when this commits."""
    locked = OutboxMessage.objects.select_for_update().get(pk=message.pk)
    if locked.status != Status.FAILED:
        raise ValidationError({"status": _("Only a failed message can be sent again.")})
    locked.status = Status.PENDING
    locked.next_try_at = timezone.now()
    locked.save(update_fields=["status", "next_try_at"])
    message_id = locked.pk
    transaction.on_commit(lambda: _schedule(message_id))
    return locked


def outbox_sweep(*, now: datetime.datetime | None = None) -> list[int]:
    """Messages to deliver again: pending ones whose next try is due (their task was lost), and "sending"
    ones claimed more than OUTBOX_STALE_SECONDS ago (the worker died mid-send), handed back to pending."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.OUTBOX_STALE_SECONDS)
    # A pending message just enqueued or just failed has its own task on the way: leave it a grace period.
    due = now - datetime.timedelta(seconds=settings.OUTBOX_SWEEP_GRACE_SECONDS)
    stuck = list(
        OutboxMessage.objects.filter(status=Status.SENDING, claimed_at__lt=stale).values_list("pk", flat=True)
    )
    # Conditional: a message whose slow worker finished meanwhile stays as that worker left it.
    OutboxMessage.objects.filter(pk__in=stuck, status=Status.SENDING, claimed_at__lt=stale).update(
        status=Status.PENDING, next_try_at=now, last_error=_("The worker stopped during the send.")
    )
    ids = stuck + list(
        OutboxMessage.objects.filter(status=Status.PENDING)
        .exclude(pk__in=stuck)
        .filter(Q(next_try_at__lte=due) | Q(next_try_at__isnull=True, created_at__lte=due))
        .values_list("pk", flat=True)[:1000]
    )
    for message_id in ids:
        _schedule(message_id)
    return ids
