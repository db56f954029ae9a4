"""Recording a notification: one row per recipient, kind, subject and period, written before anything is
sent; its e-mail through the outbox unless the person turned the kind off; reading marks."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.notifications.services import (
    notifications_mark_all_read,
    notifications_mark_read,
    notify,
    preferences_set,
)
from staffing.outbox.models import OutboxMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KIND = NotificationKind.ASSIGNMENTS_DUE


def _notify(recipients, **overrides):
    values = {
        "recipients": recipients,
        "kind": KIND,
        "subject": "user:1",
        "period": "2021-06-08",
        "title": "2 việc đến hạn trước 09/06/2021",
        "body": "Đến hạn 09/06/2021: Thẩm định hồ sơ",
        "link": "/assignments/mine/",
    }
    return notify(**{**values, **overrides})


def test_a_notification_is_recorded_once_and_e_mailed_once(reader, other):
    recorded = _notify([reader, other])
    assert {n.recipient for n in recorded} == {reader, other}
    assert _notify([reader, other]) == []
    assert Notification.objects.count() == 2
    messages = list(OutboxMessage.objects.order_by("to"))
    assert [m.to for m in messages] == ["nguoidoc@example.gov.vn", "nguoikhac@example.gov.vn"]
    assert {m.key for m in messages} == {f"notification:{n.pk}" for n in recorded}
    first = messages[0]
    assert first.subject == "2 việc đến hạn trước 09/06/2021"
    assert "Lê Đọc" in first.body_text
    assert f"{settings.SITE_URL.rstrip('/')}/assignments/mine/" in first.body_text
    assert "Thẩm định hồ sơ" in first.body_html


def test_another_period_or_subject_is_a_new_notification(reader):
    _notify([reader])
    assert len(_notify([reader], period="2021-06-09")) == 1
    assert len(_notify([reader], subject="user:2")) == 1
    assert Notification.objects.filter(recipient=reader).count() == 3


def test_a_kind_turned_off_keeps_the_inbox_entry_but_sends_no_e_mail(reader, other):
    preferences_set(user=reader, email_by_kind={KIND: False})
    _notify([reader, other])
    assert Notification.objects.filter(recipient=reader).exists()
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["nguoikhac@example.gov.vn"]


def test_a_person_without_an_e_mail_address_still_gets_the_inbox_entry(db):
    nobody = UserFactory(username="khong-email", email="")
    assert len(_notify([nobody])) == 1
    assert not OutboxMessage.objects.exists()


def test_a_link_off_the_site_is_not_kept(reader):
    for link in (
        "https://lua-dao.example/",
        "//lua-dao.example/",
        "javascript:alert(1)",
        "/\\lua-dao.example",
    ):
        (notification,) = _notify([reader], link=link, period=link[:16])
        assert notification.link == ""


def test_an_unknown_kind_is_refused_and_nothing_is_saved(reader):
    with pytest.raises(ValidationError) as refused:
        _notify([reader], kind="spam")
    assert "kind" in refused.value.message_dict
    assert not Notification.objects.exists() and not OutboxMessage.objects.exists()


def test_marking_read_keeps_the_first_reading_and_marking_all_counts(reader, other):
    first, second = _notify([reader]), _notify([reader], period="2021-06-09")
    notifications_mark_read(notification=first[0], user=reader)
    read_at = Notification.objects.get(pk=first[0].pk).read_at
    assert read_at is not None
    notifications_mark_read(notification=Notification.objects.get(pk=first[0].pk), user=reader)
    assert Notification.objects.get(pk=first[0].pk).read_at == read_at
    _notify([other])
    assert notifications_mark_all_read(user=reader) == 1
    assert Notification.objects.get(pk=second[0].pk).read_at is not None
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).count() == 1


def test_nobody_marks_another_persons_notification(reader, other):
    from django.core.exceptions import PermissionDenied

    (notification,) = _notify([other])
    with pytest.raises(PermissionDenied):
        notifications_mark_read(notification=notification, user=reader)
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_preferences_of_an_unknown_kind_are_refused(reader):
    with pytest.raises(ValidationError):
        preferences_set(user=reader, email_by_kind={"spam": False})
    assert preferences_set(user=reader, email_by_kind={KIND: False}) == {KIND: False}
