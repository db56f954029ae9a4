"""Notices of assigned work (clause 2 of 2629/UBND: home workers report progress every day; no work may
stall): the 16:30 notice to a home worker who sent no progress report, the 07:45 notice of work due by the
next working day or overdue, and the notice to the assignees of work their head returned."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.registry.constants import AGENCY_MANAGER_ROLES, Role
from staffing.registry.selectors import district_users, users_by_agency
from tthc.calendar.working_days import add_working_days, is_working_day

from .selectors import assignees_with_work_due, stalled_statutory_work, unreported_home_workers


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def no_report_notify(*, day: datetime.date) -> int:
    """On a working day, tell each home worker with an account who sent no progress report that day;
    returns the notifications recorded."""
    if not is_working_day(day):
        return 0
    recorded = 0
    link = reverse("assignments:mine")
    with translation.override(settings.LANGUAGE_CODE):
        for member in unreported_home_workers(day):
            recorded += len(
                notify(
                    recipients=[member.user_id],
                    kind=NotificationKind.NO_REPORT_TODAY,
                    subject=f"staff:{member.pk}",
                    period=day.isoformat(),
                    title=_("No progress report today (%(day)s)") % {"day": _day(day)},
                    body=_(
                        "You work from home today: report your progress and results to your head before "
                        "the end of the day."
                    ),
                    link=link,
                )
            )
    return recorded


def assignments_due_notify(*, day: datetime.date) -> int:
    """On a working day, tell each assignee of open work due by the next working day or already overdue
    (one notice per person and day, listing the work); returns the notifications recorded."""
    if not is_working_day(day):
        return 0
    due_by = add_working_days(day, 1)
    recorded = 0
    link = reverse("assignments:mine")
    with translation.override(settings.LANGUAGE_CODE):
        for user_id, assignments in assignees_with_work_due(today=day, due_by=due_by).items():
            overdue = [a for a in assignments if a.due_date < day]
            lines = [
                (_("Overdue since %(due)s: %(title)s") if a.due_date < day else _("Due %(due)s: %(title)s"))
                % {"due": _day(a.due_date), "title": a.title}
                for a in assignments
            ]
            recorded += len(
                notify(
                    recipients=[user_id],
                    kind=NotificationKind.ASSIGNMENTS_DUE,
                    subject=f"user:{user_id}",
                    period=day.isoformat(),
                    title=_("%(due)s assignments due by %(day)s, %(overdue)s overdue")
                    % {"due": len(assignments) - len(overdue), "day": _day(due_by), "overdue": len(overdue)},
                    body="\n".join(lines),
                    link=link,
                )
            )
    return recorded


def _stalled_line(assignment, day: datetime.date) -> str:
    if assignment.due_date < day:
        line = _("Overdue since %(due)s: %(title)s") % {
            "due": _day(assignment.due_date),
            "title": assignment.title,
        }
    else:
        line = _("Due %(due)s, no recent progress report: %(title)s") % {
            "due": _day(assignment.due_date),
            "title": assignment.title,
        }
    if assignment.legal_basis:
        line += f" ({assignment.legal_basis})"
    return line


def stalled_work_notify(*, day: datetime.date) -> int:
    """On a working day, tell the heads and commune chairmen of each agency whose work with a time limit set
    by law is stalling (one notice per person, agency and day, listing the work), and the district office
    (one notice per person and day, the count per agency); returns the notifications recorded."""
    if not is_working_day(day):
        return 0
    by_agency: dict = {}
    for assignment in stalled_statutory_work(today=day):
        by_agency.setdefault(assignment.agency, []).append(assignment)
    if not by_agency:
        return 0
    managers = users_by_agency(agency_ids=[agency.pk for agency in by_agency], roles=AGENCY_MANAGER_ROLES)
    recorded = 0
    with translation.override(settings.LANGUAGE_CODE):
        for agency, assignments in by_agency.items():
            recorded += len(
                notify(
                    recipients=managers.get(agency.pk, []),
                    kind=NotificationKind.STALLED_WORK,
                    subject=f"agency:{agency.pk}",
                    period=day.isoformat(),
                    title=_("%(agency)s: %(count)s statutory assignments stalled")
                    % {"agency": agency.name, "count": len(assignments)},
                    body="\n".join(_stalled_line(assignment, day) for assignment in assignments),
                    link=reverse("assignments:board", args=[agency.pk]),
                )
            )
        total = sum(len(assignments) for assignments in by_agency.values())
        recorded += len(
            notify(
                recipients=district_users(roles=[Role.DISTRICT_OFFICE]),
                kind=NotificationKind.STALLED_WORK,
                subject="district",
                period=day.isoformat(),
                title=_("%(day)s: %(count)s statutory assignments stalled in %(agencies)s agencies")
                % {"day": _day(day), "count": total, "agencies": len(by_agency)},
                body="\n".join(
                    f"{agency.name}: {len(assignments)}" for agency, assignments in by_agency.items()
                ),
                link=reverse("assignments:stalled"),
            )
        )
    return recorded


def assignment_returned_notify(*, assignment, actor) -> int:
    """Inside assignment_act's transaction: the lead and supporters hear that the work came back, and why.
    Each return is its own notice (its moment is the period)."""
    users = [assignment.lead.user_id, *assignment.supporters.values_list("user_id", flat=True)]
    recipients = [pk for pk in users if pk and pk != actor.pk]
    with translation.override(settings.LANGUAGE_CODE):
        recorded = notify(
            recipients=recipients,
            kind=NotificationKind.ASSIGNMENT_RETURNED,
            subject=f"assignment:{assignment.pk}",
            period=timezone.localtime().strftime("%Y%m%dT%H%M%S"),
            title=_("Returned to you: %(title)s") % {"title": assignment.title},
            body=_("%(head)s returned the work: %(comment)s")
            % {"head": actor.get_full_name() or actor.get_username(), "comment": assignment.review_comment},
            link=reverse("assignments:detail", args=[assignment.pk]),
        )
    return len(recorded)
