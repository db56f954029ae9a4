"""Every write of the directives register: documents, clauses, references, the policy, obligations.

Forms, the API, the admin and the demo all come through here; each function checks its rules and raises
ValidationError with a code (and the field it concerns) before anything is saved.
"""

import datetime
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffing.constants import AgencyKind, DutyGroup
from staffing.roles import roles_for

from .constants import (
    ORDERING_RELATIONS,
    OVERDUE_REMINDER_WEEKS,
    DocumentStatus,
    ObligationState,
    ReferenceRelation,
)
from .models import (
    AgencyObligation,
    Clause,
    Document,
    DocumentReference,
    Obligation,
    ReminderLog,
    WorkModePolicy,
)
from .selectors import obligation_cell, obligations_needing_reminder, reminder_recipients
from .validators import validate_evidence_upload, validate_pdf_upload

logger = logging.getLogger(__name__)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def _by(instance, user):
    """Name the user in the history row even outside a web request (API, demo, Celery)."""
    if user is not None:
        instance._history_user = user
    return instance


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _refuse_unless_draft(document: Document) -> None:
    if not document.is_draft:
        raise ValidationError(
            _(
                "Document %(number)s is already published: its text and clauses are frozen. "
                "Register a new document that amends it."
            )
            % {"number": document.number},
            code="document_frozen",
        )


def _check_number_free(*, number: str, issuer: str, year: int, exclude_pk=None) -> None:
    # Compared in Python: SQLite's LOWER() and LIKE fold only ASCII letters, and issuers are Vietnamese.
    key = (number.casefold(), issuer.casefold())
    same_year = (
        Document.objects.filter(issued_year=year).exclude(pk=exclude_pk).values_list("number", "issuer")
    )
    if any((n.casefold(), i.casefold()) == key for n, i in same_year):
        raise _field_error(
            "number",
            _("Number %(number)s from %(issuer)s in %(year)s is already registered.")
            % {"number": number, "issuer": issuer, "year": year},
            "duplicate_number",
        )


def _check_attachment(attachment) -> None:
    if not attachment:
        return
    try:
        validate_pdf_upload(attachment)
    except ValidationError as exc:
        raise ValidationError({"attachment": exc.error_list}) from exc


# Documents ---------------------------------------------------------------------------------------


@transaction.atomic
def document_create(
    *,
    user,
    kind: str,
    number: str,
    issuer: str,
    issued_on: datetime.date,
    subject: str,
    attachment=None,
    clauses: Sequence[dict] = (),
) -> Document:
    """Register a draft; `clauses` is a list of {"number", "text"} in reading order."""
    number, issuer = _normalise(number), _normalise(issuer)
    if issued_on:
        _check_number_free(number=number, issuer=issuer, year=issued_on.year)
    _check_attachment(attachment)
    document = Document(
        kind=kind,
        number=number,
        issuer=issuer,
        issued_on=issued_on,
        issued_year=issued_on.year if issued_on else 0,
        subject=(subject or "").strip(),
        status=DocumentStatus.DRAFT,
        created_by=user,
    )
    if attachment:
        document.attachment = attachment
    document.full_clean()
    _by(document, user).save()
    _clauses_set(document=document, clauses=clauses, user=user)
    return document


