"""The inbox: newest first, by kind and read state, opening marks read and leads to the page to act on (this
site only), mark all read, the e-mail settings, and the bell's count; nobody sees another's (404)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification, NotificationPreference
from staffing.notifications.services import notify

pytestmark = pytest.mark.django_db


def _record(
    user, *, kind=NotificationKind.ASSIGNMENTS_DUE, period="2021-06-08", title="Việc đến hạn", **extra
):
    (notification,) = notify(
        recipients=[user],
        kind=kind,
        subject="user:1",
        period=period,
        title=title,
        link="/assignments/mine/",
        **extra,
    )
    return notification


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


def test_the_inbox_lists_the_newest_first_and_filters_by_kind_and_state(reader_client, reader, other):
    old = _record(reader, title="Thông báo cũ", period="2021-06-07")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    _record(reader, title="Thông báo mới", kind=NotificationKind.DOSSIERS_DUE)
    _record(other, title="Thông báo của người khác")
    body = reader_client.get(reverse("notifications:inbox")).content.decode()
    assert body.index("Thông báo mới") < body.index("Thông báo cũ")
    assert "Thông báo của người khác" not in body
    by_kind = reader_client.get(reverse("notifications:inbox"), {"kind": "dossiers_due"}).content.decode()
    assert "Thông báo mới" in by_kind and "Thông báo cũ" not in by_kind
    Notification.objects.filter(pk=old.pk).update(read_at=timezone.now())
    unread = reader_client.get(reverse("notifications:inbox"), {"state": "unread"}).content.decode()
    assert "Thông báo mới" in unread and "Thông báo cũ" not in unread
    read = reader_client.get(reverse("notifications:inbox"), {"state": "read"}).content.decode()
    assert "Thông báo cũ" in read and "Thông báo mới" not in read


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(reader_client, reader):
    notification = _record(reader)
    response = reader_client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/assignments/mine/"
    assert Notification.objects.get(pk=notification.pk).read_at is not None


def test_a_notification_with_a_foreign_link_opens_the_inbox_instead(reader_client, reader):
    notification = _record(reader)
    Notification.objects.filter(pk=notification.pk).update(link="https://lua-dao.example/")
    response = reader_client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:inbox")


def test_another_persons_notification_is_not_found_and_stays_unread(reader_client, other):
    notification = _record(other)
    assert reader_client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    assert reader_client.post(reverse("notifications:read", args=[notification.pk])).status_code == 404
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_mark_one_and_mark_all_read(reader_client, reader):
    first = _record(reader)
    _record(reader, period="2021-06-09", kind=NotificationKind.DOSSIERS_DUE)
    response = reader_client.post(reverse("notifications:read", args=[first.pk]), {"state": "unread"})
    assert response["Location"] == reverse("notifications:inbox") + "?state=unread"
    assert Notification.objects.filter(recipient=reader, read_at__isnull=True).count() == 1
    reader_client.post(reverse("notifications:read_all"), {"kind": "assignments_due"})
    assert Notification.objects.filter(recipient=reader, read_at__isnull=True).count() == 1
    reader_client.post(reverse("notifications:read_all"), {})
    assert not Notification.objects.filter(recipient=reader, read_at__isnull=True).exists()


def test_the_bell_shows_the_unread_count_at_every_width(reader_client, reader):
    for day in ("2021-06-07", "2021-06-08", "2021-06-09"):
        _record(reader, period=day)
    body = reader_client.get(reverse("assignments:mine")).content.decode()
    assert 'id="notification-bell"' in body and "Thông báo: 3 chưa đọc" in body
    # Outside the collapsed menu: seen at phone width without opening it.
    assert body.index('id="notification-bell"') < body.index('id="main-nav"')
    reader_client.get(reverse("notifications:open", args=[Notification.objects.first().pk]))
    assert "Thông báo: 2 chưa đọc" in reader_client.get(reverse("assignments:mine")).content.decode()


def test_the_bell_counts_once_per_page(reader_client, reader):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _record(reader)
    with CaptureQueriesContext(connection) as queries:
        reader_client.get(reverse("notifications:preferences"))
    counts = [
        q["sql"] for q in queries if "staffing_notification" in q["sql"] and "COUNT" in q["sql"].upper()
    ]
    assert len(counts) == 1


def test_preferences_turn_e_mail_off_per_kind(reader_client, reader):
    page = reader_client.get(reverse("notifications:preferences")).content.decode()
    assert "Hồ sơ TTHC sắp đến hạn hoặc quá hạn" in page and "Gửi qua thư điện tử" in page
    data = {"save": "1", **{kind: "on" for kind in NotificationKind.values if kind != "dossiers_due"}}
    response = reader_client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    assert (
        dict(NotificationPreference.objects.filter(user=reader).values_list("kind", "email"))["dossiers_due"]
        is False
    )
    page = reader_client.get(reverse("notifications:preferences")).content.decode()
    assert 'name="dossiers_due"' in page and 'name="dossiers_due" id="id_dossiers_due" checked' not in page


def test_an_empty_post_changes_no_preference(reader_client, reader):
    reader_client.post(reverse("notifications:preferences"), {})
    assert not NotificationPreference.objects.exists()


def test_the_inbox_needs_a_signed_in_person(client):
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
