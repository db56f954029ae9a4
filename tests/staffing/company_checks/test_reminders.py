"""07:45: commune chairmen hear of the follow-ups of company checks due within a week or overdue (clause 5
of 2629/UBND), once a day; nothing once the follow-up is closed or while it is far off."""

import datetime

import pytest

from staffing.company_checks.models import CompanyCheck
from staffing.company_checks.tasks import notify_company_follow_ups
from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from tests.staffing.notifications.worlds import follow_ups_world

pytestmark = pytest.mark.django_db
DAY = datetime.date(2021, 6, 10)


@pytest.fixture
def world(db):
    return follow_ups_world()


def test_the_chairman_hears_of_a_follow_up_due_this_week_once(world):
    assert notify_company_follow_ups(DAY.isoformat()) == 1
    (notice,) = Notification.objects.all()
    assert notice.recipient == world["chairman"] and notice.kind == NotificationKind.FOLLOW_UPS_DUE
    assert notice.title.startswith("UBND xã Phước Thạnh: 1 ")
    assert notice.link == f"/company-checks/communes/{world['commune'].pk}/follow-ups/"
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["chutich@example.gov.vn"]
    assert notify_company_follow_ups(DAY.isoformat()) == 0
    assert Notification.objects.count() == 1


def test_no_notice_while_the_follow_up_is_far_off_or_once_it_is_closed(world):
    assert notify_company_follow_ups(datetime.date(2021, 6, 1).isoformat()) == 0
    CompanyCheck.objects.update(follow_up_closed_on=DAY)
    assert notify_company_follow_ups(DAY.isoformat()) == 0
    assert not Notification.objects.exists()
