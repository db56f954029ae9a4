"""Every write of obligations: creating them, each agency's answer, the office's closing and waivers, and the
reminders. Each function checks its rules and raises ValidationError before anything is saved."""

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from directives.documents.models import Clause, Document
from directives.documents.services import by_user, field_error, normalise
from directives.documents.validators import validate_evidence_upload
from staffing.outbox.services import deliver_now, message_enqueue
from staffing.registry.constants import AgencyKind
from staffing.registry.roles import roles_for

from .constants import OVERDUE_REMINDER_WEEKS, ObligationState
from .models import AgencyObligation, Obligation, ReminderLog
from .selectors import obligation_cell, obligations_needing_reminder, reminder_recipients

logger = logging.getLogger(__name__)


# Obligations -------------------------------------------------------------------------------------


@transaction.atomic
def obligation_create(
    *,
    clause: Clause,
    user=None,
    title: str,
    due_on: datetime.date,
    description: str = "",
    agency_kinds: Iterable[str] = (),
    agencies: Iterable = (),
) -> Obligation:
    """An obligation of a clause for the agencies it addresses (none chosen: every agency)."""
    document = Document.objects.select_for_update().get(pk=clause.document_id)
    if document.is_revoked:
        raise ValidationError(
            _("Document %(number)s is revoked: it creates no new obligations.") % {"number": document.number},
            code="document_revoked",
        )
    title = normalise(title)
    errors: dict[str, str] = {}
    if due_on is None:
        errors["due_on"] = _("Enter the due date.")
    elif due_on < document.issued_on:
        errors["due_on"] = _("The due date cannot be before the document was issued (%(day)s).") % {
            "day": document.issued_on.strftime("%d/%m/%Y")
        }
    agency_kinds = sorted(set(agency_kinds or ()))
    if set(agency_kinds) - set(AgencyKind.values):
        errors["agency_kinds"] = _("Choose agency kinds from the list.")
    if title and Obligation.objects.filter(clause=clause, title__iexact=title).exists():
        errors["title"] = _("Clause %(number)s already has an obligation with this title.") % {
            "number": clause.number
        }
    if errors:
        raise ValidationError(errors, code="invalid_obligation")
    obligation = Obligation(
        clause=clause,
        title=title,
        description=(description or "").strip(),
        due_on=due_on,
        agency_kinds=agency_kinds,
        created_by=user,
    )
    obligation.full_clean()
    by_user(obligation, user).save()
    obligation.agencies.set(list(agencies or ()))
    return obligation


def _check_may_act(*, user, agency) -> None:
    # Only the agency's own head (or commune chairman) answers for it: clause 4 asks the heads themselves.
    if agency.pk not in roles_for(user).managed_agency_ids:
        raise PermissionDenied(_("Only the head of %(agency)s may act for it.") % {"agency": agency})


def _check_addressed(*, obligation: Obligation, agency) -> None:
    if not obligation.clause.document.is_published or not obligation.addresses(agency):
        raise ValidationError(
            _("This obligation is not addressed to %(agency)s.") % {"agency": agency}, code="not_addressed"
        )


def _check_still_required(*, obligation: Obligation, agency) -> None:
    # Read afresh: the office may have closed the follow-up since the caller loaded the obligation.
    cell = obligation_cell(obligation=Obligation.objects.get(pk=obligation.pk), agency=agency)
    if cell.state == ObligationState.CLOSED:
        raise ValidationError(
            _("This obligation is no longer required of %(agency)s. %(reason)s")
            % {"agency": agency, "reason": cell.reason},
            code="not_required",
        )


def _acknowledgement_errors(
    *, obligation: Obligation, status: AgencyObligation, acknowledged_on, method, evidence_text, evidence_file
) -> dict[str, list]:
    """What is missing or wrong in an acknowledgement: the date (not future, not before the document),
    how it was disseminated, and the evidence (a text or a PDF/PNG/JPEG file, or a file already given)."""
    issued_on = obligation.clause.document.issued_on
    errors: dict[str, list] = {}
    if acknowledged_on is None:
        errors["acknowledged_on"] = [_("Enter the date.")]
    elif acknowledged_on > timezone.localdate():
        errors["acknowledged_on"] = [_("The date cannot be in the future.")]
    elif acknowledged_on < issued_on:
        errors["acknowledged_on"] = [
            _("The date cannot be before the document was issued (%(day)s).")
            % {"day": issued_on.strftime("%d/%m/%Y")}
        ]
    if not method:
        errors["method"] = [_("Choose how the obligation was disseminated.")]
    if evidence_file:
        try:
            validate_evidence_upload(evidence_file)
        except ValidationError as exc:
            errors["evidence_file"] = exc.error_list
    elif not evidence_text and not status.evidence_file:
        errors["evidence_text"] = [_("Describe the evidence or attach a file.")]
    return errors


