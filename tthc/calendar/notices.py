"""December: next year's calendar is loaded from the holiday library and the district office is told, once.

The notice row is committed first, then marked sent together with one outbox message per address (keyed by
the year), so a second run or a second worker sends nothing; the outbox delivers outside any transaction and
retries a failed send.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from staffing.outbox.services import deliver_keys, message_enqueue
from staffing.registry.constants import Role
from staffing.registry.models import RoleAssignment

from .models import CalendarLoadNotice
from .services import calendar_year_load


def office_recipients() -> list[str]:
    emails = (
        RoleAssignment.objects.filter(role=Role.DISTRICT_OFFICE, agency__isnull=True, user__is_active=True)
        .exclude(Q(user__email="") | Q(user__email__isnull=True))
        .values_list("user__email", flat=True)
    )
    return sorted({email.strip().lower() for email in emails})


def next_year_calendar_load(*, today: datetime.date) -> bool:
    """Load next year's days and tell the office what was added; True when the e-mail was sent now."""
    year = today.year + 1
    outcome = calendar_year_load(year=year)
    with transaction.atomic():
        notice, _created = CalendarLoadNotice.objects.select_for_update().get_or_create(year=year)
        if notice.sent_at is not None:
            return False
    recipients = office_recipients()
    context = {
        "outcome": outcome,
        "year": year,
        "calendar_url": f"{settings.SITE_URL.rstrip('/')}{reverse('tthc:calendar')}?year={year}",
        "site_name": settings.DISTRICT_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("emails/calendar_loaded_subject.txt", context).split())
        body = render_to_string("emails/calendar_loaded.txt", context)
    with transaction.atomic():
        # The row is marked with its messages in the outbox (one per address, keyed by the year): a run
        # that crashed before this point enqueues them now, a second run finds the keys and sends nothing.
        for address in recipients:
            message_enqueue(
                key=f"calendar_loaded:{year}:{address}",
                kind="calendar_loaded",
                to=address,
                subject=subject,
                text=body,
            )
        CalendarLoadNotice.objects.filter(pk=notice.pk, sent_at__isnull=True).update(
            sent_at=timezone.now(), recipients=recipients
        )
    deliver_keys(f"calendar_loaded:{year}:{address}" for address in recipients)
    return bool(recipients)
