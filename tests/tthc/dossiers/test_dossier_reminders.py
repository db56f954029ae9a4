"""07:45 on working days: each agency's one-stop officers hear of its open dossiers due by the next working
day and overdue, once a day."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings

from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from tests.staffing.notifications.worlds import TODAY, dossiers_world
from tthc.dossiers.constants import DossierStatus
from tthc.dossiers.models import Dossier
from tthc.dossiers.tasks import notify_dossiers_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return dossiers_world()


def test_beat_runs_the_dossier_check_at_7_45():
    (entry,) = [
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "tthc.tasks.notify_dossiers_due"
    ]
    assert entry["schedule"] == crontab(hour=7, minute=45)


def test_one_stop_officers_hear_of_dossiers_due_tomorrow_and_overdue_once(world):
    assert notify_dossiers_due(TODAY.isoformat()) == 1
    (notice,) = Notification.objects.all()
    assert notice.recipient == world["officer"] and notice.kind == NotificationKind.DOSSIERS_DUE
    assert notice.title == "UBND xã Phước Thạnh: 1 hồ sơ đến hạn trước 09/06/2021, 1 hồ sơ quá hạn"
    assert notice.link == f"/tthc/dossiers/agency/{world['district'].commune.pk}/"
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["motcua@example.gov.vn"]
    assert notify_dossiers_due(TODAY.isoformat()) == 0
    assert Notification.objects.count() == 1 and OutboxMessage.objects.count() == 1


def test_no_notice_when_nothing_is_due_or_on_a_day_off(world):
    assert notify_dossiers_due(datetime.date(2021, 6, 12).isoformat()) == 0
    Dossier.objects.filter(pk__in=[world["overdue"].pk, world["due_tomorrow"].pk]).update(
        status=DossierStatus.RETURNED
    )
    assert notify_dossiers_due(TODAY.isoformat()) == 0
    assert not Notification.objects.exists()
