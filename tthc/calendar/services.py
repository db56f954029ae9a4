"""Writes of the working-day calendar: the holidays, days off in lieu and working weekend days that
due dates skip or count (tthc.calendar.working_days reads them).

The admin, the import page and the demo all write through calendar_day_save.
"""

import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .constants import CalendarDayKind
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
    *, date: datetime.date, kind: str, name: str = "", by: AbstractBaseUser | None = None
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
    day.full_clean(validate_unique=outcome == "created")
    day._history_user = by
    day.save()
    return day, outcome
