"""The reminders of the sub-domains, as the demo runs them: each sub-domain's reminder takes `day=` and
returns the notifications it recorded. config.composition fills the registry (the reminders live above
this floor); beat runs the same functions through their tasks."""

import datetime
from collections.abc import Callable

Reminder = Callable[..., int]
_REMINDERS: list[Reminder] = []


def register_reminder(reminder: Reminder) -> None:
    if reminder not in _REMINDERS:
        _REMINDERS.append(reminder)


def reminders() -> tuple[Reminder, ...]:
    return tuple(_REMINDERS)


def run_reminders(*, day: datetime.date) -> int:
    """Every registered reminder for the day, in the order registered; the notifications recorded."""
    return sum(reminder(day=day) for reminder in _REMINDERS)
