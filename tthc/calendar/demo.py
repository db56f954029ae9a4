"""Demo calendar for `manage.py seed_demo`: the Vietnam calendar of the holiday library from 2021, the year of
the letter, through next year, so that the demo's dossiers of 2021 and of today get right due dates."""

from django.utils import timezone

from .services import calendar_year_load

FIRST_YEAR = 2021


def seed() -> None:
    for year in range(FIRST_YEAR, timezone.localdate().year + 2):
        calendar_year_load(year=year)
