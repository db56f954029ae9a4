"""Clause 2 of 2629/UBND: no more than the policy's share of counted staff work from home on any day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from staffing.registry.constants import DutyGroup
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import WorkModeCapExceeded, work_modes_set
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, WorkModePolicyFactory

MONDAY = datetime.date(2021, 6, 7)


@pytest.fixture
def policy(db):
    return WorkModePolicyFactory(directive__number="2629/UBND")


def remote(staff, day=MONDAY):
    return [(member.pk, day, WorkModeKind.REMOTE) for member in staff]


@pytest.mark.parametrize(("counted", "cap"), [(0, 0), (1, 0), (2, 1), (3, 1), (21, 10)])
def test_head_cannot_put_more_than_half_at_home(policy, counted, cap):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(counted, agency=agency)
    actor = UserFactory()
    if cap:
        work_modes_set(agency=agency, entries=remote(staff[:cap]), actor=actor)
    assert WorkMode.objects.filter(agency=agency, mode=WorkModeKind.REMOTE).count() == cap
    if counted > cap:
        with pytest.raises(WorkModeCapExceeded) as refusal:
            work_modes_set(agency=agency, entries=remote(staff[cap : cap + 1]), actor=actor)
        (day,) = refusal.value.days
        assert (day.remote, day.cap, day.counted) == (cap + 1, cap, counted)
    assert WorkMode.objects.filter(agency=agency, mode=WorkModeKind.REMOTE).count() == cap


def test_refusal_names_the_day_the_count_the_cap_and_the_counted_staff(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(21, agency=agency)
    with pytest.raises(WorkModeCapExceeded) as refusal:
        work_modes_set(agency=agency, entries=remote(staff[:12]), actor=UserFactory())
    assert refusal.value.messages == [
        "Thứ Hai 07/06/2021: 12 người làm việc tại nhà, vượt mức tối đa 10 (1/2 của 21 người, Công văn 2629/UBND)"
    ]


def test_exempt_duty_groups_are_outside_the_cap(policy):
    agency = AgencyFactory()
    regular = StaffMemberFactory.create_batch(2, agency=agency)
    task_force = StaffMemberFactory.create_batch(3, agency=agency, duty_group=DutyGroup.EPIDEMIC_TASK_FORCE)
    days = work_modes_set(agency=agency, entries=remote(regular[:1] + task_force), actor=UserFactory())
    summary = days[MONDAY]
    assert (summary.counted, summary.remote, summary.cap, summary.exempt_remote) == (2, 1, 1, 3)


def test_without_a_policy_there_is_no_cap(db):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    days = work_modes_set(agency=agency, entries=remote(staff), actor=UserFactory())
    assert days[MONDAY].cap is None
    assert WorkMode.objects.filter(agency=agency, mode=WorkModeKind.REMOTE).count() == 4


def test_a_later_directive_changing_the_ratio_changes_the_cap(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(6, agency=agency)
    with pytest.raises(WorkModeCapExceeded):
        work_modes_set(agency=agency, entries=remote(staff[:4]), actor=UserFactory())
    WorkModePolicyFactory(
        directive__issued_on=datetime.date(2021, 6, 6),
        effective_from=datetime.date(2021, 6, 7),
        remote_cap_numerator=2,
        remote_cap_denominator=3,
    )
    days = work_modes_set(agency=agency, entries=remote(staff[:4]), actor=UserFactory())
    assert days[MONDAY].cap == 4


def test_a_refused_submission_saves_nothing_of_any_day(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    tuesday = MONDAY + datetime.timedelta(days=1)
    entries = remote(staff[:2]) + remote(staff[:3], tuesday)
    with pytest.raises(WorkModeCapExceeded) as refusal:
        work_modes_set(agency=agency, entries=entries, actor=UserFactory())
    assert [day.day for day in refusal.value.days] == [tuesday]
    assert not WorkMode.objects.filter(agency=agency).exists()


def test_staff_of_another_agency_are_refused(policy):
    agency, other = AgencyFactory(), AgencyFactory()
    stranger = StaffMemberFactory(agency=other)
    with pytest.raises(ValidationError) as refusal:
        work_modes_set(agency=agency, entries=remote([stranger]), actor=UserFactory())
    assert "không thuộc" in refusal.value.messages[0] or "does not belong" in refusal.value.messages[0]
    assert not WorkMode.objects.exists()


def test_a_day_over_the_cap_after_staff_left_can_still_be_lowered(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    work_modes_set(agency=agency, entries=remote(staff[:2]), actor=UserFactory())
    leaver = staff[3]
    leaver.active_until = MONDAY - datetime.timedelta(days=1)
    leaver.save()
    lowered = work_modes_set(
        agency=agency, entries=[(staff[0].pk, MONDAY, WorkModeKind.ON_SITE)], actor=UserFactory()
    )
    assert (lowered[MONDAY].remote, lowered[MONDAY].cap) == (1, 1)


def test_every_change_keeps_who_when_and_the_mode_before(policy):
    agency = AgencyFactory()
    member = StaffMemberFactory(agency=agency)
    StaffMemberFactory(agency=agency)
    head = UserFactory(username="head-history")
    work_modes_set(agency=agency, entries=[(member.pk, MONDAY, WorkModeKind.ON_SITE)], actor=head)
    work_modes_set(agency=agency, entries=[(member.pk, MONDAY, WorkModeKind.REMOTE)], actor=head)
    records = list(WorkMode.history.filter(staff_id=member.pk).order_by("history_date", "history_id"))
    assert [r.mode for r in records] == [WorkModeKind.ON_SITE, WorkModeKind.REMOTE]
    assert all(r.history_user == head for r in records)
