"""Every write of assignments and progress reports: one service per write, each called by the pages, the API
and the admin alike. Refusals are ValidationErrors keyed by the field they concern."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from directives.documents.validators import validate_evidence_upload
from staffing.registry.models import period_covers
from staffing.registry.roles import roles_for
from tthc.calendar.working_days import add_working_days
from tthc.dossiers.models import Dossier

from .constants import FINAL_STATUSES, Action, AssignmentStatus, Quality
from .models import Assignment, Deputy, ProgressReport, StallThresholds
from .reminders import assignment_returned_notify


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def is_deputy(user, agency) -> bool:
    staff_id = roles_for(user).staff_member_id
    return bool(staff_id) and Deputy.objects.filter(agency=agency, staff_id=staff_id).exists()


def may_assign(user, agency) -> bool:
    """Heads and commune chairmen assign their agency's work, and the deputies they name (the district
    office may act for them)."""
    return roles_for(user).can_manage_agency(agency.pk) or is_deputy(user, agency)


@transaction.atomic
def deputy_name(*, agency, actor, member) -> Deputy:
    """The head names a staff member of the agency, with an account, to assign and review in their stead."""
    if not roles_for(actor).can_manage_agency(agency.pk):
        raise PermissionDenied
    if member.agency_id != agency.pk:
        raise ValidationError(
            {
                "staff": ValidationError(
                    _("%(name)s is not on the staff of %(agency)s.")
                    % {"name": member.full_name, "agency": agency}
                )
            }
        )
    if not member.user_id:
        raise ValidationError(
            {
                "staff": ValidationError(
                    _("%(name)s has no account to sign in with.") % {"name": member.full_name}
                )
            }
        )
    deputy, _created = Deputy.objects.get_or_create(agency=agency, staff=member, defaults={"named_by": actor})
    return deputy


@transaction.atomic
def deputy_remove(*, deputy, actor) -> None:
    if not roles_for(actor).can_manage_agency(deputy.agency_id):
        raise PermissionDenied
    deputy._history_user = actor
    deputy.delete()


def _own_staff_id(user):
    return roles_for(user).staff_member_id


def _assignee_errors(agency, lead, supporters, start, due) -> dict:
    errors = {}
    for field, people in (("lead", [lead] if lead else []), ("supporters", supporters)):
        for member in people:
            if member.agency_id != agency.pk:
                errors[field] = ValidationError(
                    _("%(name)s is not on the staff of %(agency)s.")
                    % {"name": member.full_name, "agency": agency},
                    code="not_of_agency",
                )
            elif (
                start
                and due
                and not (
                    period_covers(member.active_from, member.active_until, start)
                    and period_covers(member.active_from, member.active_until, due)
                )
            ):
                errors[field] = ValidationError(
                    _("%(name)s is not on the payroll from %(start)s to %(due)s.")
                    % {"name": member.full_name, "start": _day(start), "due": _day(due)},
                    code="not_active",
                )
    if lead and lead in supporters:
        errors["supporters"] = ValidationError(
            _("The lead assignee cannot also be a supporting assignee."), code="lead_is_supporter"
        )
    return errors


def _task_errors(*, agency, start_date, due_date, statutory, legal_basis, attachment, dossier_code) -> dict:
    """What is wrong with the task itself, whoever leads it: checked once for all its leads."""
    errors = {}
    code = (dossier_code or "").strip()
    if code and not Dossier.objects.filter(agency=agency, code__iexact=code).exists():
        errors["dossier_code"] = ValidationError(
            _("No dossier %(code)s was received by %(agency)s.") % {"code": code, "agency": agency},
            code="unknown_dossier",
        )
    if due_date is None:
        errors["due_date"] = ValidationError(
            _("Give the due date, or the number of working days."), code="required"
        )
    elif start_date and due_date < start_date:
        errors["due_date"] = ValidationError(
            _("The due date cannot be before the start date (%(start)s).") % {"start": _day(start_date)},
            code="due_before_start",
        )
    if statutory and not (legal_basis or "").strip():
        errors["legal_basis"] = ValidationError(
            _("Name the law that sets the time limit, for example “Điều 61 Luật Đất đai”."),
            code="legal_basis_required",
        )
    if attachment:
        try:
            validate_evidence_upload(attachment)
        except ValidationError as error:
            errors["attachment"] = error
    return errors


@transaction.atomic
def assignment_create(
    *,
    agency,
    actor,
    title: str,
    leads: list,
    start_date: datetime.date,
    due_date: datetime.date | None = None,
    due_in_working_days: int | None = None,
    description: str = "",
    supporters=(),
    priority: str = "normal",
    statutory: bool = False,
    legal_basis: str = "",
    dossier_code: str = "",
    attachment=None,
) -> list[Assignment]:
    """One assignment per lead (several leads: the same task handed to each of them). The due date is given,
    or counted in working days from the start on the district's working-day calendar."""
    if not may_assign(actor, agency):
        raise PermissionDenied
    supporters = list(supporters)
    if due_in_working_days and start_date:
        due_date = add_working_days(start_date, due_in_working_days)
    errors = _task_errors(
        agency=agency,
        start_date=start_date,
        due_date=due_date,
        statutory=statutory,
        legal_basis=legal_basis,
        attachment=attachment,
        dossier_code=dossier_code,
    )
    if not leads:
        errors["leads"] = ValidationError(_("Choose at least one person to lead the work."), code="required")
    for lead in leads:
        others = [s for s in supporters if s != lead] if len(leads) > 1 else supporters
        found = _assignee_errors(agency, lead, others, start_date, due_date)
        if "lead" in found:
            found["leads"] = found.pop("lead")
        errors.update({key: value for key, value in found.items() if key not in errors})
    if errors:
        raise ValidationError(errors)
    created = []
    for lead in leads:
        assignment = Assignment(
            agency=agency,
            title=title.strip(),
            description=description,
            assigned_by=actor,
            lead=lead,
            start_date=start_date,
            due_date=due_date,
            priority=priority,
            statutory=statutory,
            legal_basis=legal_basis.strip() if statutory else "",
            dossier_code=dossier_code.strip(),
        )
        if attachment:
            assignment.attachment = attachment
        assignment._history_user = actor
        assignment.save()
        assignment.supporters.set([s for s in supporters if s != lead])
        created.append(assignment)
    return created


