"""Staff leaving or joining after a day was planned: the day is flagged over the cap, nothing changes silently."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from staffing.registry.constants import AgencyKind, DutyGroup
from staffing.workmodes.constants import DayStatus, WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.selectors import (
    district_day_table,
    district_day_tables,
    district_over_cap,
    over_cap_days,
)
from staffing.workmodes.services import WorkModeCapExceeded, work_modes_set
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, WorkModePolicyFactory

MONDAY = datetime.date(2021, 6, 7)
SUNDAY = MONDAY + datetime.timedelta(days=6)


@pytest.fixture
def policy(db):
    return WorkModePolicyFactory()


def plan_remote(agency, members, day=MONDAY):
    return work_modes_set(
        agency=agency, entries=[(m.pk, day, WorkModeKind.REMOTE) for m in members], actor=UserFactory()
    )


def test_a_day_planned_to_the_cap_is_flagged_when_an_office_worker_leaves(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    plan_remote(agency, staff[:2])
    assert over_cap_days(agency=agency, start=MONDAY, end=SUNDAY) == []

    leaver = staff[3]
    leaver.active_until = MONDAY - datetime.timedelta(days=1)
    leaver.save()

    (flagged,) = over_cap_days(agency=agency, start=MONDAY, end=SUNDAY)
    assert (flagged.day, flagged.counted, flagged.remote, flagged.cap) == (MONDAY, 3, 2, 1)
    assert WorkMode.objects.filter(agency=agency, mode=WorkModeKind.REMOTE).count() == 2


def test_a_flagged_day_refuses_more_at_home_but_accepts_fewer(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(6, agency=agency)
    plan_remote(agency, staff[:3])
    for leaver in staff[4:]:
        leaver.active_until = MONDAY - datetime.timedelta(days=1)
        leaver.save()
    with pytest.raises(WorkModeCapExceeded):
        plan_remote(agency, staff[3:4])
    # Still over the cap after one fewer at home, but lower than before: the head is correcting it.
    days = work_modes_set(
        agency=agency, entries=[(staff[0].pk, MONDAY, WorkModeKind.ON_SITE)], actor=UserFactory()
    )
    assert (days[MONDAY].remote, days[MONDAY].cap, days[MONDAY].over_cap) == (2, 2, False)


def test_a_staff_member_moving_to_an_exempt_group_can_tip_the_day_over(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    plan_remote(agency, staff[:2])
    staff[3].duty_group = DutyGroup.EPIDEMIC_TASK_FORCE
    staff[3].save()
    assert [day.day for day in over_cap_days(agency=agency, start=MONDAY, end=SUNDAY)] == [MONDAY]


def test_a_joiner_raises_the_cap_of_the_days_after_they_start(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    plan_remote(agency, staff[:2])
    plan_remote(agency, staff[:2], MONDAY + datetime.timedelta(days=1))
    StaffMemberFactory.create_batch(2, agency=agency, active_from=MONDAY + datetime.timedelta(days=1))
    table = {row.day: row for row in over_cap_days(agency=agency, start=MONDAY, end=SUNDAY)}
    assert table == {}
    days = plan_remote(agency, staff[2:3], MONDAY + datetime.timedelta(days=1))
    assert days[MONDAY + datetime.timedelta(days=1)].cap == 3


def test_the_api_marks_the_flagged_day_for_the_head(policy, agency, head):
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    plan_remote(agency, staff[:2])
    staff[3].active_until = MONDAY - datetime.timedelta(days=1)
    staff[3].save()
    client = APIClient()
    client.force_authenticate(head)
    url = reverse("api-agency-work-modes", args=[agency.pk])
    days = client.get(url, {"from": "2021-06-07", "to": "2021-06-08"}).json()["days"]
    assert [(d["date"], d["over_cap"]) for d in days] == [("2021-06-07", True), ("2021-06-08", False)]


def test_district_day_table_flags_the_agency_for_the_office(policy):
    calm, tipped, unplanned = AgencyFactory(name="A"), AgencyFactory(name="B"), AgencyFactory(name="C")
    StaffMemberFactory.create_batch(3, agency=unplanned)
    calm_staff = StaffMemberFactory.create_batch(4, agency=calm)
    tipped_staff = StaffMemberFactory.create_batch(4, agency=tipped)
    plan_remote(calm, calm_staff[:2])
    plan_remote(tipped, tipped_staff[:2])
    tipped_staff[3].active_until = MONDAY - datetime.timedelta(days=1)
    tipped_staff[3].save()

    rows = {row.agency.name: row for row in district_day_table(day=MONDAY)}

    assert [(name, row.status) for name, row in rows.items()] == [
        ("A", DayStatus.WITHIN_CAP),
        ("B", DayStatus.OVER_CAP),
        ("C", DayStatus.NO_PLAN),
    ]
    assert (rows["B"].counted, rows["B"].remote, rows["B"].cap, rows["B"].active) == (3, 2, 1, 3)
    assert (rows["C"].counted, rows["C"].cap, rows["C"].planned) == (3, 1, 0)
    assert [row.agency.name for row in district_over_cap(day=MONDAY)] == ["B"]


def test_district_day_table_counts_exempt_staff_apart_and_uses_the_policy_of_each_kind(db):
    WorkModePolicyFactory(agency_kinds=[AgencyKind.COMMUNE_COMMITTEE])
    commune = AgencyFactory(name="UBND xã", kind=AgencyKind.COMMUNE_COMMITTEE)
    office = AgencyFactory(name="Phòng", kind=AgencyKind.SPECIALISED_OFFICE)
    regular = StaffMemberFactory.create_batch(2, agency=commune)
    police = StaffMemberFactory.create_batch(2, agency=commune, duty_group=DutyGroup.POLICE)
    plan_remote(commune, regular[:1] + police)
    plan_remote(office, StaffMemberFactory.create_batch(3, agency=office))

    rows = {row.agency.name: row for row in district_day_table(day=MONDAY)}

    commune_row = rows["UBND xã"]
    assert (commune_row.counted, commune_row.remote, commune_row.cap) == (2, 1, 1)
    assert (commune_row.exempt, commune_row.exempt_remote, commune_row.modes) == (2, 2, {"remote": 3})
    assert (rows["Phòng"].remote, rows["Phòng"].cap, rows["Phòng"].status) == (3, None, DayStatus.WITHIN_CAP)


def test_district_day_table_ignores_a_plan_left_behind_by_a_staff_member_who_moved(policy):
    first, second = AgencyFactory(name="A"), AgencyFactory(name="B")
    mover = StaffMemberFactory(agency=first)
    StaffMemberFactory.create_batch(3, agency=first)
    StaffMemberFactory.create_batch(3, agency=second)
    plan_remote(first, [mover])
    mover.agency = second
    mover.save()

    rows = {row.agency.name: row for row in district_day_table(day=MONDAY)}

    assert (rows["A"].counted, rows["A"].remote) == (3, 0)
    assert (rows["B"].counted, rows["B"].remote, rows["B"].status) == (4, 0, DayStatus.NO_PLAN)
    days = plan_remote(second, [mover])
    assert (days[MONDAY].remote, WorkMode.objects.get(staff=mover).agency) == (1, second)


def test_district_day_table_takes_the_same_queries_for_3_or_30_agencies(policy):
    def queries_for(count):
        for _ in range(count):
            agency = AgencyFactory()
            members = StaffMemberFactory.create_batch(3, agency=agency)
            plan_remote(agency, members[:1])
        with CaptureQueriesContext(connection) as captured:
            rows = district_day_table(day=MONDAY)
        assert len(rows) == WorkMode.objects.values("agency").distinct().count()
        return len(captured)

    assert queries_for(3) == queries_for(27) == 3


def test_district_day_tables_count_several_days_in_one_query_as_each_day_alone(policy):
    TUESDAY = MONDAY + datetime.timedelta(days=1)
    agency = AgencyFactory(name="A")
    AgencyFactory(name="B")  # no staff
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    police = StaffMemberFactory(agency=agency, duty_group=DutyGroup.POLICE)
    plan_remote(agency, [*staff[:2], police])
    plan_remote(agency, staff[:2], day=TUESDAY)
    leaver = staff[3]
    leaver.active_until = MONDAY
    leaver.save()

    def shown(rows):
        return [
            (
                r.agency.name,
                r.active,
                r.counted,
                r.remote,
                r.exempt,
                r.exempt_remote,
                r.planned,
                r.modes,
                r.cap,
            )
            for r in rows
        ]

    with CaptureQueriesContext(connection) as captured:
        tables = district_day_tables(days=[TUESDAY, MONDAY])
    # Agencies, each day's policies, then the counts: of both days on PostgreSQL, of each day elsewhere.
    assert len(captured) == (4 if connection.vendor == "postgresql" else 5)
    assert {day: shown(rows) for day, rows in tables.items()} == {
        MONDAY: shown(district_day_table(day=MONDAY)),
        TUESDAY: shown(district_day_table(day=TUESDAY)),
    }
    assert shown(tables[TUESDAY]) == [
        ("A", 4, 3, 2, 1, 0, 2, {"remote": 2}, 1),
        ("B", 0, 0, 0, 0, 0, 0, {}, 0),
    ]
    assert tables[TUESDAY][0].status == DayStatus.OVER_CAP


def test_the_head_can_clear_the_plan_of_someone_who_left(policy):
    agency = AgencyFactory()
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    plan_remote(agency, staff[:2])
    leaver = staff[0]
    leaver.active_until = MONDAY - datetime.timedelta(days=1)
    leaver.save()
    with pytest.raises(ValidationError):
        plan_remote(agency, [leaver])
    work_modes_set(agency=agency, entries=[(leaver.pk, MONDAY, None)], actor=UserFactory())
    assert not WorkMode.objects.filter(staff=leaver).exists()


def test_clearing_a_moved_staff_member_leaves_the_old_agency_plan_alone(policy):
    first, second = AgencyFactory(), AgencyFactory()
    mover = StaffMemberFactory(agency=first)
    StaffMemberFactory(agency=first)
    plan_remote(first, [mover])
    mover.agency = second
    mover.save()
    work_modes_set(agency=second, entries=[(mover.pk, MONDAY, None)], actor=UserFactory())
    assert WorkMode.objects.get(staff=mover).agency == first
