"""The Vietnam calendar of the `holidays` library (pinned in pyproject.toml), in the calendar's own terms.

The library follows the government's announcements (Tết, the Hùng Kings day observed, days substituted for
a working Saturday); the product copies its days into CalendarDay rows so that due dates stay reproducible
after a library upgrade, and the district office stays in charge of the rows.
"""

import datetime
from dataclasses import dataclass

import holidays

from .constants import CalendarDayKind

# The library names a day given in exchange for another "(nghỉ bù)" or "thay cho ngày …".
_IN_LIEU_MARKERS = ("nghỉ bù", "thay cho")


@dataclass(frozen=True)
class LibraryDay:
    date: datetime.date
    kind: str
    name: str


def _kind(day: datetime.date, name: str) -> str:
    in_lieu = any(marker in name.lower() for marker in _IN_LIEU_MARKERS)
    if in_lieu and day.weekday() < 5:
        return CalendarDayKind.COMPENSATORY_DAY_OFF
    return CalendarDayKind.PUBLIC_HOLIDAY


def library_days(year: int) -> list[LibraryDay]:
    """The days off the library gives for this year, with their Vietnamese names (empty if it knows none).

    Holidays that fall on a weekend are kept: they change no working day, but the office sees the whole
    official calendar, and the rows match what the government announced.
    """
    calendar = holidays.country_holidays("VN", years=year, language="vi")
    return [
        LibraryDay(date=day, kind=_kind(day, name), name=name)
        for day, name in sorted(calendar.items())
        if day.year == year
    ]