def _lock(assignment) -> Assignment:
    return Assignment.objects.select_for_update().select_related("agency", "lead").get(pk=assignment.pk)


def is_assignee(assignment, staff_id) -> bool:
    """The lead or a supporting assignee: the people who report on the work."""
    return staff_id is not None and (
        assignment.lead_id == staff_id or any(member.pk == staff_id for member in assignment.supporters.all())
    )


TRANSITIONS = {
    Action.START: ((AssignmentStatus.ASSIGNED,), AssignmentStatus.IN_PROGRESS),
    Action.SUBMIT: ((AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS), AssignmentStatus.SUBMITTED),
    Action.ACCEPT: ((AssignmentStatus.SUBMITTED,), AssignmentStatus.ACCEPTED),
    Action.RETURN: ((AssignmentStatus.SUBMITTED,), AssignmentStatus.IN_PROGRESS),
    Action.CANCEL: (
        (AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.SUBMITTED),
        AssignmentStatus.CANCELLED,
    ),
}
REVIEW_ACTIONS = (Action.ACCEPT, Action.RETURN, Action.CANCEL)


def allowed_actions(assignment, user) -> list[str]:
    """The actions this user may take on the assignment now (the buttons a page shows)."""
    staff_id = _own_staff_id(user)
    actions = []
    for action, (sources, _target) in TRANSITIONS.items():
        if assignment.status not in sources:
            continue
        if action in REVIEW_ACTIONS:
            if may_assign(user, assignment.agency) and assignment.lead_id != staff_id:
                actions.append(action)
        elif (
            action == Action.START
            and is_assignee(assignment, staff_id)
            or action == Action.SUBMIT
            and assignment.lead_id == staff_id
        ):
            actions.append(action)
    return actions


