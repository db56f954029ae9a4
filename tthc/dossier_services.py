"""The one write path of dossiers: intake under the policy in force, the status trail, extensions, notices.

Forms, the API, the demo and the Celery tasks all call these functions.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from directives.selectors import policy_in_force
from staffing.validators import normalize_mobile_phone, validate_mobile_phone

from .calendar import add_working_days, due_date_for
from .catalogue_selectors import agency_handles, channels_open, urgent_item_for
from .constants import (
    ONLINE_INTAKE_MIN_LEVEL,
    OPEN_DOSSIER_STATUSES,
    Channel,
    DossierEventKind,
    DossierStatus,
    NoticeKind,
)
from .dossier_selectors import (
    may_receive_dossiers,
    may_run_district_dossier_actions,
    pre_cutoff_dates,
)
from .models import Dossier, DossierCounter, DossierEvent, NoticeLog

# A result is returned online only for level 4 services (Decree 43/2011).
MIN_ONLINE_RETURN_LEVEL = 4
MAX_EXTENSION_WORKING_DAYS = 60
# A reception time a few minutes ahead is a clock difference between desks, not a typing error.
CLOCK_SKEW = datetime.timedelta(minutes=5)

# Intake rules ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelRule:
    channel: str
    is_open: bool
    special_case_only: bool = False
    refusal: str = ""

    @property
    def label(self) -> str:
        return Channel(self.channel).label


@dataclass(frozen=True)
class IntakeRules:
    """Which channels may receive a dossier of this procedure at this agency on this day, and why."""

    day: datetime.date
    policy: object
    urgent_item: object
    channels: dict

    def open_channels_text(self) -> str:
        parts = []
        for rule in self.channels.values():
            if rule.is_open:
                parts.append(str(rule.label).lower())
            elif rule.special_case_only:
                parts.append(_("in person only as a recorded special, urgent case"))
        return ", ".join(parts) if parts else _("none")


def intake_rules(*, agency, procedure, day: datetime.date) -> IntakeRules:
    """The channels open for this procedure at this agency on this day under the policy in force."""
    policy = policy_in_force(agency=agency, day=day)
    restricted = bool(policy and policy.in_person_intake_restricted)
    urgent_item = urgent_item_for(procedure, day) if restricted else None
    open_on = channels_open(procedure, restricted=restricted, urgent_item=urgent_item)
    refusals = {
        Channel.ONLINE: _(
            "This procedure is an online public service of level %(level)s only; online intake needs "
            "level %(min)s or higher."
        )
        % {"level": procedure.online_level, "min": ONLINE_INTAKE_MIN_LEVEL},
        Channel.POSTAL: _("This procedure is not received through the public postal service."),
    }
    if restricted:
        refusals[Channel.IN_PERSON] = _(
            "In-person intake is restricted by %(directive)s (clause 3.1): this procedure is not on "
            "the list of special, urgent procedures received in person in force on %(day)s. "
            "To receive it in person, record the special, urgent case and its reason."
        ) % {"directive": policy.directive.number, "day": date_format(day, "SHORT_DATE_FORMAT")}
    channels = {
        channel: ChannelRule(
            channel,
            is_open,
            # Clause 3.1 b: a closed in-person channel still opens for a recorded special, urgent case.
            special_case_only=channel == Channel.IN_PERSON and not is_open,
            refusal="" if is_open else refusals[channel],
        )
        for channel, is_open in open_on.items()
    }
    return IntakeRules(day=day, policy=policy, urgent_item=urgent_item, channels=channels)


def _default_result_delivery(*, procedure, policy, channel: str) -> str:
    # Clause 3.1 b asks agencies to encourage postal return while intake is restricted or free.
    encouraged = bool(policy and (policy.in_person_intake_restricted or policy.free_postal_return))
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


# Intake ------------------------------------------------------------------------------------------


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


def _add(errors: dict, field: str, message: str, code: str) -> None:
    errors.setdefault(field, []).append(ValidationError(message, code=code))


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
    if timezone.is_naive(received_at):
        raise ValidationError({"received_at": _("Give the reception time with its time zone.")}, code="naive")
    if received_at > timezone.now() + CLOCK_SKEW:
        _add(errors, "received_at", _("The reception time cannot be in the future."), "future")
    if not procedure.is_active:
        _add(errors, "procedure", _("This procedure is no longer in the catalogue."), "inactive_procedure")
    if not agency_handles(agency, procedure):
        _add(
            errors,
            "procedure",
            _("%(agency)s does not handle this procedure.") % {"agency": agency.name},
            "procedure_not_handled",
        )

    day = timezone.localdate(received_at)
    rules = intake_rules(agency=agency, procedure=procedure, day=day)
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
        # The reason is kept only when it is what let the dossier in: those are the cases reported.
        special_case_reason = ""

    if procedure.result_in_person_by_law and not result_delivery:
        result_delivery = Channel.IN_PERSON
    result_delivery = result_delivery or _default_result_delivery(
        procedure=procedure, policy=rules.policy, channel=channel
    )
    delivery_error = _result_delivery_error(procedure=procedure, result_delivery=result_delivery)
    if delivery_error:
        _add(errors, "result_delivery", delivery_error, "result_delivery_not_offered")

    applicant_phone = normalize_mobile_phone(applicant_phone)
    try:
        validate_mobile_phone(applicant_phone)
    except ValidationError as exc:
        errors.setdefault("applicant_phone", []).extend(exc.error_list)

    dossier = Dossier(
        agency=agency,
        procedure=procedure,
        applicant_name=applicant_name.strip(),
        applicant_id_number=applicant_id_number.strip(),
        applicant_phone=applicant_phone,
        applicant_email=applicant_email.strip(),
        applicant_address=applicant_address.strip(),
        channel=channel,
        received_at=received_at,
        received_by=actor,
        documents_received=documents_received.strip(),
        result_delivery=result_delivery,
        free_postage=bool(
            rules.policy and rules.policy.free_postal_return and result_delivery == Channel.POSTAL
        ),
        special_case_reason=special_case_reason,
        status=DossierStatus.RECEIVED,
        status_changed_at=received_at,
        due_date=due_date_for(procedure, received_at),
    )
    try:
        # The agency, procedure and officer are rows the caller already holds; the code comes next.
        dossier.full_clean(exclude=["code", "agency", "procedure", "received_by"], validate_unique=False)
    except ValidationError as exc:
        for field, field_errors in exc.error_dict.items():
            if field not in errors:
                errors[field] = field_errors
    if errors:
        raise ValidationError(errors)

    dossier.code = _next_dossier_code(agency, day)
    dossier.save()
    DossierEvent.objects.create(
        dossier=dossier,
        kind=DossierEventKind.STATUS,
        status_to=DossierStatus.RECEIVED,
        note=special_case_reason,
        at=received_at,
        by=actor,
    )
    return dossier


# Status trail ------------------------------------------------------------------------------------

TRANSITIONS = {
    DossierStatus.RECEIVED: (DossierStatus.PROCESSING, DossierStatus.REFUSED),
    DossierStatus.PROCESSING: (
        DossierStatus.WAITING_SUPPLEMENT,
        DossierStatus.RESULT_READY,
        DossierStatus.REFUSED,
    ),
    DossierStatus.WAITING_SUPPLEMENT: (DossierStatus.PROCESSING, DossierStatus.REFUSED),
    DossierStatus.RESULT_READY: (DossierStatus.RETURNED,),
}


def allowed_transitions(status: str) -> tuple:
    return TRANSITIONS.get(status, ())


def _free_postal_return(dossier: Dossier) -> bool:
    return dossier.free_postage and dossier.result_delivery == Channel.POSTAL


@transaction.atomic
def dossier_transition(
    *,
    dossier: Dossier,
    to_status: str,
    actor,
    note: str = "",
    postage_amount: int | None = None,
    at: datetime.datetime | None = None,
) -> Dossier:
    """Move the dossier one step along its trail; refusing needs a reason, a free postal return books
    its postage (the officer's figure, or the configured flat rate).

    `at` records a step taken earlier (a paper register typed in later); it defaults to now.
    """
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if not may_receive_dossiers(actor, dossier.agency_id):
        raise PermissionDenied
    note = note.strip()
    if to_status not in allowed_transitions(dossier.status):
        target = DossierStatus(to_status).label if to_status in DossierStatus.values else to_status
        raise ValidationError(
            {
                "to_status": _("A dossier cannot go from “%(current)s” to “%(target)s”.")
                % {"current": dossier.get_status_display(), "target": target}
            },
            code="invalid_transition",
        )
    if to_status == DossierStatus.REFUSED and not note:
        raise ValidationError(
            {"note": _("Give the reason for refusing the dossier.")}, code="reason_required"
        )
    if postage_amount is not None and postage_amount < 0:
        raise ValidationError({"postage_amount": _("Postage cannot be negative.")}, code="negative_postage")

    now = timezone.now()
    at = at or now
    if at > now + CLOCK_SKEW or at < (dossier.status_changed_at or dossier.received_at):
        raise ValidationError(
            {"at": _("A step cannot be dated before the previous one or in the future.")},
            code="bad_step_time",
        )
    event = DossierEvent(
        dossier=dossier,
        kind=DossierEventKind.STATUS,
        status_from=dossier.status,
        status_to=to_status,
        note=note,
        at=at,
        by=actor,
    )
    dossier.status = to_status
    dossier.status_changed_at = at
    fields = ["status", "status_changed_at"]
    if to_status == DossierStatus.REFUSED:
        dossier.refusal_reason = note
        fields.append("refusal_reason")
    if to_status == DossierStatus.RETURNED and _free_postal_return(dossier):
        dossier.postage_amount = (
            postage_amount if postage_amount is not None else settings.TTHC_FREE_POSTAGE_FLAT_RATE
        )
        fields.append("postage_amount")
    dossier.full_clean(exclude=["agency", "procedure", "received_by"], validate_unique=False)
    dossier.save(update_fields=fields)
    event.save()
    return dossier


# Extension ---------------------------------------------------------------------------------------


@transaction.atomic
def dossiers_extend(*, procedures, agencies, working_days: int, reason: str, actor) -> int:
    """Push back the due date of every open dossier of these procedures at these agencies by N working
    days; each dossier's trail shows the old and the new date and the reason. Returns how many."""
    if not may_run_district_dossier_actions(actor):
        raise PermissionDenied
    errors: dict[str, list] = {}
    reason = reason.strip()
    if not reason:
        _add(errors, "reason", _("Give the reason for the extension."), "reason_required")
    if not 1 <= working_days <= MAX_EXTENSION_WORKING_DAYS:
        _add(
            errors,
            "working_days",
            _("Extend by 1 to %(max)s working days.") % {"max": MAX_EXTENSION_WORKING_DAYS},
            "working_days_range",
        )
    if not procedures:
        _add(errors, "procedures", _("Choose at least one procedure."), "required")
    if not agencies:
        _add(errors, "agencies", _("Choose at least one agency."), "required")
    if errors:
        raise ValidationError(errors)

    dossiers = list(
        Dossier.objects.select_for_update()
        .filter(status__in=OPEN_DOSSIER_STATUSES, procedure__in=procedures, agency__in=agencies)
        .order_by("pk")
    )
    new_dates: dict[datetime.date, datetime.date] = {}
    now = timezone.now()
    events = []
    for dossier in dossiers:
        old = dossier.due_date
        if old not in new_dates:
            new_dates[old] = add_working_days(old, working_days)
        dossier.due_date = new_dates[old]
        events.append(
            DossierEvent(
                dossier=dossier,
                kind=DossierEventKind.EXTENSION,
                due_date_from=old,
                due_date_to=dossier.due_date,
                note=reason,
                at=now,
                by=actor,
            )
        )
    bulk_update_with_history(
        dossiers, Dossier, ["due_date"], default_user=actor, default_change_reason=reason[:100]
    )
    DossierEvent.objects.bulk_create(events)
    return len(dossiers)


# Clause 3.2 notices ------------------------------------------------------------------------------


def pre_cutoff_notice_due(dossier: Dossier, *, today: datetime.date) -> bool:
    """Open, received before the cut-off of the policy in force for its agency, result not bound to an
    in-person hand-over by law, and an e-mail address to write to."""
    cutoff = pre_cutoff_dates(today=today).get(dossier.agency.kind)
    return bool(
        cutoff
        and dossier.status in OPEN_DOSSIER_STATUSES
        and not dossier.procedure.result_in_person_by_law
        and dossier.applicant_email
        and timezone.localdate(dossier.received_at) < cutoff
    )


def _send_pre_cutoff_email(dossier: Dossier, *, policy) -> None:
    # Applicants read Vietnamese whatever language the officer's session or the worker runs in.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Dossier %(code)s: the result will be returned by post free of charge") % {
            "code": dossier.code
        }
        context = {"dossier": dossier, "policy": policy, "district": settings.DISTRICT_NAME}
        body = render_to_string("emails/tthc_pre_cutoff_notice.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [dossier.applicant_email])


def pre_cutoff_notice_send(*, dossier_id: int, actor=None, today: datetime.date | None = None) -> bool:
    """Tell the applicant of a dossier received before the cut-off that the result will come back by
    post free of charge (clause 3.2 of 2629/UBND); the applicant may still collect it in person.

    Returns True when this call sent the notice, False when it was not due or already sent.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        # A run that finds the dossier locked leaves it to the run holding the lock.
        dossier = (
            Dossier.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("agency", "procedure")
            .filter(pk=dossier_id)
            .first()
        )
        if dossier is None or not pre_cutoff_notice_due(dossier, today=today):
            return False
        # The log row is written before the e-mail: a second run, even one started at the same moment,
        # meets the unique (dossier, kind) row and sends nothing. A failed send rolls the row back.
        _log, created = NoticeLog.objects.get_or_create(
            dossier=dossier,
            kind=NoticeKind.PRE_CUTOFF_POSTAL_RETURN,
            defaults={"recipient": dossier.applicant_email, "sent_at": timezone.now(), "sent_by": actor},
        )
        if not created:
            return False
        _send_pre_cutoff_email(dossier, policy=policy_in_force(agency=dossier.agency, day=today))
        dossier.result_delivery = Channel.POSTAL
        dossier.free_postage = True
        dossier.save(update_fields=["result_delivery", "free_postage"])
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Notice of free postal return sent to %(email)s.") % {"email": dossier.applicant_email}
        DossierEvent.objects.create(
            dossier=dossier, kind=DossierEventKind.NOTICE, note=note, at=timezone.now(), by=actor
        )
    return True