@transaction.atomic
def obligation_acknowledge(
    *,
    obligation: Obligation,
    agency,
    user,
    acknowledged_on: datetime.date,
    method: str,
    evidence_text: str = "",
    evidence_file=None,
) -> AgencyObligation:
    """Record how and when the agency disseminated the obligation (quán triệt, phổ biến), with evidence."""
    _check_may_act(user=user, agency=agency)
    _check_addressed(obligation=obligation, agency=agency)
    _check_still_required(obligation=obligation, agency=agency)
    status, _created = AgencyObligation.objects.select_for_update().get_or_create(
        obligation=obligation, agency=agency
    )
    if status.done_at:
        raise ValidationError(_("This obligation is already done."), code="already_done")
    evidence_text = (evidence_text or "").strip()
    errors = _acknowledgement_errors(
        obligation=obligation,
        status=status,
        acknowledged_on=acknowledged_on,
        method=method,
        evidence_text=evidence_text,
        evidence_file=evidence_file,
    )
    if errors:
        raise ValidationError(errors, code="invalid_acknowledgement")
    status.acknowledged_on = acknowledged_on
    status.method = method
    status.evidence_text = evidence_text
    if evidence_file:
        status.evidence_file = evidence_file
    status.acknowledged_by = user
    status.full_clean()
    by_user(status, user).save()
    return status


@transaction.atomic
def obligation_mark_done(
    *, obligation: Obligation, agency, user, note: str = "", done_on: datetime.date | None = None
) -> AgencyObligation:
    """Record the day the agency carried the obligation out (today unless it reports an earlier day)."""
    _check_may_act(user=user, agency=agency)
    _check_addressed(obligation=obligation, agency=agency)
    _check_still_required(obligation=obligation, agency=agency)
    status = AgencyObligation.objects.select_for_update().filter(obligation=obligation, agency=agency).first()
    if status is None or not status.acknowledged_on:
        raise ValidationError(
            _("Acknowledge the obligation (date, how, evidence) before marking it done."),
            code="not_acknowledged",
        )
    if status.done_at:
        raise ValidationError(_("This obligation is already done."), code="already_done")
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise field_error("done_on", _("The date cannot be in the future."), "future_date")
    if done_on < status.acknowledged_on:
        raise field_error(
            "done_on",
            _("The obligation cannot be done before it was disseminated (%(day)s).")
            % {"day": status.acknowledged_on.strftime("%d/%m/%Y")},
            "done_before_acknowledged",
        )
    status.done_on = done_on
    status.done_at = timezone.now()
    status.done_by = user
    status.done_note = (note or "").strip()
    status.full_clean()
    by_user(status, user).save()
    return status


