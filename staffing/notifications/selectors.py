"""Reads of the inbox: always the signed-in person's own notifications, never anyone else's (404)."""

from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from .constants import NotificationKind, ReadState
from .models import Notification, NotificationPreference


def inbox(user, *, kind: str = "", state: str = ""):
    """The user's notifications, newest first, optionally of one kind and unread or read only."""
    rows = Notification.objects.filter(recipient=user)
    if kind:
        rows = rows.filter(kind=kind)
    if state == ReadState.UNREAD:
        rows = rows.filter(read_at__isnull=True)
    elif state == ReadState.READ:
        rows = rows.filter(read_at__isnull=False)
    return rows.order_by("-created_at", "-pk")


def notification_for_user(user, pk) -> Notification:
    """The notification if it is the user's own; 404 otherwise (whose it is stays unsaid)."""
    return get_object_or_404(Notification, pk=pk, recipient_id=user.pk)


def unread_count(user) -> int:
    """The bell's figure: one indexed count."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def safe_link(link: str) -> str:
    """The link if it is a path on this site ("/assignments/3/"), else "": an inbox never sends people away."""
    link = (link or "").strip()
    if not link.startswith("/") or link.startswith("//") or "\\" in link:
        return ""
    return link if url_has_allowed_host_and_scheme(link, allowed_hosts=None) else ""


def email_preferences(user) -> dict[str, bool]:
    """{kind: e-mail on?} for every kind; a kind never set is on."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: chosen.get(kind, True) for kind in NotificationKind.values}


def email_declined(*, user_ids, kind: str) -> set[int]:
    """Ids of the users who turned e-mail off for the kind (one query)."""
    return set(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind, email=False).values_list(
            "user_id", flat=True
        )
    )
