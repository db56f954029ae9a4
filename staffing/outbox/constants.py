from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("pending")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


# Filled by the senders' apps (AppConfig.ready) so the outbox page can name each kind in Vietnamese.
KIND_LABELS: dict[str, str] = {}


def register_kind(kind: str, label) -> None:
    KIND_LABELS[kind] = label


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
