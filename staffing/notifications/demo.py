"""Demo notifications for `manage.py seed_demo`: every reminder of the registry run for each of the last ten
days (working days even across a long holiday), as beat would have run it on those days, so each demo
account opens an inbox with what the product would have told them (and the outbox holds the e-mails). Each
notification is recorded once per recipient, kind, subject and period: running the demo again adds nothing."""

import datetime

from django.utils import timezone

from .registry import run_reminders

DAYS = 10


def seed() -> None:
    today = timezone.localdate()
    for offset in range(DAYS - 1, -1, -1):
        run_reminders(day=today - datetime.timedelta(days=offset))
