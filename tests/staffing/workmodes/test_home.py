"""The home page of a head (today's count, next week in one tap, home workers' phones) and of a staff member
(their own days, and the clause 2 duty on a day at home)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.forms import iso_week
from staffing.workmodes.services import work_modes_set
from tests.factories import StaffMemberFactory, UserFactory, WorkModePolicyFactory

REMOTE, ON_SITE = WorkModeKind.REMOTE, WorkModeKind.ON_SITE


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def policy(db):
    return WorkModePolicyFactory(directive__number="2629/UBND")


def test_head_plans_next_week_in_one_tap_from_home(head_client, agency, policy, today):
    page = head_client.get(reverse("home")).content.decode()
    next_week = iso_week(today + datetime.timedelta(days=7))
    assert f'href="{reverse("work_modes:week", args=[agency.pk])}?week={next_week}"' in page
    assert "Xếp lịch tuần sau" in page


def test_head_home_lists_today_home_workers_with_a_call_link(head_client, agency, policy, head, today):
    home = StaffMemberFactory(agency=agency, full_name="Ngô Thị Nhà", mobile_phone="0912345678")
    office = StaffMemberFactory(agency=agency, full_name="Phan Văn Sở", mobile_phone="0987654321")
    StaffMemberFactory.create_batch(2, agency=agency)
    work_modes_set(agency=agency, entries=[(home.pk, today, REMOTE), (office.pk, today, ON_SITE)], actor=head)
    page = head_client.get(reverse("home")).content.decode()
    assert "Làm việc tại nhà hôm nay: giữ điện thoại liên lạc 24/24" in page
    assert 'href="tel:0912345678"' in page and home.full_name in page
    assert 'href="tel:0987654321"' not in page


def test_head_home_links_to_the_full_list_when_many_are_at_home(head_client, agency, head, today):
    staff = StaffMemberFactory.create_batch(8, agency=agency)
    work_modes_set(agency=agency, entries=[(m.pk, today, REMOTE) for m in staff], actor=head)
    response = head_client.get(reverse("home"))
    page = response.content.decode()
    assert page.count('href="tel:') == 6
    assert "Xem cả 8 người làm việc tại nhà hôm nay" in page


def test_staff_member_at_home_today_is_reminded_of_the_clause_2_duty(client, agency, policy, head, today):
    member = StaffMemberFactory(agency=agency, user=UserFactory())
    StaffMemberFactory(agency=agency)
    work_modes_set(
        agency=agency,
        entries=[(member.pk, today, REMOTE), (member.pk, today + datetime.timedelta(days=1), ON_SITE)],
        actor=head,
    )
    client.force_login(member.user)
    page = client.get(reverse("home")).content.decode()
    assert "Hôm nay bạn làm việc tại nhà." in page
    assert "Giữ điện thoại liên lạc 24/24" in page
    assert "Làm việc tại cơ quan" in page
    assert f'href="{reverse("work_modes:mine")}"' in page


def test_staff_member_at_the_office_today_sees_the_days_without_the_reminder(client, agency, head, today):
    member = StaffMemberFactory(agency=agency, user=UserFactory())
    work_modes_set(agency=agency, entries=[(member.pk, today, ON_SITE)], actor=head)
    client.force_login(member.user)
    page = client.get(reverse("home")).content.decode()
    assert "Hôm nay bạn làm việc tại nhà." not in page
    assert "Làm việc tại cơ quan" in page and "chưa xếp lịch" in page


def test_head_home_queries_do_not_grow_with_home_workers(
    head_client, agency, head, today, django_assert_max_num_queries
):
    staff = StaffMemberFactory.create_batch(3, agency=agency)
    work_modes_set(agency=agency, entries=[(m.pk, today, REMOTE) for m in staff], actor=head)
    with CaptureQueriesContext(connection) as few:
        head_client.get(reverse("home"))
    more = StaffMemberFactory.create_batch(20, agency=agency)
    work_modes_set(agency=agency, entries=[(m.pk, today, REMOTE) for m in more[:10]], actor=head)
    with django_assert_max_num_queries(len(few)):
        head_client.get(reverse("home"))
