"""Writes of the working-day calendar: the holidays, days off in lieu and working weekend days that
due dates skip or count (tthc.calendar.working_days reads them).

The admin, the import page and the demo all write through calendar_day_save.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .constants import CalendarDayKind, CalendarDaySource
from .library import LibraryDay, library_days
from .models import CalendarDay

CALENDAR_DAY_FIELDS = ("date", "kind", "name")


def calendar_day_values(*, date: datetime.date, kind: str, name: str = "") -> dict:
    """The values of a calendar day, tidied and checked (ValidationError keyed by field if wrong)."""
    values = {"date": date, "kind": kind, "name": " ".join((name or "").split())}
    weekend = date.weekday() >= 5
    if kind == CalendarDayKind.WORKING_WEEKEND_DAY and not weekend:
        raise ValidationError(
            {
                "kind": ValidationError(
                    _("A working weekend day must be a Saturday or a Sunday."), code="not_weekend"
                )
            }
        )
    if kind == CalendarDayKind.COMPENSATORY_DAY_OFF and weekend:
        raise ValidationError(
            {
                "kind": ValidationError(
                    _("A compensatory day off must fall on a weekday (Monday to Friday)."), code="not_weekday"
                )
            }
        )
    return values


def calendar_day_changes(day: CalendarDay, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(day, name) != value]


@transaction.atomic
def calendar_day_save(
    *,
    date: datetime.date,
    kind: str,
    name: str = "",
    source: str = CalendarDaySource.OFFICE,
    by: AbstractBaseUser | None = None,
) -> tuple[CalendarDay, str]:
    """Record the day, or change the one recorded on that date; returns it with "created", "updated" or
    "unchanged". Due dates already given are kept: a dossier's appointment does not move by itself."""
    values = calendar_day_values(date=date, kind=kind, name=name)
    day = CalendarDay.objects.select_for_update().filter(date=date).first()
    if day is not None and not calendar_day_changes(day, values):
        return day, "unchanged"
    outcome = "updated" if day is not None else "created"
    day = day or CalendarDay()
    for field, value in values.items():
        setattr(day, field, value)
    # Whoever last changed the day owns it: a day the office changed is never overwritten by a library load.
    day.source = source
    day.full_clean(validate_unique=outcome == "created")
    day._history_user = by
    day.save()
    return day, outcome


@dataclass(frozen=True)
class LoadRow:
    """One day of a year as the library gives it beside what the calendar holds: `status` is "new",
    "same", "differs" (a library row the load refreshes), "office" (the office's day on that date: kept)
    or "office_only" (a day the office added that the library does not know: kept)."""

    date: datetime.date
    status: str
    library: LibraryDay | None
    held: CalendarDay | None


def calendar_year_compare(*, year: int) -> list[LoadRow]:
    """What a load of this year would do, computed without saving anything (one query)."""
    held = {day.date: day for day in CalendarDay.objects.filter(date__year=year)}
    rows = []
    for offered in library_days(year):
        day = held.pop(offered.date, None)
        if day is None:
            status = "new"
        elif day.source == CalendarDaySource.OFFICE:
            status = "office"
        elif (day.kind, day.name) == (offered.kind, offered.name):
            status = "same"
        else:
            status = "differs"
        rows.append(LoadRow(date=offered.date, status=status, library=offered, held=day))
    rows += [LoadRow(date=day.date, status="office_only", library=None, held=day) for day in held.values()]
    return sorted(rows, key=lambda row: row.date)


@dataclass(frozen=True)
class LoadOutcome:
    year: int
    added: list[LoadRow]
    refreshed: list[LoadRow]
    office_kept: list[LoadRow]  # the office's own days on a date the library also gives

    @property
    def library_empty(self) -> bool:
        return not (self.added or self.refreshed or self.office_kept) and not library_days(self.year)


@transaction.atomic
def calendar_year_load(*, year: int, by: AbstractBaseUser | None = None) -> LoadOutcome:
    """Copy the library's days of this year into the calendar; the office's own days are never touched.

    Idempotent: a second load of the same year changes nothing. Due dates already given stay as they are.
    """
    rows = calendar_year_compare(year=year)
    for row in rows:
        if row.status in ("new", "differs"):
            calendar_day_save(
                date=row.date,
                kind=row.library.kind,
                name=row.library.name,
                source=CalendarDaySource.LIBRARY,
                by=by,
            )
    return LoadOutcome(
        year=year,
        added=[row for row in rows if row.status == "new"],
        refreshed=[row for row in rows if row.status == "differs"],
        office_kept=[row for row in rows if row.status == "office"],
    )
