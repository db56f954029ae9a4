"""The work-mode pages read a fixed number of queries whatever the number of staff, agencies or changes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffing.registry.constants import DutyGroup, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.services import work_modes_set
from tests.factories import (
    AgencyFactory,
    StaffMemberFactory,
    UserFactory,
    WorkModePolicyFactory,
    user_with_role,
)

MONDAY = datetime.date(2021, 6, 7)


@pytest.fixture
def policy(db):
    return WorkModePolicyFactory(directive__number="2629/UBND")


def plan(agency, count, head):
    staff = StaffMemberFactory.create_batch(count, agency=agency, mobile_phone="0912345678")
    StaffMemberFactory(agency=agency, duty_group=DutyGroup.POLICE)
    modes = [WorkModeKind.REMOTE, WorkModeKind.ON_SITE, WorkModeKind.LEAVE, WorkModeKind.ON_SITE]
    entries = [(m.pk, MONDAY, modes[n % 4]) for n, m in enumerate(staff)]
    work_modes_set(agency=agency, entries=entries, actor=head)
    return staff


def same_queries(client, url, grow, django_assert_num_queries):
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200


def test_today_page_queries_do_not_grow_with_staff(
    head_client, agency, head, policy, django_assert_num_queries
):
    plan(agency, 4, head)
    url = reverse("work_modes:today", args=[agency.pk]) + "?day=2021-06-07"
    same_queries(head_client, url, lambda: plan(agency, 40, head), django_assert_num_queries)


def test_read_only_week_queries_do_not_grow_with_staff(
    client, agency, head, policy, django_assert_num_queries
):
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    plan(agency, 4, head)
    url = reverse("work_modes:week", args=[agency.pk]) + "?week=2021-W23"
    same_queries(client, url, lambda: plan(agency, 40, head), django_assert_num_queries)


def test_district_page_queries_do_not_grow_with_agencies(
    office_client, head, policy, django_assert_num_queries
):
    def more_agencies(count):
        for _ in range(count):
            plan(AgencyFactory(), 3, head)

    more_agencies(2)
    url = reverse("work_modes:district") + "?day=07/06/2021"
    same_queries(office_client, url, lambda: more_agencies(20), django_assert_num_queries)


def test_history_pages_queries_do_not_grow_with_changes(
    office_client, agency, head, policy, django_assert_num_queries
):
    staff = plan(agency, 4, head)

    def more_changes():
        for mode in (WorkModeKind.ON_SITE, WorkModeKind.LEAVE, WorkModeKind.ON_DUTY):
            work_modes_set(agency=agency, entries=[(m.pk, MONDAY, mode) for m in staff[:3]], actor=head)

    day_url = reverse("work_modes:day_history", args=[agency.pk, "2021-06-07"])
    same_queries(office_client, day_url, more_changes, django_assert_num_queries)
    staff_url = reverse("work_modes:staff_history", args=[staff[0].pk])
    same_queries(office_client, staff_url, more_changes, django_assert_num_queries)


def test_my_schedule_reads_a_fixed_number_of_queries(
    client, agency, head, policy, django_assert_max_num_queries
):
    member = StaffMemberFactory(agency=agency, user=UserFactory())
    StaffMemberFactory.create_batch(3, agency=agency)
    days = [MONDAY + datetime.timedelta(days=n) for n in range(28)]
    work_modes_set(
        agency=agency, entries=[(member.pk, day, WorkModeKind.ON_SITE) for day in days], actor=head
    )
    client.force_login(member.user)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("work_modes:mine")).status_code == 200