@transaction.atomic
def assignment_act(
    *, assignment, actor, action: str, comment: str = "", quality: str = "", on: datetime.date | None = None
) -> Assignment:
    """Move an assignment on: start, submit for review, accept (with a quality rating), return with a
    comment (back to in progress), or cancel with a reason. `on` dates a submission or an acceptance
    recorded afterwards (the demo's June 2021); pages and the API act now."""
    assignment = _lock(assignment)
    if action not in TRANSITIONS:
        raise ValidationError({"action": ValidationError(_("Unknown action."), code="unknown_action")})
    sources, target = TRANSITIONS[action]
    if (
        action in REVIEW_ACTIONS
        and assignment.lead_id == _own_staff_id(actor)
        and may_assign(actor, assignment.agency)
    ):
        raise ValidationError(
            {"action": ValidationError(_("You cannot review your own work."), code="own_work")}
        )
    if action not in allowed_actions(assignment, actor):
        if assignment.status not in sources:
            raise ValidationError(
                {
                    "action": ValidationError(
                        _("This assignment is %(status)s: it cannot be moved on that way.")
                        % {"status": assignment.get_status_display().lower()},
                        code="wrong_status",
                    )
                }
            )
        raise PermissionDenied
    comment = (comment or "").strip()
    if action == Action.ACCEPT and quality not in Quality.values:
        raise ValidationError(
            {"quality": ValidationError(_("Rate the quality of the work."), code="required")}
        )
    if action in (Action.RETURN, Action.CANCEL) and not comment:
        message = (
            _("Say what needs to change.")
            if action == Action.RETURN
            else _("Give the reason for cancelling.")
        )
        raise ValidationError({"comment": ValidationError(message, code="required")})
    assignment.status = target
    if action == Action.SUBMIT:
        assignment.submitted_at = (
            timezone.make_aware(datetime.datetime.combine(on, datetime.time(17))) if on else timezone.now()
        )
    elif action == Action.ACCEPT:
        assignment.quality = quality
        assignment.accepted_on = on or timezone.localdate()
        assignment.percent_complete = 100
        assignment.review_comment = comment
    elif action == Action.RETURN:
        assignment.review_comment = comment
    elif action == Action.CANCEL:
        assignment.cancel_reason = comment
    assignment._history_user = actor
    assignment.save()
    if action == Action.RETURN:
        assignment_returned_notify(assignment=assignment, actor=actor)
    return assignment


@transaction.atomic
def progress_report(
    *, assignment, actor, percent_complete: int, done: str, next_steps: str = "", attachment=None, day=None
) -> ProgressReport:
    """An assignee reports progress and results to the head (clause 2): a started assignment stays in
    progress, an assigned one starts."""
    assignment = _lock(assignment)
    staff_id = _own_staff_id(actor)
    if not is_assignee(assignment, staff_id):
        raise PermissionDenied
    errors = {}
    if assignment.status in FINAL_STATUSES or assignment.status == AssignmentStatus.SUBMITTED:
        errors["assignment"] = ValidationError(
            _("This assignment is %(status)s: progress is no longer reported on it.")
            % {"status": assignment.get_status_display().lower()},
            code="closed",
        )
    if percent_complete is None or not 0 <= percent_complete <= 100:
        errors["percent_complete"] = ValidationError(_("Give a share from 0 to 100."), code="out_of_range")
    if not (done or "").strip():
        errors["done"] = ValidationError(_("Say what was done."), code="required")
    if attachment:
        try:
            validate_evidence_upload(attachment)
        except ValidationError as error:
            errors["attachment"] = error
    if errors:
        raise ValidationError(errors)
    day = day or timezone.localdate()
    report = ProgressReport(
        assignment=assignment,
        staff_id=staff_id,
        day=day,
        percent_complete=percent_complete,
        done=done.strip(),
        next_steps=(next_steps or "").strip(),
    )
    if attachment:
        report.attachment = attachment
    report._history_user = actor
    report.save()
    if assignment.status == AssignmentStatus.ASSIGNED:
        assignment.status = AssignmentStatus.IN_PROGRESS
    if assignment.last_report_on is None or day >= assignment.last_report_on:
        # The latest report says how far the work is; an older one sent late changes nothing.
        assignment.percent_complete = percent_complete
        assignment.last_report_on = day
    assignment._history_user = actor
    assignment.save()
    return report


@transaction.atomic
def stall_thresholds_set(*, actor, due_within_working_days: int, silent_days: int) -> StallThresholds:
    if not roles_for(actor).is_district_manager:
        raise PermissionDenied
    thresholds = StallThresholds.objects.select_for_update().order_by("pk").first() or StallThresholds()
    thresholds.due_within_working_days = due_within_working_days
    thresholds.silent_days = silent_days
    thresholds.full_clean()
    thresholds._history_user = actor
    thresholds.save()
    return thresholds
