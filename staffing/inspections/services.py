"""Every write of inspection teams: one service per write, called by the pages, the API and the admin alike.

Clause 2, third dash of 2629/UBND: while the policy in force restricts inspections, a team not marked
necessary cannot start or resume (its head suspends it), and a necessary team keeps within the policy's
maximum number of participants. Refusals are ValidationErrors keyed by the field they concern."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from staffing.registry.models import period_covers

from .constants import EDITABLE_STATUSES, Action, Necessity, TeamStatus
from .models import InspectionTeam, OutsideParticipant
from .selectors import MAX_PERIOD_DAYS, may_manage, restriction_on, tightest_cap


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def cap_message(*, cap: int, count: int, policy) -> str:
    return _(
        "At most %(cap)d people may take part in a necessary inspection team under %(citation)s: "
        "this team has %(count)d."
    ) % {"cap": cap, "count": count, "citation": policy.inspections_citation}


def _cap_error(*, agency, start, end, count):
    found = tightest_cap(agency=agency, start=start, end=end)
    if found is None or count <= found[0]:
        return None
    cap, policy = found
    return ValidationError(cap_message(cap=cap, count=count, policy=policy), code="over_cap")


def team_check(
    *,
    agency,
    planned_start,
    planned_end,
    necessity: str,
    necessity_reason: str = "",
    participants=(),
    outsiders=(),
    decision_date=None,
    team=None,
) -> None:
    """Every rule of a team's fields, without writing (the admin's form runs it before its save)."""
    errors = {}
    if team is not None and team.status not in EDITABLE_STATUSES:
        errors["__all__"] = ValidationError(
            _("This team is %(status)s: it can no longer be changed.")
            % {"status": team.get_status_display().lower()},
            code="closed",
        )
    if planned_start and planned_end:
        if planned_end < planned_start:
            errors["planned_end"] = ValidationError(
                _("The planned end cannot be before the planned start (%(start)s).")
                % {"start": _day(planned_start)},
                code="end_before_start",
            )
        elif (planned_end - planned_start).days >= MAX_PERIOD_DAYS:
            errors["planned_end"] = ValidationError(
                _("A team's period is at most %(days)d days.") % {"days": MAX_PERIOD_DAYS}, code="too_long"
            )
    if decision_date and planned_start and decision_date > planned_start:
        errors["decision_date"] = ValidationError(
            _("The decision that sets the team up comes before its start (%(start)s).")
            % {"start": _day(planned_start)},
            code="decision_after_start",
        )
    if necessity not in Necessity.values:
        errors["necessity"] = ValidationError(_("Say whether the team is necessary."), code="required")
    elif necessity == Necessity.NECESSARY and not (necessity_reason or "").strip():
        errors["necessity_reason"] = ValidationError(
            _("Give the reason the team is necessary."), code="required"
        )
    participants = list(participants)
    outsiders = list(outsiders)
    for member in participants:
        if (
            planned_start
            and planned_end
            and not (
                period_covers(member.active_from, member.active_until, planned_start)
                and period_covers(member.active_from, member.active_until, planned_end)
            )
        ):
            errors["participants"] = ValidationError(
                _("%(name)s is not on the payroll from %(start)s to %(end)s.")
                % {"name": member.full_name, "start": _day(planned_start), "end": _day(planned_end)},
                code="not_active",
            )
    if any(not (row.get("full_name") or "").strip() for row in outsiders):
        errors["outsiders"] = ValidationError(
            _("Give the full name of each outside participant."), code="required"
        )
    count = len(set(participants)) + len(outsiders)
    if not count and "participants" not in errors:
        errors["participants"] = ValidationError(_("Name at least one participant."), code="required")
    if (
        "participants" not in errors
        and necessity == Necessity.NECESSARY
        and planned_start
        and planned_end
        and planned_end >= planned_start
    ):
        over = _cap_error(agency=agency, start=planned_start, end=planned_end, count=count)
        if over is not None:
            errors["participants"] = over
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def team_save(
    *,
    agency,
    actor,
    kind: str,
    subject: str,
    inspected_organisation: str,
    decision_number: str,
    decision_date: datetime.date,
    planned_start: datetime.date,
    planned_end: datetime.date,
    necessity: str,
    necessity_reason: str = "",
    participants=(),
    outsiders=(),
    team: InspectionTeam | None = None,
) -> InspectionTeam:
    """Create a team (team=None) or change one; `outsiders` are {"full_name", "organisation"} rows and
    replace the team's outsiders. Refused, nothing is saved."""
    if not may_manage(actor, agency.pk) or (team is not None and team.agency_id != agency.pk):
        raise PermissionDenied
    if team is not None:
        team = InspectionTeam.objects.select_for_update().get(pk=team.pk)
    participants = list(dict.fromkeys(participants))
    outsiders = [
        {
            "full_name": (row.get("full_name") or "").strip(),
            "organisation": (row.get("organisation") or "").strip(),
        }
        for row in outsiders
    ]
    team_check(
        agency=agency,
        planned_start=planned_start,
        planned_end=planned_end,
        necessity=necessity,
        necessity_reason=necessity_reason,
        participants=participants,
        outsiders=outsiders,
        decision_date=decision_date,
        team=team,
    )
    creating = team is None
    team = team or InspectionTeam(agency=agency, created_by=actor)
    team.kind = kind
    team.subject = subject.strip()
    team.inspected_organisation = inspected_organisation.strip()
    team.decision_number = decision_number.strip()
    team.decision_date = decision_date
    team.planned_start = planned_start
    team.planned_end = planned_end
    team.necessity = necessity
    team.necessity_reason = necessity_reason.strip() if necessity == Necessity.NECESSARY else ""
    team._history_user = actor
    team._change_reason = Action.CREATE if creating else Action.EDIT
    team.save()
    team.participants.set(participants)
    current = [(o.full_name, o.organisation) for o in team.outsiders.order_by("pk")]
    if current != [(row["full_name"], row["organisation"]) for row in outsiders]:
        for old in team.outsiders.all():
            old._history_user = actor
            old.delete()
        for row in outsiders:
            outsider = OutsideParticipant(team=team, **row)
            outsider._history_user = actor
            outsider.save()
    return team


