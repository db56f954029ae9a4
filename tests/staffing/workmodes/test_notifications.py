"""16:00: heads hear of a next working day with no plan or over the cap; 09:00: the district office hears of
the agencies over the cap or without a plan today (clause 2 of 2629/UBND). Once each, and only when there is
something to say."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings

from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from staffing.workmodes.tasks import notify_district_day, notify_tomorrow_plans
from tests.staffing.notifications.worlds import NEXT_DAY, TODAY, plans_world

pytestmark = pytest.mark.django_db

SATURDAY = datetime.date(2021, 6, 12)


@pytest.fixture
def world(db):
    return plans_world()


def _entry(task):
    return next(entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == task)


def test_beat_runs_tomorrows_check_at_16_and_the_district_one_at_9():
    assert _entry("staffing.tasks.notify_tomorrow_plans")["schedule"] == crontab(hour=16, minute=0)
    assert _entry("staffing.tasks.notify_district_day")["schedule"] == crontab(hour=9, minute=0)


def test_heads_hear_of_tomorrow_without_a_plan_or_over_the_cap_once(world):
    assert notify_tomorrow_plans(TODAY.isoformat()) == 2
    no_plan = Notification.objects.get(recipient=world["unplanned_head"])
    assert no_plan.kind == NotificationKind.NO_PLAN_TOMORROW and no_plan.period == NEXT_DAY.isoformat()
    assert no_plan.title == "Phòng Y tế: chưa có lịch làm việc ngày 09/06/2021"
    assert no_plan.link == f"/work-modes/agencies/{world['district'].unplanned.pk}/week/?week=2021-W23"
    over = Notification.objects.get(recipient=world["over_cap_head"])
    assert over.kind == NotificationKind.OVER_CAP_TOMORROW
    assert "có 2 người được xếp làm việc tại nhà; mức tối đa là 1" in over.body
    assert not Notification.objects.filter(recipient=world["planned_head"]).exists()
    assert sorted(OutboxMessage.objects.values_list("to", flat=True)) == [
        "tuphap@example.gov.vn",
        "yte@example.gov.vn",
    ]

    assert notify_tomorrow_plans(TODAY.isoformat()) == 0
    assert Notification.objects.count() == 2 and OutboxMessage.objects.count() == 2


def test_on_friday_tomorrow_is_the_next_working_day(world):
    friday = datetime.date(2021, 6, 11)
    notify_tomorrow_plans(friday.isoformat())
    assert set(Notification.objects.values_list("period", flat=True)) == {"2021-06-14"}


def test_nothing_is_said_on_a_day_off_or_when_every_agency_has_planned_within_the_cap(world):
    assert notify_tomorrow_plans(SATURDAY.isoformat()) == 0
    world["district"].unplanned.staff.all().delete()
    world["district"].over_cap.staff.all().delete()
    world["district"].commune.staff.all().delete()
    assert notify_tomorrow_plans(TODAY.isoformat()) == 0
    assert notify_district_day(TODAY.isoformat()) == 0
    assert not Notification.objects.exists() and not OutboxMessage.objects.exists()


def test_the_district_office_hears_of_todays_agencies_once(world):
    assert notify_district_day(TODAY.isoformat()) == 1
    (notice,) = Notification.objects.filter(recipient=world["office"])
    assert notice.kind == NotificationKind.DISTRICT_AGENCIES
    assert notice.title.startswith("08/06/2021: 1 đơn vị vượt tỷ lệ")
    assert "Vượt tỷ lệ: Phòng Tư pháp." in notice.body and "Phòng Y tế" in notice.body
    assert notice.link == "/work-modes/district/?day=08/06/2021"
    assert notify_district_day(TODAY.isoformat()) == 0
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["vanphong@example.gov.vn"]
