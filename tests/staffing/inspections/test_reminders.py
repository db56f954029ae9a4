"""07:45: heads hear of the inspection teams to suspend while the policy in force restricts inspections
(clause 2, third dash of 2629/UBND), once a day; nothing when no team must stop."""

import pytest
from celery.schedules import crontab
from django.conf import settings

from staffing.inspections.services import team_act
from staffing.inspections.tasks import notify_teams_to_suspend
from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from tests.staffing.inspections.helpers import LAPSED_DAY
from tests.staffing.notifications.worlds import RESTRICTED_DAY, inspections_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return inspections_world()


def test_beat_runs_the_suspension_check_at_7_45():
    task = "staffing.tasks.notify_teams_to_suspend"
    (entry,) = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == task]
    assert entry["schedule"] == crontab(hour=7, minute=45)


def test_the_head_hears_of_a_team_to_suspend_once(world):
    assert notify_teams_to_suspend(RESTRICTED_DAY.isoformat()) == 1
    (notice,) = Notification.objects.all()
    assert notice.recipient == world["head"] and notice.kind == NotificationKind.TEAMS_TO_SUSPEND
    assert notice.title == "Phòng Tư pháp: 1 đoàn kiểm tra cần tạm dừng"
    assert "Kiểm tra công tác chứng thực" in notice.body
    assert notice.link == f"/inspections/agencies/{world['agency'].pk}/"
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["tuphap@example.gov.vn"]
    assert notify_teams_to_suspend(RESTRICTED_DAY.isoformat()) == 0
    assert Notification.objects.count() == 1


def test_no_notice_once_suspended_or_after_the_restriction_lapses(world):
    assert notify_teams_to_suspend(LAPSED_DAY.isoformat()) == 0
    team_act(team=world["team"], actor=world["head"], action="suspend", on=RESTRICTED_DAY)
    assert notify_teams_to_suspend(RESTRICTED_DAY.isoformat()) == 0
    assert not Notification.objects.exists()


def test_the_teams_to_suspend_are_found_in_the_same_queries_for_one_agency_or_five(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from staffing.inspections.selectors import teams_to_suspend_by_agency
    from staffing.registry.constants import Role
    from tests.factories import AgencyFactory, user_with_role
    from tests.staffing.inspections.helpers import make_team, people

    def counted():
        with CaptureQueriesContext(connection) as captured:
            found = teams_to_suspend_by_agency(day=RESTRICTED_DAY)
        return len(captured), found

    one_queries, one = counted()
    for n in range(4):
        agency = AgencyFactory(name=f"Phòng thử {n}")
        head = user_with_role(Role.AGENCY_HEAD, agency)
        make_team(agency, head, participants=people(agency, 2), subject=f"Kiểm tra {n}")
    five_queries, five = counted()
    assert len(one) == 1 and len(five) == 5
    assert one_queries == five_queries == 2


def test_the_heads_panel_counts_teams_to_suspend_in_the_same_queries_for_one_agency_or_five(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from staffing.inspections.selectors import must_suspend_counts
    from staffing.registry.constants import Role
    from tests.factories import AgencyFactory, user_with_role
    from tests.staffing.inspections.helpers import make_team, people

    ids = [world["agency"].pk]
    with CaptureQueriesContext(connection) as one:
        assert list(must_suspend_counts(ids, today=RESTRICTED_DAY).values()) == [1]
    for n in range(4):
        agency = AgencyFactory(name=f"Phòng đếm {n}")
        make_team(agency, user_with_role(Role.AGENCY_HEAD, agency), participants=people(agency, 2))
        ids.append(agency.pk)
    with CaptureQueriesContext(connection) as five:
        assert sorted(must_suspend_counts(ids, today=RESTRICTED_DAY).values()) == [1, 1, 1, 1, 1]
    assert len(one) == len(five) == 3
