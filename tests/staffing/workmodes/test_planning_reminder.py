"""Friday 14:00: heads and commune chairmen of agencies with no plan for next week hear of it, once a week."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail

from directives.compliance.registry import build_report
from staffing.registry.constants import AgencyKind, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import PlanningReminder
from staffing.workmodes.planning import week_to_plan
from staffing.workmodes.services import work_modes_set
from staffing.workmodes.tasks import send_planning_reminders
from tests.compliance_fixtures import user_with_email
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, WorkModePolicyFactory

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2021, 6, 11)
NEXT_MONDAY = datetime.date(2021, 6, 14)


@pytest.fixture
def district(db):
    WorkModePolicyFactory(directive__number="2629/UBND")
    unplanned = AgencyFactory(name="Phòng Tư pháp")
    StaffMemberFactory.create_batch(2, agency=unplanned)
    head = user_with_email(
        Role.AGENCY_HEAD, unplanned, username="truong-tu-phap", email="tuphap@example.gov.vn"
    )

    planned = AgencyFactory(name="Phòng Y tế")
    member = StaffMemberFactory(agency=planned)
    work_modes_set(
        agency=planned, entries=[(member.pk, NEXT_MONDAY, WorkModeKind.ON_SITE)], actor=UserFactory()
    )
    user_with_email(Role.AGENCY_HEAD, planned, username="truong-y-te", email="yte@example.gov.vn")

    commune = AgencyFactory(
        name="UBND xã Phước Thạnh", kind=AgencyKind.COMMUNE_COMMITTEE, phone="02837900000"
    )
    StaffMemberFactory(agency=commune)
    user_with_email(Role.COMMUNE_CHAIRMAN, commune, username="chu-tich", email="chutich@example.gov.vn")
    user_with_email(Role.STAFF_MEMBER, commune, username="can-bo-xa", email="canbo@example.gov.vn")

    unreachable = AgencyFactory(name="Phòng Kinh tế")
    StaffMemberFactory(agency=unreachable)
    no_email = user_with_email(Role.AGENCY_HEAD, unreachable, username="truong-kinh-te", email="")
    no_email.first_name, no_email.last_name = "Lê Văn", "Tám"
    no_email.save()

    nobody = AgencyFactory(name="Ban chưa có người")  # no staff: nothing to plan
    return {
        "unplanned": unplanned,
        "head": head,
        "commune": commune,
        "unreachable": unreachable,
        "nobody": nobody,
    }


def test_beat_runs_the_reminder_on_fridays_at_14():
    entry = settings.CELERY_BEAT_SCHEDULE["Nhắc việc: đơn vị chưa có lịch làm việc tuần sau (thứ Sáu 14:00)"]
    assert entry["task"] == "staffing.tasks.send_planning_reminders"
    assert entry["schedule"] == crontab(hour=14, minute=0, day_of_week="fri")


def test_next_week_starts_on_the_following_monday():
    assert week_to_plan(FRIDAY) == NEXT_MONDAY
    assert week_to_plan(NEXT_MONDAY) == NEXT_MONDAY + datetime.timedelta(days=7)


def test_heads_and_chairmen_of_unplanned_agencies_get_one_email_each(district):
    assert send_planning_reminders(FRIDAY.isoformat()) == 2
    recipients = sorted(tuple(message.to) for message in mail.outbox)
    assert recipients == [("chutich@example.gov.vn",), ("tuphap@example.gov.vn",)]


def test_an_agency_that_planned_next_week_gets_nothing(district):
    send_planning_reminders(FRIDAY.isoformat())
    assert all("yte@example.gov.vn" not in message.to for message in mail.outbox)
    assert not PlanningReminder.objects.filter(agency__name="Phòng Y tế").exists()


def test_the_email_links_to_next_weeks_grid_in_vietnamese(district, settings):
    settings.SITE_URL = "https://lamviec.example.gov.vn/"
    send_planning_reminders(FRIDAY.isoformat())
    (message,) = [m for m in mail.outbox if m.to == ["tuphap@example.gov.vn"]]
    grid = (
        f"https://lamviec.example.gov.vn/work-modes/agencies/{district['unplanned'].pk}/week/?week=2021-W24"
    )
    assert grid in message.body
    assert message.subject == "[Huyện Củ Chi] Phòng Tư pháp chưa có lịch làm việc tuần từ 14/06/2021"
    assert (
        "Theo Công văn 2629/UBND, Thủ trưởng cơ quan, đơn vị quyết định người làm việc tại nhà"
        in message.body
    )
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert grid in html


def test_running_twice_in_the_same_week_sends_once(district):
    send_planning_reminders(FRIDAY.isoformat())
    assert send_planning_reminders(FRIDAY.isoformat()) == 0
    assert len(mail.outbox) == 2
    assert PlanningReminder.objects.filter(week_start=NEXT_MONDAY).count() == 3  # with the unreachable one


def test_the_next_friday_reminds_again_for_the_following_week(district):
    send_planning_reminders(FRIDAY.isoformat())
    send_planning_reminders((FRIDAY + datetime.timedelta(days=7)).isoformat())
    assert len(mail.outbox) == 5  # the Y tế plan covered only the first week
    assert PlanningReminder.objects.filter(agency=district["unplanned"]).count() == 2


def test_an_inactive_head_is_not_emailed(district):
    district["head"].is_active = False
    district["head"].save()
    send_planning_reminders(FRIDAY.isoformat())
    assert all("tuphap@example.gov.vn" not in message.to for message in mail.outbox)


def test_heads_without_email_are_listed_in_the_compliance_report(district):
    send_planning_reminders(FRIDAY.isoformat())
    reminder = PlanningReminder.objects.get(agency=district["unreachable"])
    assert (reminder.recipients, reminder.sent_at) == ("", None)
    (section,) = [s for s in build_report(FRIDAY)["sections"] if s["key"] == "planning_reminder_unreached"]
    assert section["rows"] == [
        {
            "agency": "Phòng Kinh tế",
            "week_start": NEXT_MONDAY.isoformat(),
            "heads": ["Lê Văn Tám"],
            "phone": district["unreachable"].phone,
        }
    ]


def test_an_unreached_agency_leaves_the_report_once_it_plans(district):
    send_planning_reminders(FRIDAY.isoformat())
    member = district["unreachable"].staff.get()
    work_modes_set(
        agency=district["unreachable"],
        entries=[(member.pk, NEXT_MONDAY, WorkModeKind.ON_SITE)],
        actor=UserFactory(),
    )
    (section,) = [s for s in build_report(FRIDAY)["sections"] if s["key"] == "planning_reminder_unreached"]
    assert section["rows"] == []
