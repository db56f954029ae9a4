from django.db.models import Count, QuerySet

from .constants import Status
from .models import OutboxMessage


def outbox_messages(*, status: str = "", kind: str = "") -> QuerySet[OutboxMessage]:
    messages = OutboxMessage.objects.defer("body_text", "body_html").annotate(
        attachment_count=Count("attachments")
    )
    if status in Status.values:
        messages = messages.filter(status=status)
    if kind:
        messages = messages.filter(kind=kind)
    return messages.order_by("-created_at", "-pk")


def outbox_counts() -> dict[str, int]:
    counts = dict.fromkeys(Status.values, 0)
    for row in OutboxMessage.objects.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def outbox_kinds() -> list[str]:
    return sorted(OutboxMessage.objects.values_list("kind", flat=True).distinct().order_by())
