"""The Friday reminder to plan next week (clause 2 of 2629/UBND: heads choose who works from home)."""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from directives.policy.selectors import policies_in_force_by_kind
from staffing.outbox.services import deliver_now, message_enqueue

from .models import PlanningReminder
from .planning import agencies_without_plan, planning_recipients, week_to_plan

logger = logging.getLogger(__name__)


def _message(*, agency, week_start: datetime.date, policy) -> tuple[str, str, str]:
    week_end = week_start + datetime.timedelta(days=6)
    year, week, _weekday = week_start.isocalendar()
    path = reverse("work_modes:week", args=[agency.pk])
    context = {
        "agency": agency,
        "policy": policy,
        "week_start": week_start,
        "week_end": week_end,
        "grid_url": f"{settings.SITE_URL.rstrip('/')}{path}?week={year}-W{week:02d}",
        "site_name": settings.DISTRICT_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("emails/planning_reminder_subject.txt", context).split())
        text = render_to_string("emails/planning_reminder.txt", context)
        html = render_to_string("emails/planning_reminder.html", context)
    return subject, text, html


def _claim_and_enqueue(*, agency, week_start: datetime.date, policy, recipients: list[str]) -> list | None:
    """The agency's reminder row and one outbox message per recipient, committed together; None when a
    second run (or a second worker) meets the unique (agency, week) row: it sends nothing."""
    try:
        with transaction.atomic():
            reminder = PlanningReminder.objects.create(
                agency=agency, week_start=week_start, recipients=", ".join(recipients)
            )
            if not recipients:
                return []
            subject, text, html = _message(agency=agency, week_start=week_start, policy=policy)
            messages = []
            for address in recipients:
                message, created = message_enqueue(
                    key=f"planning_reminder:{week_start.isoformat()}:{agency.pk}:{address.lower()}",
                    kind="planning_reminder",
                    to=address,
                    subject=subject,
                    text=text,
                    html=html,
                )
                if created:
                    messages.append(message)
            # "Sent" here means handed to the outbox, whose page shows each delivery.
            PlanningReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())
            return messages
    except IntegrityError:
        return None


def planning_reminders_send(*, day: datetime.date) -> int:
    """E-mail the heads and commune chairmen of each agency with no plan for the week after `day`; returns
    the number of agencies reminded now.

    Each agency's row and its outbox messages commit together; the messages are delivered after the
    commit, outside any transaction, and retried by the outbox while the mail server is down. An agency
    whose heads have no e-mail keeps its row with no recipients, and the daily compliance report lists it
    for the district office.
    """
    week_start = week_to_plan(day)
    agencies = list(agencies_without_plan(week_start=week_start))
    recipients_by_agency = planning_recipients(agency_ids=[agency.pk for agency in agencies])
    policies = policies_in_force_by_kind(day=week_start)
    sent = 0
    enqueued = []
    for agency in agencies:
        recipients = recipients_by_agency.get(agency.pk, [])
        messages = _claim_and_enqueue(
            agency=agency, week_start=week_start, policy=policies.get(agency.kind), recipients=recipients
        )
        if messages is None or not recipients:
            continue
        enqueued.extend(messages)
        sent += 1
    deliver_now(enqueued)
    return sent
