"""The Friday reminder to plan next week (clause 2 of 2629/UBND: heads choose who works from home)."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from directives.policy.selectors import policies_in_force_by_kind

from .models import PlanningReminder
from .planning import agencies_without_plan, planning_recipients, week_to_plan

logger = logging.getLogger(__name__)


def _claim(*, agency, week_start: datetime.date) -> PlanningReminder | None:
    """Write the row first; a second run (or a second worker) hits the unique constraint and sends nothing."""
    try:
        with transaction.atomic():
            return PlanningReminder.objects.create(agency=agency, week_start=week_start)
    except IntegrityError:
        return None


def _message(*, agency, week_start: datetime.date, policy, recipients: list[str]) -> EmailMultiAlternatives:
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
    message = EmailMultiAlternatives(subject, text, None, recipients)
    message.attach_alternative(html, "text/html")
    return message


def planning_reminders_send(*, day: datetime.date) -> int:
    """E-mail the heads and commune chairmen of each agency with no plan for the week after `day`; returns
    the e-mails sent.

    Not one transaction on purpose: each row is committed before its e-mail leaves, so a crash between the
    two loses a reminder rather than sending it twice. An agency whose heads have no e-mail keeps its row
    with no recipients, and the daily compliance report lists it for the district office.
    """
    week_start = week_to_plan(day)
    agencies = list(agencies_without_plan(week_start=week_start))
    recipients_by_agency = planning_recipients(agency_ids=[agency.pk for agency in agencies])
    policies = policies_in_force_by_kind(day=week_start)
    sent = 0
    for agency in agencies:
        reminder = _claim(agency=agency, week_start=week_start)
        if reminder is None:
            continue
        recipients = recipients_by_agency.get(agency.pk, [])
        if not recipients:
            continue
        PlanningReminder.objects.filter(pk=reminder.pk).update(recipients=", ".join(recipients))
        try:
            _message(
                agency=agency, week_start=week_start, policy=policies.get(agency.kind), recipients=recipients
            ).send()
        except Exception:
            # The mail server refused: free the row so a later run tries this agency again.
            logger.exception("Planning reminder to %s failed", agency)
            PlanningReminder.objects.filter(pk=reminder.pk).delete()
            continue
        PlanningReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())
        sent += 1
    return sent
