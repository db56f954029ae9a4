"""The inbox for apps: GET /api/v1/me/notifications/ (own only) and POST .../<id>/read/ (another's: 404)."""

import pytest
from django.urls import reverse

from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.notifications.services import notify

pytestmark = pytest.mark.django_db


def _record(user, period="2021-06-08"):
    (notification,) = notify(
        recipients=[user],
        kind=NotificationKind.DOSSIERS_DUE,
        subject="agency:1",
        period=period,
        title="Hồ sơ",
    )
    return notification


def test_my_notifications_are_listed_newest_first_and_filtered(client, reader, other):
    mine = [_record(reader, "2021-06-07"), _record(reader, "2021-06-08")]
    _record(other)
    client.force_login(reader)
    body = client.get(reverse("api-my-notifications")).json()
    assert [row["id"] for row in body["results"]] == [mine[1].pk, mine[0].pk]
    assert body["results"][0]["kind_display"] == "Hồ sơ TTHC sắp đến hạn hoặc quá hạn"
    client.post(reverse("api-notification-read", args=[mine[0].pk]))
    unread = client.get(reverse("api-my-notifications"), {"state": "unread"}).json()
    assert [row["id"] for row in unread["results"]] == [mine[1].pk]


def test_marking_read_through_the_api_and_another_persons_id_is_404(client, reader, other):
    own, theirs = _record(reader), _record(other)
    client.force_login(reader)
    response = client.post(reverse("api-notification-read", args=[own.pk]))
    assert response.status_code == 200 and response.json()["is_read"] is True
    assert client.post(reverse("api-notification-read", args=[theirs.pk])).status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_the_api_needs_a_signed_in_person(client):
    assert client.get(reverse("api-my-notifications")).status_code in (401, 403)
