# LAYOUT-SHIM: removed by the coordinator after the merge
"""Demo data of this app for `manage.py seed_demo`: each sub-domain seeds its part, in floor order.

Idempotent and synthetic; returns the demo accounts it made.
"""

from tthc.calendar import demo as calendar_demo
from tthc.catalogue import demo as catalogue_demo
from tthc.dossiers import demo as dossier_demo
from tthc.urgent_lists import demo as urgent_list_demo


def seed_catalogue() -> None:
    """The catalogue, the 2021 calendar and version 1 of the urgent list (skipped without 2629/UBND)."""
    catalogue_demo.seed()
    calendar_demo.seed()
    urgent_list_demo.seed()


def seed(*, password: str) -> list[dict]:
    seed_catalogue()
    return dossier_demo.seed(password=password)
