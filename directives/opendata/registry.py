"""The open-data resources, each registered by the sub-domain whose data it is (config.composition fills
the registry): its name, title, fields with their Frictionless types, and a function that yields its rows.

A resource is either a table as it stands today (the catalogue, every urgent-list version) or a table over
a period (`periodic`: the compliance per agency and day), whose rows function takes the first and last day.
No resource carries personal data: names of agencies and procedures, counts and dates only.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import Http404

TYPES = ("string", "integer", "number", "boolean", "date")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    description: str = ""
    required: bool = False

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"{self.name}: unknown type {self.type}")


@dataclass(frozen=True)
class Resource:
    """rows(start, end) yields one dict per row, keyed by the field names, with Python values (str, int,
    bool, date or None). A resource that is not periodic is read as of `end` (the day asked, today by
    default) and ignores `start`."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[[datetime.date, datetime.date], Iterable[dict]]
    periodic: bool = False
    primary_key: tuple[str, ...] = ()

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


_RESOURCES: dict[str, Resource] = {}


def register_resource(resource: Resource) -> None:
    existing = _RESOURCES.get(resource.name)
    if existing is not None and existing != resource:
        raise ValueError(f"open-data resource {resource.name} registered twice")
    _RESOURCES[resource.name] = resource


def resources() -> list[Resource]:
    return list(_RESOURCES.values())


def get_resource(name: str) -> Resource:
    try:
        return _RESOURCES[name]
    except KeyError:
        raise Http404(name) from None
