"""Reminders of the work-mode plan (clause 2 of 2629/UBND: heads choose who works from home, at most the cap):
the Friday e-mail to plan next week, the 16:00 notice of tomorrow with no plan or over the cap, and the 09:00
notice to the district office of the agencies over the cap or without a plan today."""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from directives.policy.preview import PreviewScope
from directives.policy.selectors import policies_in_force_by_kind, policy_end
from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.outbox.services import deliver_now, message_enqueue
from staffing.registry.constants import AGENCY_MANAGER_ROLES, Role
from staffing.registry.selectors import district_users, users_by_agency
from tthc.calendar.working_days import add_working_days, is_working_day

from .constants import DayStatus
from .models import PlanningReminder
from .planning import agencies_without_plan, planning_recipients, week_to_plan
from .preview import planned_day_tables
from .selectors import district_day_table

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


def _week_url(agency, day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{reverse('work_modes:week', args=[agency.pk])}?week={year}-W{week:02d}"


def tomorrow_reminders_notify(*, day: datetime.date) -> int:
    """On a working day, tell the heads and commune chairmen of each agency whose next working day has no
    plan, or more staff at home than the cap; returns the notifications recorded. Nothing on other days."""
    if not is_working_day(day):
        return 0
    target = add_working_days(day, 1)
    rows = [
        row for row in district_day_table(day=target) if row.status in (DayStatus.NO_PLAN, DayStatus.OVER_CAP)
    ]
    managers = users_by_agency(agency_ids=[row.agency.pk for row in rows], roles=AGENCY_MANAGER_ROLES)
    recorded = 0
    with translation.override(settings.LANGUAGE_CODE):
        for row in rows:
            agency, on = row.agency, target.strftime("%d/%m/%Y")
            if row.status == DayStatus.NO_PLAN:
                kind = NotificationKind.NO_PLAN_TOMORROW
                title = _("%(agency)s: no work-mode plan for %(day)s") % {"agency": agency.name, "day": on}
                body = _(
                    "None of the %(active)s active staff has a work mode planned for %(day)s. "
                    "Set the plan before the day starts."
                ) % {"active": row.active, "day": on}
            else:
                kind = NotificationKind.OVER_CAP_TOMORROW
                title = _("%(agency)s: over the cap on %(day)s") % {"agency": agency.name, "day": on}
                body = _(
                    "%(remote)s staff are planned at home on %(day)s; the cap is %(cap)s of %(counted)s "
                    "counted staff. Change the plan so that at most %(cap)s work from home."
                ) % {"remote": row.remote, "day": on, "cap": row.cap, "counted": row.counted}
            recorded += len(
                notify(
                    recipients=managers.get(agency.pk, []),
                    kind=kind,
                    subject=f"agency:{agency.pk}",
                    period=target.isoformat(),
                    title=title,
                    body=body,
                    link=_week_url(agency, target),
                )
            )
    return recorded


def district_day_notify(*, day: datetime.date) -> int:
    """On a working day, tell the district office which agencies are over the cap or have no plan today
    (one notification per person and day, none when every agency is within its cap); returns how many."""
    if not is_working_day(day):
        return 0
    rows = district_day_table(day=day)
    over = [row.agency.name for row in rows if row.status == DayStatus.OVER_CAP]
    unplanned = [row.agency.name for row in rows if row.status == DayStatus.NO_PLAN]
    if not over and not unplanned:
        return 0
    on = day.strftime("%d/%m/%Y")
    with translation.override(settings.LANGUAGE_CODE):
        title = _("%(day)s: %(over)s agencies over the cap, %(unplanned)s without a plan") % {
            "day": on,
            "over": len(over),
            "unplanned": len(unplanned),
        }
        lines = []
        if over:
            lines.append(_("Over the cap: %(names)s.") % {"names": ", ".join(over)})
        if unplanned:
            lines.append(_("Without a plan: %(names)s.") % {"names": ", ".join(unplanned)})
        recorded = notify(
            recipients=district_users(roles=[Role.DISTRICT_OFFICE]),
            kind=NotificationKind.DISTRICT_AGENCIES,
            subject="district",
            period=day.isoformat(),
            title=title,
            body="\n".join(lines),
            link=f"{reverse('work_modes:district')}?day={on}",
        )
    return len(recorded)


def policy_over_cap_notify(policy) -> int:
    """When a policy starts to apply (published with its directive, or changed while published), tell the
    heads and commune chairmen of every agency whose saved plan is over its cap on a day it governs: one
    notice per agency and change of the policy, listing the days, linked to the first such week."""
    scope = PreviewScope(
        start=policy.effective_from,
        end=policy_end(policy),
        day=policy.effective_from,
        directive=policy.directive,
    )
    over: dict = {}
    for table in planned_day_tables(scope).values():
        for row in table:
            if row.over_cap and row.policy is not None and row.policy.pk == policy.pk:
                over.setdefault(row.agency, []).append(row)
    if not over:
        return 0
    change = policy.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0
    managers = users_by_agency(agency_ids=[agency.pk for agency in over], roles=AGENCY_MANAGER_ROLES)
    recorded = 0
    with translation.override(settings.LANGUAGE_CODE):
        for agency, rows in over.items():
            values = {
                "number": policy.directive.number,
                "agency": agency.name,
                "days": len(rows),
                "share": policy.ratio_display,
            }
            recorded += len(
                notify(
                    recipients=managers.get(agency.pk, []),
                    kind=NotificationKind.POLICY_OVER_CAP,
                    subject=f"agency:{agency.pk}",
                    period=f"policy:{policy.pk}:{change}",
                    title=_("%(number)s: %(agency)s is over the new cap (%(share)s) on %(days)s day(s)")
                    % values,
                    body="\n".join(
                        _("%(day)s: %(remote)s at home, at most %(cap)s (%(citation)s)")
                        % {
                            "day": row.day.strftime("%d/%m/%Y"),
                            "remote": row.remote,
                            "cap": row.cap,
                            "citation": policy.cap_citation,
                        }
                        for row in rows
                    ),
                    link=_week_url(agency, rows[0].day),
                )
            )
    return recorded
