from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Status


class OutboxMessage(models.Model):
    """One e-mail to one address. The unique key decides "sent once": a sender enqueues under a key that
    names what it says and to whom (the report of a day, a reminder of a week); a second enqueue finds the
    row and sends nothing. The row is committed before anything is sent; a worker claims it, sends it
    outside any transaction and marks it sent."""

    key = models.CharField(_("key"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_try_at = models.DateTimeField(_("next try at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_try_at"], name="outbox_status_next_try")]

    def __str__(self):
        return f"{self.kind} → {self.to}"


class OutboxAttachment(models.Model):
    message = models.ForeignKey(
        OutboxMessage, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("message")
    )
    filename = models.CharField(_("file name"), max_length=255)
    mimetype = models.CharField(_("MIME type"), max_length=255)
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("outbox attachment")
        verbose_name_plural = _("outbox attachments")

    def __str__(self):
        return self.filename
