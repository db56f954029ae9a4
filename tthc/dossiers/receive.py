"""Intake: a dossier received under the policy and the urgent list in force on its day.

Forms, the API and the demo all receive through dossier_receive. It reads as its steps: check the reception
time and the procedure, resolve the channels open that day (tthc.intake.rules: the policy and the urgent
list in force), check the chosen channel and the result delivery, then build the dossier with its due date
and, only when nothing was refused, allocate its code and save it with its first event.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.toolkit.phones import normalize_mobile_phone, validate_mobile_phone
from tthc.calendar.working_days import calendar_covers, due_date_for
from tthc.catalogue.selectors import agency_handles
from tthc.dossiers.constants import CLOCK_SKEW, MIN_ONLINE_RETURN_LEVEL, DossierEventKind, DossierStatus
from tthc.dossiers.models import Dossier, DossierCounter, DossierEvent
from tthc.dossiers.selectors import may_receive_dossiers
from tthc.intake.constants import Channel
from tthc.intake.rules import IntakeRules, in_person_restricted, intake_rules

# The agency, procedure and officer are rows the caller already holds; the code comes last.
_NOT_VALIDATED = ["code", "agency", "procedure", "received_by"]


def _add(errors: dict, field: str, message: str, code: str) -> None:
    errors.setdefault(field, []).append(ValidationError(message, code=code))


# Steps -------------------------------------------------------------------------------------------


def _check_reception_time(received_at: datetime.datetime, errors: dict) -> None:
    if timezone.is_naive(received_at):
        raise ValidationError({"received_at": _("Give the reception time with its time zone.")}, code="naive")
    if received_at > timezone.now() + CLOCK_SKEW:
        _add(errors, "received_at", _("The reception time cannot be in the future."), "future")


def _check_procedure(agency, procedure, errors: dict) -> None:
    """The procedure is in the catalogue and handled by this agency (by its kinds, else its level)."""
    if not procedure.is_active:
        _add(errors, "procedure", _("This procedure is no longer in the catalogue."), "inactive_procedure")
    if not agency_handles(agency, procedure):
        _add(
            errors,
            "procedure",
            _("%(agency)s does not handle this procedure.") % {"agency": agency.name},
            "procedure_not_handled",
        )


def _check_channel(rules: IntakeRules, channel: str, special_case_reason: str, errors: dict) -> str:
    """Refuse a closed channel (saying why and which are open); returns the special-case reason to keep.

    The reason is kept only when it is what let the dossier in (clause 3.1 b): those are the cases reported.
    """
    special_case_reason = special_case_reason.strip()
    rule = rules.channels.get(channel)
    if rule is None:
        _add(errors, "channel", _("Choose an intake channel."), "invalid_channel")
    elif not rule.is_open and not (rule.special_case_only and special_case_reason):
        message = _("%(refusal)s Open channels: %(channels)s.") % {
            "refusal": rule.refusal,
            "channels": rules.open_channels_text(),
        }
        _add(errors, "channel", message, "channel_closed")
    if rule is None or rule.is_open:
        return ""
    return special_case_reason


def _default_result_delivery(*, procedure, policy, channel: str) -> str:
    # Clause 3.1 b asks agencies to encourage postal return while intake is restricted or free.
    encouraged = in_person_restricted(policy) or bool(policy and policy.free_postal_return)
    if procedure.postal_return_offered and (encouraged or channel == Channel.POSTAL):
        return Channel.POSTAL
    if channel == Channel.ONLINE and procedure.online_level >= MIN_ONLINE_RETURN_LEVEL:
        return Channel.ONLINE
    return Channel.IN_PERSON


def _result_delivery_error(*, procedure, result_delivery: str) -> str:
    if procedure.result_in_person_by_law and result_delivery != Channel.IN_PERSON:
        basis = procedure.in_person_legal_basis or _("the law")
        return _("The result of this procedure must be received in person (%(basis)s).") % {"basis": basis}
    if result_delivery == Channel.POSTAL and not procedure.postal_return_offered:
        return _("This procedure does not offer result return by post.")
    if result_delivery == Channel.ONLINE and procedure.online_level < MIN_ONLINE_RETURN_LEVEL:
        return _("Results are returned online only for online public services of level 4.")
    return ""


def _result_delivery(*, procedure, policy, channel: str, asked: str | None, errors: dict) -> str:
    """The way the result goes back: the one asked for, else what the law and the policy suggest; checked
    against what the procedure offers (post, online return for level 4 only, in person by law)."""
    if procedure.result_in_person_by_law and not asked:
        asked = Channel.IN_PERSON
    result_delivery = asked or _default_result_delivery(procedure=procedure, policy=policy, channel=channel)
    delivery_error = _result_delivery_error(procedure=procedure, result_delivery=result_delivery)
    if delivery_error:
        _add(errors, "result_delivery", delivery_error, "result_delivery_not_offered")
    return result_delivery


def _check_postal_address(result_delivery: str, address: str, *, asked: bool, errors: dict) -> None:
    """A result sent by post needs the address it goes to: the receipt promises delivery there."""
    if result_delivery != Channel.POSTAL or address.strip() or "result_delivery" in errors:
        return
    if asked:
        message = _("Enter the applicant's address: the result goes back by post.")
    else:
        message = _(
            "Enter the applicant's address: the result goes back by post while in-person intake is "
            "restricted. Or choose another way to return the result."
        )
    _add(errors, "applicant_address", message, "postal_address_required")


def _applicant_phone(phone: str, errors: dict) -> str:
    phone = normalize_mobile_phone(phone)
    try:
        validate_mobile_phone(phone)
    except ValidationError as exc:
        errors.setdefault("applicant_phone", []).extend(exc.error_list)
    return phone


def _free_postage(policy, result_delivery: str) -> bool:
    """Clause 3.2: while the policy offers free postal return, a result returned by post is free."""
    return bool(policy and policy.free_postal_return and result_delivery == Channel.POSTAL)


def _validate(dossier: Dossier, errors: dict) -> None:
    """The model's own checks (ID number, e-mail, lengths) next to the intake's; raise them all at once."""
    try:
        dossier.full_clean(exclude=_NOT_VALIDATED, validate_unique=False)
    except ValidationError as exc:
        for field, field_errors in exc.error_dict.items():
            if field not in errors:
                errors[field] = field_errors
    if errors:
        raise ValidationError(errors)


def _code_prefix(agency) -> str:
    return agency.statistics_code or f"CQ{agency.pk}"


def _next_dossier_code(agency, day: datetime.date) -> str:
    # Two desks of one agency receiving at the same moment must not get the same number. The counter row
    # of (agency, day) is taken FOR UPDATE: when it does not exist yet, the unique constraint lets one
    # transaction create it and makes the other wait and then lock the committed row, so numbers are
    # handed out one at a time until the transaction holding the row commits or rolls back.
    counter, _created = DossierCounter.objects.select_for_update().get_or_create(agency=agency, day=day)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{_code_prefix(agency)}-{day:%y%m%d}-{counter.last_number:04d}"


def _save_with_event(dossier: Dossier, *, day: datetime.date, actor) -> Dossier:
    dossier.code = _next_dossier_code(dossier.agency, day)
    dossier.save()
    DossierEvent.objects.create(
        dossier=dossier,
        kind=DossierEventKind.STATUS,
        status_to=DossierStatus.RECEIVED,
        note=dossier.special_case_reason,
        at=dossier.received_at,
        by=actor,
    )
    return dossier


# The service -------------------------------------------------------------------------------------


@transaction.atomic
def dossier_receive(
    *,
    agency,
    procedure,
    applicant_name: str,
    applicant_id_number: str,
    applicant_phone: str,
    applicant_email: str = "",
    applicant_address: str = "",
    channel: str,
    received_at: datetime.datetime,
    result_delivery: str | None = None,
    special_case_reason: str = "",
    documents_received: str = "",
    actor,
) -> Dossier:
    """Receive a dossier under the policy and the urgent list in force on the intake day.

    Refused intakes raise ValidationError keyed by field (the channel says why and which channels are
    open); nothing is saved.
    """
    if not may_receive_dossiers(actor, agency.pk):
        raise PermissionDenied
    errors: dict[str, list] = {}
    _check_reception_time(received_at, errors)
    _check_procedure(agency, procedure, errors)
    day = timezone.localdate(received_at)
    rules = intake_rules(agency=agency, procedure=procedure, day=day)
    special_case_reason = _check_channel(rules, channel, special_case_reason, errors)
    asked_delivery = result_delivery
    result_delivery = _result_delivery(
        procedure=procedure, policy=rules.policy, channel=channel, asked=result_delivery, errors=errors
    )
    _check_postal_address(result_delivery, applicant_address, asked=bool(asked_delivery), errors=errors)
    dossier = Dossier(
        agency=agency,
        procedure=procedure,
        applicant_name=applicant_name.strip(),
        applicant_id_number=applicant_id_number.strip(),
        applicant_phone=_applicant_phone(applicant_phone, errors),
        applicant_email=applicant_email.strip(),
        applicant_address=applicant_address.strip(),
        channel=channel,
        received_at=received_at,
        received_by=actor,
        documents_received=documents_received.strip(),
        result_delivery=result_delivery,
        free_postage=_free_postage(rules.policy, result_delivery),
        special_case_reason=special_case_reason,
        status=DossierStatus.RECEIVED,
        status_changed_at=received_at,
        due_date=due_date_for(procedure, received_at),
    )
    dossier.due_date_unverified = not calendar_covers(day, dossier.due_date)
    _validate(dossier, errors)
    return _save_with_event(dossier, day=day, actor=actor)
