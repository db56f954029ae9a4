"""Enqueue is idempotent by key; delivery sends once and records failures with their reason."""

import pytest
from django.core import mail

from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import message_deliver, message_enqueue

pytestmark = pytest.mark.django_db


def _enqueue(key="k1", **extra):
    return message_enqueue(
        key=key, kind="test", to="a@example.gov.vn", subject="Chủ đề", text="Nội dung", **extra
    )


def test_a_second_enqueue_with_the_same_key_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        message, created = _enqueue(attachments=[("a.xlsx", b"PK\x03\x04", "application/zip")])
        again, created_again = _enqueue()
    assert created and not created_again
    assert again.pk == message.pk
    assert len(callbacks) == 1
    assert message_deliver(message.pk).outcome == "sent"
    assert message_deliver(message.pk).outcome == "skipped"
    assert len(mail.outbox) == 1
    (email,) = mail.outbox
    assert email.to == ["a@example.gov.vn"]
    assert email.attachments[0][0] == "a.xlsx"
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 1 and message.sent_at
    assert OutboxMessage.objects.count() == 1