@transaction.atomic
def document_update(
    *,
    document: Document,
    user,
    kind: str,
    number: str,
    issuer: str,
    issued_on: datetime.date,
    subject: str,
    attachment=None,
    remove_attachment: bool = False,
    clauses: Sequence[dict] | None = None,
) -> Document:
    """Change a draft (published ones are frozen); `clauses`, when given, replaces the clause list.

    Each clause dict may carry the "id" of an existing clause and "delete": True to remove it.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    _refuse_unless_draft(document)
    number, issuer = _normalise(number), _normalise(issuer)
    if issued_on:
        _check_number_free(number=number, issuer=issuer, year=issued_on.year, exclude_pk=document.pk)
    _check_attachment(attachment)
    document.kind = kind
    document.number = number
    document.issuer = issuer
    document.issued_on = issued_on
    document.issued_year = issued_on.year if issued_on else 0
    document.subject = (subject or "").strip()
    if attachment:
        document.attachment = attachment
    elif remove_attachment:
        document.attachment = ""
    document.full_clean()
    _by(document, user).save()
    if clauses is not None:
        _clauses_set(document=document, clauses=clauses, user=user)
    return document


@transaction.atomic
def document_publish(*, document: Document, user) -> Document:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not document.is_draft:
        raise ValidationError(
            _("Only a draft can be published; %(number)s is %(status)s.")
            % {"number": document.number, "status": document.get_status_display().lower()},
            code="not_draft",
        )
    document.status = DocumentStatus.PUBLISHED
    document.published_at = timezone.now()
    document.published_by = user
    document.full_clean()
    _by(document, user).save(update_fields=["status", "published_at", "published_by", "updated_at"])
    return document


@transaction.atomic
def document_revoke(*, document: Document, user, revoked_on: datetime.date, reason: str = "") -> Document:
    """End a published document from `revoked_on`: its policy no longer applies from that day."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not document.is_published:
        raise ValidationError(
            _("Only a published document can be revoked; %(number)s is %(status)s.")
            % {"number": document.number, "status": document.get_status_display().lower()},
            code="not_published",
        )
    if revoked_on is None:
        raise _field_error("revoked_on", _("Enter the date the revocation takes effect."), "required")
    if revoked_on < document.issued_on:
        raise _field_error(
            "revoked_on",
            _("The revocation cannot take effect before the document was issued (%(day)s).")
            % {"day": document.issued_on.strftime("%d/%m/%Y")},
            "revoked_before_issue",
        )
    document.status = DocumentStatus.REVOKED
    document.revoked_on = revoked_on
    document.revoked_by = user
    document.revocation_reason = (reason or "").strip()
    document.full_clean()
    _by(document, user).save(
        update_fields=["status", "revoked_on", "revoked_by", "revocation_reason", "updated_at"]
    )
    return document


# Clauses -----------------------------------------------------------------------------------------


def _check_clause_number_free(*, document: Document, number: str, exclude_pk=None) -> None:
    clash = document.clauses.filter(number__iexact=number)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise _field_error(
            "number",
            _("Clause %(number)s already exists in this document.") % {"number": number},
            "duplicate_clause",
        )


@transaction.atomic
def clause_create(
    *, document: Document, number: str, text: str, position: int | None = None, user=None
) -> Clause:
    document = Document.objects.select_for_update().get(pk=document.pk)
    _refuse_unless_draft(document)
    number = _normalise(number)
    _check_clause_number_free(document=document, number=number)
    if position is None:
        position = document.clauses.count() + 1
    clause = Clause(document=document, number=number, text=(text or "").strip(), position=position)
    clause.full_clean()
    _by(clause, user).save()
    return clause


@transaction.atomic
def clause_update(
    *, clause: Clause, number: str, text: str, position: int | None = None, user=None
) -> Clause:
    document = Document.objects.select_for_update().get(pk=clause.document_id)
    _refuse_unless_draft(document)
    number = _normalise(number)
    _check_clause_number_free(document=document, number=number, exclude_pk=clause.pk)
    clause.number = number
    clause.text = (text or "").strip()
    if position is not None:
        clause.position = position
    clause.full_clean()
    _by(clause, user).save()
    return clause


@transaction.atomic
def clause_delete(*, clause: Clause, user=None) -> None:
    document = Document.objects.select_for_update().get(pk=clause.document_id)
    _refuse_unless_draft(document)
    if clause.obligations.exists():
        raise ValidationError(
            _("Clause %(number)s has obligations; remove them before removing the clause.")
            % {"number": clause.number},
            code="clause_has_obligations",
        )
    _by(clause, user).delete()


def _clauses_set(*, document: Document, clauses: Sequence[dict], user=None) -> None:
    kept = [c for c in clauses if not c.get("delete")]
    numbers = [_normalise(c["number"]).lower() for c in kept]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise _field_error(
            "clauses",
            _("Clause numbers must differ: %(numbers)s.") % {"numbers": ", ".join(duplicates)},
            "duplicate_clause",
        )
    existing = {c.pk: c for c in document.clauses.all()}
    for data in clauses:
        if data.get("delete") and data.get("id") in existing:
            clause_delete(clause=existing.pop(data["id"]), user=user)
    for position, data in enumerate(kept, start=1):
        number, text = _normalise(data["number"]), (data["text"] or "").strip()
        clause = existing.get(data.get("id"))
        if clause is None:
            clause_create(document=document, number=number, text=text, position=position, user=user)
        elif (clause.number, clause.text, clause.position) != (number, text, position):
            clause_update(clause=clause, number=number, text=text, position=position, user=user)


# References --------------------------------------------------------------------------------------


