"""A notification recorded for one person, and the e-mail each person wants per kind. Written only by
staffing.notifications.services."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .constants import NotificationKind


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    # What it is about: "<model>:<id>" (an assignment, an agency, the district) so one record per thing.
    subject = models.CharField(pgettext_lazy("notification", "subject"), max_length=64)
    # The day or ISO week it speaks of ("2021-06-08", "2021-W23"); empty for a one-off event.
    period = models.CharField(pgettext_lazy("notification", "period"), max_length=16, blank=True)
    title = models.CharField(pgettext_lazy("notification", "title"), max_length=255)
    body = models.TextField(pgettext_lazy("notification", "body"), blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="staffing_notification_unread"),
            models.Index(fields=["recipient", "-created_at"], name="staffing_notification_inbox"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject", "period"], name="staffing_notification_once"
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.recipient}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A person's choice of e-mail for one kind; no row means e-mail on. The inbox entry is always kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    email = models.BooleanField(_("send by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="staffing_notificationpreference_once"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}"
