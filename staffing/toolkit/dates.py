"""Dates the product reads from people: inside the range the settings allow, or refused with a message.

Every date typed in a form, put in a link or given to the API lies between DATE_MIN and DATE_MAX
(01/01/2000–31/12/2100 unless set): a calendar that far is all a district needs, and a year such as 9999
would overflow the working-day arithmetic.
"""

import datetime

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def in_range(day: datetime.date) -> bool:
    return settings.DATE_MIN <= day <= settings.DATE_MAX


def out_of_range_message() -> str:
    return _("Enter a date between %(first)s and %(last)s.") % {
        "first": date_format(settings.DATE_MIN, "SHORT_DATE_FORMAT"),
        "last": date_format(settings.DATE_MAX, "SHORT_DATE_FORMAT"),
    }


def parse_day(value: str | None) -> datetime.date | None:
    """A day typed dd/mm/yyyy (or yyyy-mm-dd, as links carry it) inside the allowed range, or None."""
    if not value:
        return None
    try:
        day = forms.DateField().clean(value)
    except forms.ValidationError:
        return None
    return day if in_range(day) else None


def parse_week(value: str | None) -> datetime.date | None:
    """The Monday of an ISO week written "2021-W23" inside the allowed range, or None."""
    try:
        year, week = (value or "").split("-W")
        day = datetime.date.fromisocalendar(int(year), int(week), 1)
    except (ValueError, OverflowError):
        return None
    return day if in_range(day) else None


def asked_date_notice(value: str | None, shown: str) -> str:
    """What a page says when the date in its link was not valid and something else is shown instead."""
    if not value:
        return ""
    return _(
        "“%(value)s” is not a valid date (dd/mm/yyyy, between %(first)s and %(last)s): showing %(shown)s."
    ) % {
        "value": value[:40],
        "first": date_format(settings.DATE_MIN, "SHORT_DATE_FORMAT"),
        "last": date_format(settings.DATE_MAX, "SHORT_DATE_FORMAT"),
        "shown": shown,
    }
