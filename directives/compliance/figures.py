"""The day's figures: numbers each sub-domain counts for the district, stored with the daily report.

The report's sections list what to correct; the figures say how the district stands (agencies within the
cap, staff at home, dossiers by channel...). Each sub-domain registers a builder from its AppConfig.ready()
(as it registers its sections): `builder(day)` returns {name: number or None}. `build_report` stores them
under content["figures"], so the dashboard draws 30 days of trends from 30 stored reports in one query,
without reading the sub-domains' rows again and without importing them.
"""

import datetime
from collections.abc import Callable

_builders: dict[str, Callable[[datetime.date], dict]] = {}


def register_figures(key: str, builder: Callable[[datetime.date], dict]) -> None:
    """Add (or replace) the figures a sub-domain counts for a day; called from an AppConfig.ready()."""
    _builders[key] = builder


def build_figures(day: datetime.date) -> dict:
    """{figure name: number} of every registered builder for `day`."""
    figures: dict = {}
    for key in sorted(_builders):
        figures.update(_builders[key](day))
    return figures
