"""Working days and due dates: Monday–Friday, minus the holidays and days off the calendar holds as data.

The exceptions for a span are read in one query; a further window is read only when a deadline runs
past the first one (more working days than about two months hold).
"""

import datetime

from django.utils import timezone

from .constants import CalendarDayKind, ProcessingTimeUnit
from .models import CalendarDay

DAY = datetime.timedelta(days=1)
# Enough calendar days for about 40 working days across Tết: one query covers nearly every deadline.
_WINDOW_DAYS = 62
_DAYS_OFF = (CalendarDayKind.PUBLIC_HOLIDAY, CalendarDayKind.COMPENSATORY_DAY_OFF)


def calendar_exceptions(start: datetime.date, end: datetime.date) -> dict[datetime.date, str]:
    """{date: kind} of the calendar days recorded between start and end inclusive (one query)."""
    return dict(CalendarDay.objects.filter(date__range=(start, end)).values_list("date", "kind"))


def _is_working(day: datetime.date, exceptions: dict) -> bool:
    kind = exceptions.get(day)
    if kind in _DAYS_OFF:
        return False
    if day.weekday() >= 5:
        return kind == CalendarDayKind.WORKING_WEEKEND_DAY
    return True


def years_without_calendar(today: datetime.date) -> list[int]:
    """This year, and from October next year, when no holiday is recorded for it: due dates would then
    count holidays as working days, so the office is reminded to add them (one query)."""
    years = [today.year, today.year + 1] if today.month >= 10 else [today.year]
    recorded = set(CalendarDay.objects.filter(date__year__in=years).values_list("date__year", flat=True))
    return [year for year in years if year not in recorded]


def is_working_day(day: datetime.date) -> bool:
    """Monday–Friday unless a holiday or day off; Saturday/Sunday only when recorded as a working day."""
    return _is_working(day, calendar_exceptions(day, day))


class _Calendar:
    """The working days from a start date on, with the exceptions loaded one window at a time."""

    def __init__(self, start: datetime.date):
        self.loaded_until = start - DAY
        self.exceptions: dict[datetime.date, str] = {}

    def is_working(self, day: datetime.date) -> bool:
        if day > self.loaded_until:
            window_start = self.loaded_until + DAY
            window_end = max(day, window_start + datetime.timedelta(days=_WINDOW_DAYS - 1))
            self.exceptions.update(calendar_exceptions(window_start, window_end))
            self.loaded_until = window_end
        return _is_working(day, self.exceptions)

    def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
        day, counted = start, 0
        while counted < n:
            day += DAY
            if self.is_working(day):
                counted += 1
        return day

    def on_or_after(self, day: datetime.date) -> datetime.date:
        return day if self.is_working(day) else self.add_working_days(day, 1)


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day after start (counting from the day after start); n=0 gives start itself."""
    return _Calendar(start + DAY).add_working_days(start, n)


def working_day_on_or_after(day: datetime.date) -> datetime.date:
    """The day itself when it is a working day, otherwise the next working day."""
    return _Calendar(day).on_or_after(day)


def due_date_for(procedure, received_at: datetime.datetime) -> datetime.date:
    """The appointment date (ngày hẹn trả) of a dossier of this procedure received at this moment.

    A dossier received on a non-working day (online, by post) counts as received on the next working day.
    The time of day does not matter: an afternoon intake keeps its day, as the one-stop desk practises it.
    - same day: the reception working day;
    - N working days: N working days after the reception working day;
    - N days: the received date plus N calendar days, moved to the next working day if it falls on a
      non-working day.
    """
    received_on = timezone.localdate(received_at)
    unit = procedure.processing_time_unit
    if unit == ProcessingTimeUnit.CALENDAR_DAYS:
        day = received_on + datetime.timedelta(days=procedure.processing_time_value)
        return _Calendar(day).on_or_after(day)
    calendar = _Calendar(received_on)
    reception_day = calendar.on_or_after(received_on)
    if unit == ProcessingTimeUnit.WORKING_DAYS:
        return calendar.add_working_days(reception_day, procedure.processing_time_value)
    return reception_day


def calendar_covers(start: datetime.date, end: datetime.date) -> bool:
    """Whether every year from start to end has its holidays loaded: a due date counted past that is
    counted on weekdays only, and says so (one query)."""
    years = set(range(start.year, end.year + 1))
    held = {day.year for day in CalendarDay.objects.filter(date__year__in=years).dates("date", "year")}
    return years <= held
