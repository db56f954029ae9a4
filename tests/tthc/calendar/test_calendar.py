"""Working days and due dates on the 2021 calendar (Tết 10–16/02, 21/04, 30/04–03/05, 02–03/09)."""

import datetime
import zoneinfo

import pytest

from tests.factories import CalendarDayFactory, ProcedureFactory
from tthc.calendar.constants import CalendarDayKind, ProcessingTimeUnit
from tthc.calendar.working_days import add_working_days, due_date_for, is_working_day

D = datetime.date
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

HOLIDAYS_2021 = [
    (D(2021, 1, 1), CalendarDayKind.PUBLIC_HOLIDAY),
    (D(2021, 2, 10), CalendarDayKind.COMPENSATORY_DAY_OFF),
    *[(D(2021, 2, d), CalendarDayKind.PUBLIC_HOLIDAY) for d in range(11, 16)],
    (D(2021, 2, 16), CalendarDayKind.COMPENSATORY_DAY_OFF),
    (D(2021, 4, 21), CalendarDayKind.PUBLIC_HOLIDAY),
    (D(2021, 4, 30), CalendarDayKind.PUBLIC_HOLIDAY),
    (D(2021, 5, 1), CalendarDayKind.PUBLIC_HOLIDAY),
    (D(2021, 5, 3), CalendarDayKind.COMPENSATORY_DAY_OFF),
    (D(2021, 9, 2), CalendarDayKind.PUBLIC_HOLIDAY),
    (D(2021, 9, 3), CalendarDayKind.PUBLIC_HOLIDAY),
]


@pytest.fixture
def calendar_2021(db):
    for day, kind in HOLIDAYS_2021:
        CalendarDayFactory(date=day, kind=kind, name="")


def received(day: datetime.date, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=HCM)


def procedure(unit, value=0):
    return ProcedureFactory(processing_time_unit=unit, processing_time_value=value)


def test_weekdays_work_and_weekends_rest(calendar_2021):
    assert is_working_day(D(2021, 6, 4))  # Friday
    assert not is_working_day(D(2021, 6, 5))  # Saturday
    assert not is_working_day(D(2021, 6, 6))  # Sunday


def test_holidays_and_days_off_are_not_working_days(calendar_2021):
    assert not is_working_day(D(2021, 2, 10))
    assert not is_working_day(D(2021, 4, 21))
    assert not is_working_day(D(2021, 5, 3))
    assert not is_working_day(D(2021, 9, 3))


def test_a_saturday_recorded_as_working_day_counts(db):
    CalendarDayFactory(date=D(2021, 2, 20), kind=CalendarDayKind.WORKING_WEEKEND_DAY, name="Làm bù")
    assert is_working_day(D(2021, 2, 20))
    assert add_working_days(D(2021, 2, 19), 1) == D(2021, 2, 20)


def test_three_working_days_from_the_eve_of_tet_end_on_19_february(calendar_2021):
    assert add_working_days(D(2021, 2, 9), 3) == D(2021, 2, 19)


def test_two_working_days_from_29_april_skip_the_long_weekend(calendar_2021):
    assert add_working_days(D(2021, 4, 29), 2) == D(2021, 5, 5)


def test_working_days_skip_weekends(calendar_2021):
    assert add_working_days(D(2021, 6, 4), 1) == D(2021, 6, 7)
    assert add_working_days(D(2021, 6, 4), 5) == D(2021, 6, 11)


def test_zero_working_days_is_the_start_day(calendar_2021):
    assert add_working_days(D(2021, 6, 4), 0) == D(2021, 6, 4)


def test_due_date_in_working_days_across_tet(calendar_2021):
    assert due_date_for(procedure(ProcessingTimeUnit.WORKING_DAYS, 3), received(D(2021, 2, 9))) == D(
        2021, 2, 19
    )


def test_due_date_of_a_dossier_received_on_a_holiday_counts_from_the_next_working_day(calendar_2021):
    # Filed online on 30/04: received on 04/05, due two working days later.
    assert due_date_for(procedure(ProcessingTimeUnit.WORKING_DAYS, 2), received(D(2021, 4, 30))) == D(
        2021, 5, 6
    )


def test_same_day_procedure_is_due_on_the_reception_day(calendar_2021):
    assert due_date_for(procedure(ProcessingTimeUnit.SAME_DAY), received(D(2021, 6, 4), hour=15)) == D(
        2021, 6, 4
    )


def test_same_day_procedure_received_on_a_sunday_is_due_on_monday(calendar_2021):
    assert due_date_for(procedure(ProcessingTimeUnit.SAME_DAY), received(D(2021, 6, 6))) == D(2021, 6, 7)


def test_calendar_days_landing_on_a_holiday_move_to_the_next_working_day(calendar_2021):
    # 17/08 + 16 days = 02/09 (holiday); 03/09 too; then the weekend: due Monday 06/09.
    assert due_date_for(procedure(ProcessingTimeUnit.CALENDAR_DAYS, 16), received(D(2021, 8, 17))) == D(
        2021, 9, 6
    )


def test_calendar_days_landing_on_a_working_day_stay(calendar_2021):
    assert due_date_for(procedure(ProcessingTimeUnit.CALENDAR_DAYS, 25), received(D(2021, 6, 4))) == D(
        2021, 6, 29
    )


def test_a_late_evening_intake_keeps_its_local_day(calendar_2021):
    # 23:30 in Hồ Chí Minh City is 16:30 UTC: the local date decides.
    late = datetime.datetime(2021, 6, 4, 23, 30, tzinfo=HCM).astimezone(datetime.UTC)
    assert due_date_for(procedure(ProcessingTimeUnit.SAME_DAY), late) == D(2021, 6, 4)


def test_due_date_reads_the_calendar_once(calendar_2021, django_assert_num_queries):
    proc = procedure(ProcessingTimeUnit.WORKING_DAYS, 15)
    with django_assert_num_queries(1):
        due_date_for(proc, received(D(2021, 2, 9)))


def test_long_deadlines_read_further_windows(calendar_2021):
    # 60 working days from 04/01/2021 run past the first two-month window and across Tết.
    assert add_working_days(D(2021, 1, 4), 60) == D(2021, 4, 5)