def _required_reason(reason: str, field: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise field_error(field, _("Give the reason, so the agencies and leadership know why."), "required")
    return reason


@transaction.atomic
def obligation_close(*, obligation: Obligation, user, reason: str) -> Obligation:
    """Stop following an obligation up for every agency (no more reminders; "no longer required")."""
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if obligation.closed_at:
        raise ValidationError(_("The follow-up of this obligation is already closed."), code="already_closed")
    obligation.closure_reason = _required_reason(reason, "reason")
    obligation.closed_at = timezone.now()
    obligation.closed_by = user
    obligation.full_clean()
    by_user(obligation, user).save(update_fields=["closed_at", "closed_by", "closure_reason"])
    return obligation


@transaction.atomic
def obligation_reopen(*, obligation: Obligation, user) -> Obligation:
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if not obligation.closed_at:
        raise ValidationError(_("The follow-up of this obligation is not closed."), code="not_closed")
    obligation.closed_at, obligation.closed_by, obligation.closure_reason = None, None, ""
    by_user(obligation, user).save(update_fields=["closed_at", "closed_by", "closure_reason"])
    return obligation


@transaction.atomic
def obligation_waive(*, obligation: Obligation, agency, user, reason: str) -> AgencyObligation:
    """Excuse one agency from an obligation (for example a unit with no office of its own to check)."""
    _check_addressed(obligation=obligation, agency=agency)
    reason = _required_reason(reason, "reason")
    status, _created = AgencyObligation.objects.select_for_update().get_or_create(
        obligation=obligation, agency=agency
    )
    if status.done_at:
        raise ValidationError(_("This obligation is already done."), code="already_done")
    if status.waived_at:
        raise ValidationError(
            _("%(agency)s is already waived from this obligation.") % {"agency": agency},
            code="already_waived",
        )
    status.waived_at = timezone.now()
    status.waived_by = user
    status.waiver_reason = reason
    status.full_clean()
    by_user(status, user).save()
    return status


@transaction.atomic
def obligation_waiver_cancel(*, obligation: Obligation, agency, user) -> AgencyObligation:
    status = AgencyObligation.objects.select_for_update().filter(obligation=obligation, agency=agency).first()
    if status is None or not status.waived_at:
        raise ValidationError(
            _("%(agency)s is not waived from this obligation.") % {"agency": agency}, code="not_waived"
        )
    status.waived_at, status.waived_by, status.waiver_reason = None, None, ""
    by_user(status, user).save()
    return status


# Reminders ---------------------------------------------------------------------------------------


def _insert_logs(rows: list[ReminderLog]) -> list[ReminderLog] | None:
    """Insert the rows together, or none of them (None) when another run already wrote one."""
    try:
        with transaction.atomic():
            return ReminderLog.objects.bulk_create(rows)
    except IntegrityError:
        return None


def _claim_reminders(due: dict, *, day: datetime.date) -> dict:
    """{agency: [(obligation, log row)]} for the rows this run wrote; a second run (or a second worker) finds
    them written and sends nothing.

    Everything goes in one insert; only when another run got there first are the rows tried agency by
    agency, then one by one, to keep whichever that run left unclaimed.
    """
    pairs = [(agency, obligation) for agency, obligations in due.items() for obligation in obligations]
    claimed = defaultdict(list)
    if _insert_logs([ReminderLog(obligation=o, agency=a, day=day) for a, o in pairs]) is not None:
        for agency, obligation in pairs:
            claimed[agency].append(obligation)
    else:
        for agency, obligations in due.items():
            if (
                _insert_logs([ReminderLog(obligation=o, agency=agency, day=day) for o in obligations])
                is not None
            ):
                claimed[agency] = list(obligations)
                continue
            for obligation in obligations:
                if _insert_logs([ReminderLog(obligation=obligation, agency=agency, day=day)]) is not None:
                    claimed[agency].append(obligation)
    return claimed


def obligation_reminders_send(*, day: datetime.date) -> int:
    """E-mail each agency's heads about obligations coming due or overdue, on the days
    `obligations_needing_reminder` picks (never for obligations done or no longer required); returns the
    number of agencies whose reminders were put in the outbox now.

    The day's log rows are claimed first (committed); then, per agency, the rows are marked and one outbox
    message per head is committed with them (key: the day, the agency and the address). Delivery happens
    after the commit, outside any transaction, retried by the outbox if the mail server is down; a second
    run or a second worker finds the rows (and the keys) and sends nothing.
    """
    due = defaultdict(list)
    for cell in obligations_needing_reminder(day=day):
        due[cell.agency].append(cell.obligation)
    claimed = _claim_reminders(due, day=day)
    if not claimed:
        return 0
    recipients_by_agency = reminder_recipients(agencies=list(claimed))
    sent = 0
    enqueued = []
    for agency, obligations in claimed.items():
        recipients = recipients_by_agency.get(agency.pk, [])
        logs = ReminderLog.objects.filter(agency=agency, day=day, obligation__in=obligations)
        logs.update(recipients=", ".join(recipients))
        if not recipients:
            continue
        context = {
            "agency": agency,
            "day": day,
            "items": [
                {"obligation": obligation, "overdue": obligation.due_on < day} for obligation in obligations
            ],
            "site_name": settings.DISTRICT_NAME,
            "overdue_weeks": OVERDUE_REMINDER_WEEKS,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string("emails/directives_obligation_reminder_subject.txt", context)
            body = render_to_string("emails/directives_obligation_reminder.txt", context)
        with transaction.atomic():
            for address in recipients:
                message, created = message_enqueue(
                    key=f"obligation_reminder:{day.isoformat()}:{agency.pk}:{address.lower()}",
                    kind="obligation_reminder",
                    to=address,
                    subject=subject,
                    text=body,
                )
                if created:
                    enqueued.append(message)
            logs.update(sent_at=timezone.now())
        sent += 1
    deliver_now(enqueued)
    return sent