TRANSITIONS = {
    Action.START: (TeamStatus.PLANNED,),
    Action.SUSPEND: (TeamStatus.PLANNED, TeamStatus.ACTIVE),
    Action.RESUME: (TeamStatus.SUSPENDED,),
    Action.FINISH: (TeamStatus.ACTIVE,),
    Action.CANCEL: (TeamStatus.PLANNED, TeamStatus.ACTIVE, TeamStatus.SUSPENDED),
}


def allowed_actions(team, user) -> list[str]:
    """The buttons a page shows: the moves the status allows, for those who run the agency."""
    if not may_manage(user, team.agency_id):
        return []
    return [action for action, sources in TRANSITIONS.items() if team.status in sources]


def _restriction_error(team, day):
    """Why the team may not run that day, or None: not necessary, or over the cap of the policy in force."""
    policy = restriction_on(agency=team.agency, day=day)
    if policy is None:
        return None
    if not team.is_necessary:
        return ValidationError(
            _(
                "Inspections are restricted on %(day)s under %(citation)s: a team not marked necessary "
                "cannot run; it must be suspended until the policy lapses."
            )
            % {"day": _day(day), "citation": policy.inspections_citation},
            code="not_necessary",
        )
    count = team.participants.count() + team.outsiders.count()
    if policy.inspection_max_participants and count > policy.inspection_max_participants:
        return ValidationError(
            cap_message(cap=policy.inspection_max_participants, count=count, policy=policy), code="over_cap"
        )
    return None


@transaction.atomic
def team_act(*, team, actor, action: str, on: datetime.date | None = None) -> InspectionTeam:
    """Start, suspend, resume, finish or cancel a team, each in one step. `on` dates a move recorded for
    another day (the demo and tests); pages and the API act today."""
    team = InspectionTeam.objects.select_for_update().select_related("agency").get(pk=team.pk)
    if not may_manage(actor, team.agency_id):
        raise PermissionDenied
    if action not in TRANSITIONS:
        raise ValidationError({"action": ValidationError(_("Unknown action."), code="unknown_action")})
    if team.status not in TRANSITIONS[action]:
        raise ValidationError(
            {
                "action": ValidationError(
                    _("This team is %(status)s: it cannot be moved on that way.")
                    % {"status": team.get_status_display().lower()},
                    code="wrong_status",
                )
            }
        )
    day = on or timezone.localdate()
    if action in (Action.START, Action.RESUME):
        refusal = _restriction_error(team, day)
        if refusal is not None:
            raise ValidationError({"action": refusal})
    if action == Action.START:
        team.status, team.started_on = TeamStatus.ACTIVE, day
    elif action == Action.RESUME:
        team.status = TeamStatus.ACTIVE if team.started_on else TeamStatus.PLANNED
    elif action == Action.SUSPEND:
        team.status = TeamStatus.SUSPENDED
    elif action == Action.FINISH:
        team.status = TeamStatus.DONE
    else:
        team.status = TeamStatus.CANCELLED
    team._history_user = actor
    team._change_reason = action
    team.save()
    return team
