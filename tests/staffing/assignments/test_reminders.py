"""Home workers hear at 16:30 that they sent no progress report; assignees hear at 07:45 of work due by the
next working day or overdue; the assignees of returned work hear of it at once (clause 2 of 2629/UBND)."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings

from staffing.assignments.constants import Action
from staffing.assignments.services import assignment_act, progress_report
from staffing.assignments.tasks import (
    notify_assignments_due,
    notify_missing_progress_reports,
    notify_stalled_work,
)
from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from tests.staffing.notifications.worlds import TODAY, assignments_world, stalled_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return assignments_world()


def _entry(task):
    return next(entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == task)


def test_beat_runs_the_report_check_at_16_30_and_the_due_work_at_7_45():
    assert _entry("staffing.tasks.notify_missing_progress_reports")["schedule"] == crontab(hour=16, minute=30)
    assert _entry("staffing.tasks.notify_assignments_due")["schedule"] == crontab(hour=7, minute=45)


def test_a_home_worker_without_a_report_hears_of_it_once(world):
    assert notify_missing_progress_reports(TODAY.isoformat()) == 1
    (notice,) = Notification.objects.all()
    assert notice.recipient == world["an_user"] and notice.kind == NotificationKind.NO_REPORT_TODAY
    assert notice.title == "Chưa báo cáo tiến độ hôm nay (08/06/2021)"
    assert notice.link == "/assignments/mine/"
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["lean@example.gov.vn"]
    assert notify_missing_progress_reports(TODAY.isoformat()) == 0
    assert Notification.objects.count() == 1 and OutboxMessage.objects.count() == 1


def test_no_report_notice_on_a_day_nobody_worked_from_home(world):
    assert notify_missing_progress_reports(datetime.date(2021, 6, 9).isoformat()) == 0
    assert notify_missing_progress_reports(datetime.date(2021, 6, 12).isoformat()) == 0
    assert not Notification.objects.exists()


def test_assignees_hear_of_work_due_tomorrow_and_overdue_once_a_day(world):
    assert notify_assignments_due(TODAY.isoformat()) == 2
    an = Notification.objects.get(recipient=world["an_user"])
    assert an.title == "1 việc đến hạn trước 09/06/2021, 1 việc quá hạn"
    assert "Quá hạn từ 04/06/2021: Báo cáo tháng 5" in an.body
    assert "Đến hạn 09/06/2021: Thẩm định hồ sơ đất đai" in an.body
    binh = Notification.objects.get(recipient=world["binh_user"])  # supporting the work due tomorrow
    assert "Thẩm định hồ sơ đất đai" in binh.body
    assert "Rà soát văn bản" not in binh.body and "Kế hoạch quý III" not in binh.body
    assert notify_assignments_due(TODAY.isoformat()) == 0
    assert OutboxMessage.objects.count() == 2


def test_nothing_due_means_no_notice(world):
    for assignment in (world["due_tomorrow"], world["overdue"]):
        assignment_act(assignment=assignment, actor=world["head"], action=Action.CANCEL, comment="Không cần.")
    assert notify_assignments_due(TODAY.isoformat()) == 0
    assert not Notification.objects.exists()


def test_returned_work_is_notified_to_its_assignees_at_once(world):
    work = world["due_tomorrow"]
    assignment_act(assignment=work, actor=world["an_user"], action=Action.SUBMIT)
    assignment_act(
        assignment=work, actor=world["head"], action=Action.RETURN, comment="Bổ sung trích lục bản đồ."
    )
    notices = Notification.objects.filter(kind=NotificationKind.ASSIGNMENT_RETURNED)
    assert sorted(n.recipient.username for n in notices) == ["le-an", "le-binh"]
    notice = notices.get(recipient=world["an_user"])
    assert notice.title == "Công việc bị trả lại: Thẩm định hồ sơ đất đai"
    assert "Bổ sung trích lục bản đồ." in notice.body and notice.link == f"/assignments/{work.pk}/"
    assert OutboxMessage.objects.filter(to="lean@example.gov.vn").count() == 1


def test_a_refused_return_records_no_notice(world):
    from django.core.exceptions import ValidationError

    work = world["due_tomorrow"]
    assignment_act(assignment=work, actor=world["an_user"], action=Action.SUBMIT)
    with pytest.raises(ValidationError):
        assignment_act(assignment=work, actor=world["head"], action=Action.RETURN, comment=" ")
    assert not Notification.objects.exists() and not OutboxMessage.objects.exists()


@pytest.fixture
def stalled(db):
    return stalled_world()


def test_beat_runs_the_stalled_work_notice_at_8_00():
    assert _entry("staffing.tasks.notify_stalled_work")["schedule"] == crontab(hour=8, minute=0)


def test_the_head_and_the_district_office_hear_of_stalled_statutory_work_once(stalled):
    assert notify_stalled_work(TODAY.isoformat()) == 2
    head_notice = Notification.objects.get(recipient=stalled["head"])
    assert head_notice.kind == NotificationKind.STALLED_WORK
    assert head_notice.title == "Phòng Tư pháp: 2 việc có thời hạn luật định bị chậm"
    assert "Quá hạn từ 07/06/2021: Trả lời kiến nghị cử tri (Điều 61 Luật Đất đai)" in head_notice.body
    assert "Giải quyết tranh chấp đất đai" in head_notice.body
    assert "Báo cáo tháng 5" not in head_notice.body  # overdue, but without a time limit set by law
    assert head_notice.link == f"/assignments/agencies/{stalled['agency'].pk}/"
    office_notice = Notification.objects.get(recipient=stalled["office"])
    assert office_notice.title == "08/06/2021: 2 việc có thời hạn luật định bị chậm tại 1 đơn vị"
    assert office_notice.body == "Phòng Tư pháp: 2"
    assert sorted(OutboxMessage.objects.values_list("to", flat=True)) == [
        "truongphong@example.gov.vn",
        "vanphong@example.gov.vn",
    ]
    assert notify_stalled_work(TODAY.isoformat()) == 0
    assert Notification.objects.count() == 2 and OutboxMessage.objects.count() == 2


def test_no_stalled_notice_when_the_statutory_work_is_reported_or_on_a_weekend(stalled):
    assert notify_stalled_work(datetime.date(2021, 6, 12).isoformat()) == 0  # Saturday
    progress_report(
        assignment=stalled["silent"], actor=stalled["an_user"], percent_complete=50, done="Đã họp.", day=TODAY
    )
    assignment_act(assignment=stalled["late"], actor=stalled["head"], action=Action.CANCEL, comment="Đã rút.")
    assert notify_stalled_work(TODAY.isoformat()) == 0
    assert not Notification.objects.filter(kind=NotificationKind.STALLED_WORK).exists()
