"""07:45 on working days: heads and commune chairmen hear of unanswered petitions due by the next working day
or overdue, once a day."""

import datetime

import pytest

from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from tests.staffing.notifications.worlds import TODAY, petitions_world
from tthc.reception.constants import PetitionStatus
from tthc.reception.models import Petition
from tthc.reception.tasks import notify_petitions_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return petitions_world()


def test_the_chairman_hears_of_petitions_due_tomorrow_and_overdue_once(world):
    assert notify_petitions_due(TODAY.isoformat()) == 1
    (notice,) = Notification.objects.all()
    assert notice.recipient == world["chairman"] and notice.kind == NotificationKind.PETITIONS_DUE
    assert notice.title == "UBND xã Phước Thạnh: 1 kiến nghị đến hạn trước 09/06/2021, 1 kiến nghị quá hạn"
    assert notice.link == f"/tthc/petitions/agency/{world['commune'].agency.pk}/"
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["chutich@example.gov.vn"]
    assert notify_petitions_due(TODAY.isoformat()) == 0
    assert Notification.objects.count() == 1


def test_no_notice_when_every_petition_is_answered_or_on_a_day_off(world):
    assert notify_petitions_due(datetime.date(2021, 6, 12).isoformat()) == 0
    Petition.objects.update(status=PetitionStatus.ANSWERED)
    assert notify_petitions_due(TODAY.isoformat()) == 0
    assert not Notification.objects.exists()
