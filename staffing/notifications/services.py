"""Every write of the inbox: recording a notification (and its e-mail), marking read, preferences."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffing.outbox.services import message_enqueue

from .constants import NotificationKind
from .models import Notification, NotificationPreference
from .selectors import email_declined, safe_link

EMAIL_KIND = "notification"


def _user_ids(recipients: Iterable) -> list[int]:
    ids = []
    for recipient in recipients:
        pk = recipient if isinstance(recipient, int) else recipient.pk
        if pk is not None and pk not in ids:
            ids.append(pk)
    return ids


def _enqueue(notifications: list[Notification]) -> None:
    if not notifications:
        return
    users = get_user_model().objects.in_bulk([n.recipient_id for n in notifications])
    declined = email_declined(user_ids=list(users), kind=notifications[0].kind)
    site = settings.SITE_URL.rstrip("/")
    for notification in notifications:
        user = users[notification.recipient_id]
        address = (user.email or "").strip()
        if not address or not user.is_active or user.pk in declined:
            continue
        link = safe_link(notification.link)
        context = {
            "notification": notification,
            "user": user,
            "url": f"{site}{link}" if link else "",
            "preferences_url": f"{site}/notifications/preferences/",
            "site_name": settings.DISTRICT_NAME,
        }
        with translation.override(settings.LANGUAGE_CODE):
            text = render_to_string("emails/notification.txt", context)
            html = render_to_string("emails/notification.html", context)
        message_enqueue(
            # The row's id is the one thing two concurrent runs agree on: one e-mail per notification.
            key=f"notification:{notification.pk}",
            kind=EMAIL_KIND,
            to=address,
            subject=notification.title,
            text=text,
            html=html,
        )


@transaction.atomic
def notify(
    *,
    recipients: Iterable,
    kind: str,
    subject: str,
    period: str = "",
    title: str,
    body: str = "",
    link: str = "",
) -> list[Notification]:
    """Record the notification once per recipient (and kind, subject, period) and enqueue its e-mail;
    returns the notifications recorded now. A second call with the same tuple records and sends nothing.

    The rows are inserted with ON CONFLICT DO NOTHING, so two workers running the same reminder at once
    leave one row per recipient; the e-mail's outbox key is the row's id, so they also leave one e-mail. The outbox
    sends after the commit, outside any transaction.
    """
    if kind not in NotificationKind.values:
        raise ValidationError({"kind": ValidationError(_("Unknown kind of notification."), code="invalid")})
    user_ids = _user_ids(recipients)
    if not user_ids:
        return []
    already = set(
        Notification.objects.filter(
            recipient_id__in=user_ids, kind=kind, subject=subject, period=period
        ).values_list("recipient_id", flat=True)
    )
    new_ids = [pk for pk in user_ids if pk not in already]
    if not new_ids:
        return []
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=pk,
                kind=kind,
                subject=subject,
                period=period,
                title=title[:255],
                body=body,
                link=safe_link(link),
                created_at=now,
            )
            for pk in new_ids
        ],
        ignore_conflicts=True,
    )
    # A row another worker inserted first carries its own moment: only this call's rows are "recorded now".
    recorded = list(
        Notification.objects.filter(
            recipient_id__in=new_ids, kind=kind, subject=subject, period=period, created_at=now
        )
    )
    _enqueue(recorded)
    return recorded


@transaction.atomic
def notifications_mark_read(*, notification: Notification, user) -> Notification:
    """Mark one of the user's own notifications read (a second time keeps the first reading's time)."""
    if notification.recipient_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user, kind: str = "") -> int:
    """Mark every unread notification of the user (of one kind, if given) read; returns how many."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.update(read_at=timezone.now())


@transaction.atomic
def preferences_set(*, user, email_by_kind: dict[str, bool]) -> dict[str, bool]:
    """Turn e-mail on or off per kind for the user; kinds not named keep their choice."""
    unknown = set(email_by_kind) - set(NotificationKind.values)
    if unknown:
        raise ValidationError({"kind": ValidationError(_("Unknown kind of notification."), code="invalid")})
    for kind, email in email_by_kind.items():
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": bool(email)})
    return dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