def _reaches(*, start_pk: int, goal_pk: int) -> bool:
    """Whether `start` already amends or supersedes `goal`, directly or through other documents."""
    edges = defaultdict(set)
    for source_id, target_id in DocumentReference.objects.filter(relation__in=ORDERING_RELATIONS).values_list(
        "source_id", "target_id"
    ):
        edges[source_id].add(target_id)
    seen, frontier = {start_pk}, [start_pk]
    while frontier:
        node = frontier.pop()
        for nxt in edges[node]:
            if nxt == goal_pk:
                return True
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return False


@transaction.atomic
def reference_add(*, source: Document, target: Document, relation: str, user=None) -> DocumentReference:
    """Record that `source` implements, refers to, amends or supersedes `target`."""
    if target is None:
        raise _field_error("target", _("Choose the referenced document."), "required")
    if source.pk == target.pk:
        raise _field_error("target", _("A document cannot refer to itself."), "self_reference")
    # Both rows locked in one order: two offices adding A→B and B→A at once cannot both pass the cycle check.
    locked = {d.pk: d for d in Document.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    source = locked[source.pk]
    _refuse_unless_draft(source)
    if relation not in ReferenceRelation.values:
        raise _field_error("relation", _("Choose a relation."), "invalid_relation")
    if DocumentReference.objects.filter(source=source, target=target, relation=relation).exists():
        raise _field_error(
            "target",
            _("This reference to %(number)s is already recorded.") % {"number": target.number},
            "duplicate_reference",
        )
    if relation in ORDERING_RELATIONS and _reaches(start_pk=target.pk, goal_pk=source.pk):
        raise _field_error(
            "target",
            _(
                "%(target)s already amends or supersedes %(source)s (directly or through other documents); "
                "this reference would close a cycle."
            )
            % {"target": target.number, "source": source.number},
            "reference_cycle",
        )
    reference = DocumentReference(source=source, target=target, relation=relation)
    reference.full_clean()
    _by(reference, user).save()
    return reference


@transaction.atomic
def reference_remove(*, reference: DocumentReference, user=None) -> None:
    _refuse_unless_draft(Document.objects.select_for_update().get(pk=reference.source_id))
    _by(reference, user).delete()


# The work-mode policy ----------------------------------------------------------------------------


@transaction.atomic
def policy_set(
    *,
    directive: Document,
    user=None,
    effective_from: datetime.date,
    effective_until: datetime.date | None = None,
    remote_cap_numerator: int,
    remote_cap_denominator: int,
    agency_kinds: Iterable[str] = (),
    exempt_duty_groups: Iterable[str] = (),
    citizen_reception_suspended: bool = False,
    inspections_restricted: bool = False,
    inspection_max_participants: int | None = None,
    in_person_intake_restricted: bool = False,
    pre_cutoff_date: datetime.date | None = None,
    free_postal_return: bool = False,
) -> WorkModePolicy:
    """Create or change the one policy a published directive carries (every change kept in its history)."""
    directive = Document.objects.select_for_update().get(pk=directive.pk)
    if not directive.is_published:
        raise ValidationError(
            _("Only a published directive carries a policy; %(number)s is %(status)s.")
            % {"number": directive.number, "status": directive.get_status_display().lower()},
            code="directive_not_published",
        )
    errors: dict[str, str] = {}
    if remote_cap_denominator is None or remote_cap_denominator < 1:
        errors["remote_cap_denominator"] = _("The denominator of the share must be at least 1.")
    elif remote_cap_numerator is None or remote_cap_numerator < 0:
        errors["remote_cap_numerator"] = _("The numerator of the share cannot be negative.")
    elif remote_cap_numerator > remote_cap_denominator:
        errors["remote_cap_numerator"] = _("The share working from home cannot be more than the whole staff.")
    if effective_from is None:
        errors["effective_from"] = _("Enter the date the policy takes effect.")
    elif effective_from < directive.issued_on:
        errors["effective_from"] = _(
            "The policy cannot take effect before the directive was issued (%(day)s)."
        ) % {"day": directive.issued_on.strftime("%d/%m/%Y")}
    elif effective_until and effective_until < effective_from:
        errors["effective_until"] = _("The end date cannot be before the start date.")
    agency_kinds = sorted(set(agency_kinds or ()))
    if set(agency_kinds) - set(AgencyKind.values):
        errors["agency_kinds"] = _("Choose agency kinds from the list.")
    exempt_duty_groups = sorted(set(exempt_duty_groups or ()))
    if set(exempt_duty_groups) - (set(DutyGroup.values) - {DutyGroup.REGULAR}):
        errors["exempt_duty_groups"] = _("Choose exempt duty groups from the list.")
    if inspection_max_participants is not None:
        if not inspections_restricted:
            errors["inspection_max_participants"] = _(
                "A maximum number of participants only applies when inspections are restricted."
            )
        elif inspection_max_participants < 1:
            errors["inspection_max_participants"] = _(
                "A necessary inspection needs at least one participant."
            )
    if errors:
        raise ValidationError(errors, code="invalid_policy")

    # Stored in lowest terms, so 2/4 and 1/2 read (and compare) the same everywhere.
    divisor = math.gcd(remote_cap_numerator, remote_cap_denominator) or 1
    policy = WorkModePolicy.objects.filter(directive=directive).first() or WorkModePolicy(directive=directive)
    policy.effective_from = effective_from
    policy.effective_until = effective_until
    policy.remote_cap_numerator = remote_cap_numerator // divisor
    policy.remote_cap_denominator = remote_cap_denominator // divisor
    policy.agency_kinds = agency_kinds
    policy.exempt_duty_groups = exempt_duty_groups
    policy.citizen_reception_suspended = citizen_reception_suspended
    policy.inspections_restricted = inspections_restricted
    policy.inspection_max_participants = inspection_max_participants if inspections_restricted else None
    policy.in_person_intake_restricted = in_person_intake_restricted
    policy.pre_cutoff_date = pre_cutoff_date
    policy.free_postal_return = free_postal_return
    policy.full_clean()
    _by(policy, user).save()
    return policy


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
    title = _normalise(title)
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
    _by(obligation, user).save()
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
    evidence_text = (evidence_text or "").strip()
    if evidence_file:
        try:
            validate_evidence_upload(evidence_file)
        except ValidationError as exc:
            errors["evidence_file"] = exc.error_list
    elif not evidence_text and not status.evidence_file:
        errors["evidence_text"] = [_("Describe the evidence or attach a file.")]
    if errors:
        raise ValidationError(errors, code="invalid_acknowledgement")
    status.acknowledged_on = acknowledged_on
    status.method = method
    status.evidence_text = evidence_text
    if evidence_file:
        status.evidence_file = evidence_file
    status.acknowledged_by = user
    status.full_clean()
    _by(status, user).save()
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
        raise _field_error("done_on", _("The date cannot be in the future."), "future_date")
    if done_on < status.acknowledged_on:
        raise _field_error(
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
    _by(status, user).save()
    return status


def _required_reason(reason: str, field: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise _field_error(field, _("Give the reason, so the agencies and leadership know why."), "required")
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
    _by(obligation, user).save(update_fields=["closed_at", "closed_by", "closure_reason"])
    return obligation


@transaction.atomic
def obligation_reopen(*, obligation: Obligation, user) -> Obligation:
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if not obligation.closed_at:
        raise ValidationError(_("The follow-up of this obligation is not closed."), code="not_closed")
    obligation.closed_at, obligation.closed_by, obligation.closure_reason = None, None, ""
    _by(obligation, user).save(update_fields=["closed_at", "closed_by", "closure_reason"])
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
    _by(status, user).save()
    return status


@transaction.atomic
def obligation_waiver_cancel(*, obligation: Obligation, agency, user) -> AgencyObligation:
    status = AgencyObligation.objects.select_for_update().filter(obligation=obligation, agency=agency).first()
    if status is None or not status.waived_at:
        raise ValidationError(
            _("%(agency)s is not waived from this obligation.") % {"agency": agency}, code="not_waived"
        )
    status.waived_at, status.waived_by, status.waiver_reason = None, None, ""
    _by(status, user).save()
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
    number of e-mails sent.

    Not one transaction on purpose: the day's log rows are committed before any e-mail leaves, so a crash
    between the two loses a reminder rather than sending it twice.
    """
    due = defaultdict(list)
    for cell in obligations_needing_reminder(day=day):
        due[cell.agency].append(cell.obligation)
    claimed = _claim_reminders(due, day=day)
    if not claimed:
        return 0
    recipients_by_agency = reminder_recipients(agencies=list(claimed))
    sent = 0
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
        try:
            send_mail(" ".join(subject.split()), body, None, recipients)
        except Exception:
            # The mail server refused: free the day's rows so the next run tries again.
            logger.exception("Obligation reminder to %s failed", agency)
            logs.delete()
            continue
        logs.update(sent_at=timezone.now())
        sent += 1
    return sent
