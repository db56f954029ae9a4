"""Trends of the day's figures: those stored with the daily reports of the days before, and today's built
live, in a fixed number of queries whatever the number of agencies or days (the dashboard and a report's
page draw them)."""

import datetime
from dataclasses import dataclass

from .figures import build_figures
from .models import ComplianceReport

TREND_DAYS = 30


@dataclass
class DayFigures:
    """One day of a trend: its figures ({} when no report was stored that day) and whether they are live."""

    day: datetime.date
    figures: dict
    stored: bool
    live: bool = False

    def get(self, name: str):
        return self.figures.get(name)

    @property
    def remote_percent(self) -> float | None:
        """Staff at home as a share of counted staff, over the agencies with a plan."""
        return _percent(self.get("staff_remote"), self.get("staff_counted"))

    @property
    def cap_percent(self) -> float | None:
        """The sum of the caps as a share of counted staff: the line the share at home must stay under."""
        return _percent(self.get("staff_cap"), self.get("staff_counted"))


def _percent(part, whole) -> float | None:
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


def trend(*, end: datetime.date, today: datetime.date, days: int = TREND_DAYS) -> list[DayFigures]:
    """The `days` days up to `end`, oldest first: stored figures (one query), and today's built live."""
    start = end - datetime.timedelta(days=days - 1)
    stored = dict(
        ComplianceReport.objects.filter(day__gte=start, day__lte=end)
        .order_by()
        .values_list("day", "content__figures")
    )
    series = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        if day == today:
            series.append(DayFigures(day, build_figures(day), stored=day in stored, live=True))
        else:
            series.append(DayFigures(day, stored.get(day) or {}, stored=day in stored))
    return series
