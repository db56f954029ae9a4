"""The one write path of citizen reception: the schedule and channels an agency publishes, the time limit
the district office sets, and petitions filed, assigned, answered and closed.

The pages, the API, the admin and the demo all call these functions.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directives.documents.validators import IMAGE_MAGICS, PDF_MAGIC
from staffing.registry.models import StaffMember
from staffing.registry.roles import roles_for
from staffing.toolkit.phones import normalize_mobile_phone, validate_mobile_phone
from staffing.toolkit.sizes import sizes_apart
from tthc.calendar.working_days import add_working_days

from .constants import CODE_PREFIX, UNANSWERED_STATUSES, PetitionAction, PetitionStatus
from .models import (
    Petition,
    PetitionCounter,
    PetitionEvent,
    PetitionSettings,
    ReceptionChannels,
    ReceptionSlot,
)
from .selectors import may_edit_reception, may_handle_petitions

# Schedule and channels ---------------------------------------------------------------------------


def _check_editor(actor, agency) -> None:
    if not may_edit_reception(actor, agency.pk):
        raise PermissionDenied


@transaction.atomic
def reception_slot_add(
    *, agency, actor, weekday: int, starts_at: datetime.time, ends_at: datetime.time, place: str, officer=None
) -> ReceptionSlot:
    _check_editor(actor, agency)
    errors = {}
    if ReceptionSlot.objects.filter(agency=agency, weekday=weekday, starts_at=starts_at).exists():
        errors["starts_at"] = [
            ValidationError(_("A session on this day already starts at this time."), code="slot_exists")
        ]
    slot = ReceptionSlot(
        agency=agency,
        weekday=weekday,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        officer=officer,
    )
    try:
        slot.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for field, messages in exc.error_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    slot.save()
    return slot


@transaction.atomic
def reception_slot_remove(*, slot: ReceptionSlot, actor) -> None:
    _check_editor(actor, slot.agency)
    slot.delete()


@transaction.atomic
def reception_channels_set(
    *, agency, actor, hotline: str = "", email: str = "", note: str = ""
) -> ReceptionChannels:
    _check_editor(actor, agency)
    channels = ReceptionChannels.objects.select_for_update().filter(agency=agency).first()
    channels = channels or ReceptionChannels(agency=agency)
    channels.hotline, channels.email, channels.note = hotline.strip(), email.strip(), note.strip()
    channels.full_clean(exclude=["agency"], validate_unique=False)
    channels.save()
    return channels


@transaction.atomic
def petition_settings_set(*, actor, answer_within_working_days: int) -> PetitionSettings:
    """The district office sets the time limit of an answer; petitions filed before keep their due date."""
    if not roles_for(actor).is_district_manager:
        raise PermissionDenied
    current = PetitionSettings.objects.select_for_update().order_by("pk").first() or PetitionSettings()
    current.answer_within_working_days = answer_within_working_days
    current.full_clean()
    current.save()
    return current


# Filing ------------------------------------------------------------------------------------------


def content_max_chars() -> int:
    return settings.PETITION_CONTENT_MAX_CHARS


def attachment_max_bytes() -> int:
    return settings.PETITION_ATTACHMENT_MAX_BYTES


def _attachment_error(upload) -> ValidationError | None:
    """The type is read from the file's first bytes (PDF, PNG or JPEG), never trusted from its name."""
    limit = attachment_max_bytes()
    if upload.size > limit:
        return ValidationError(
            _("The file is %(size)s; the largest file accepted is %(limit)s.")
            % sizes_apart(upload.size, limit),
            code="file_too_large",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not (head.startswith(PDF_MAGIC) or head.startswith(IMAGE_MAGICS)):
        return ValidationError(
            _("Only PDF, PNG or JPEG files are accepted; this file is none of these."),
            code="unsupported_attachment_type",
        )
    return None


def _next_petition_code(agency, day: datetime.date) -> str:
    # Two citizens filing with one agency at the same moment must not get the same number: the counter row
    # of (agency, day) is taken FOR UPDATE, as the dossier codes are (tthc.dossiers.receive).
    counter, _created = PetitionCounter.objects.select_for_update().get_or_create(agency=agency, day=day)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    prefix = agency.statistics_code or f"CQ{agency.pk}"
    return f"{CODE_PREFIX}-{prefix}-{day:%y%m%d}-{counter.last_number:04d}"


@transaction.atomic
def petition_file(
    *,
    agency,
    filer_name: str,
    filer_phone: str,
    content: str,
    filer_email: str = "",
    filer_address: str = "",
    attachment=None,
    filed_at: datetime.datetime | None = None,
) -> Petition:
    """A citizen files a petition (no login); it is due within the district's limit in working days.

    Bad input raises ValidationError keyed by field; nothing is saved.
    """
    filed_at = filed_at or timezone.now()
    errors: dict = {}
    if not agency.is_active:
        errors["agency"] = [
            ValidationError(_("This agency no longer takes petitions."), code="inactive_agency")
        ]
    phone = normalize_mobile_phone(filer_phone)
    try:
        validate_mobile_phone(phone)
    except ValidationError as exc:
        errors["filer_phone"] = exc.error_list
    content = content.strip()
    if len(content) > content_max_chars():
        errors["content"] = [
            ValidationError(
                _("Keep the content within %(limit)s characters (it has %(count)s).")
                % {"limit": content_max_chars(), "count": len(content)},
                code="content_too_long",
            )
        ]
    if attachment:
        error = _attachment_error(attachment)
        if error:
            errors["attachment"] = [error]
    day = timezone.localdate(filed_at)
    petition = Petition(
        agency=agency,
        filer_name=filer_name.strip(),
        filer_phone=phone,
        filer_email=filer_email.strip(),
        filer_address=filer_address.strip(),
        content=content,
        filed_at=filed_at,
        due_date=add_working_days(day, PetitionSettings.current().answer_within_working_days),
        status=PetitionStatus.RECEIVED,
    )
    try:
        petition.full_clean(exclude=["code", "agency", "attachment", "assignee"], validate_unique=False)
    except ValidationError as exc:
        for field, messages in exc.error_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    petition.code = _next_petition_code(agency, day)
    if attachment:
        petition.attachment = attachment
    petition.save()
    PetitionEvent.objects.create(
        petition=petition, action=PetitionAction.FILED, status_to=PetitionStatus.RECEIVED, at=filed_at
    )
    return petition


# Handling ----------------------------------------------------------------------------------------


def _locked(petition: Petition, actor) -> Petition:
    if not may_handle_petitions(actor, petition.agency_id):
        raise PermissionDenied
    return Petition.objects.select_for_update().get(pk=petition.pk)


def _record(petition: Petition, *, action: str, actor, note: str = "") -> None:
    PetitionEvent.objects.create(
        petition=petition, action=action, status_to=petition.status, note=note, at=timezone.now(), by=actor
    )


@transaction.atomic
def petition_assign(*, petition: Petition, actor, assignee: StaffMember) -> Petition:
    """Give an unanswered petition to a staff member of its agency (again, to hand it to someone else)."""
    petition = _locked(petition, actor)
    if petition.status not in UNANSWERED_STATUSES:
        raise ValidationError(
            {"assignee": _("An answered or closed petition is not assigned again.")}, code="not_open"
        )
    if assignee.agency_id != petition.agency_id:
        raise ValidationError(
            {"assignee": _("Choose a staff member of this agency.")}, code="assignee_elsewhere"
        )
    petition.assignee = assignee
    petition.status = PetitionStatus.ASSIGNED
    petition.save(update_fields=["assignee", "status"])
    _record(petition, action=PetitionAction.ASSIGNED, actor=actor, note=assignee.full_name)
    return petition


@transaction.atomic
def petition_answer(*, petition: Petition, actor, answer: str) -> Petition:
    """Record the agency's answer; the filer sees it in the status look-up."""
    petition = _locked(petition, actor)
    answer = answer.strip()
    if petition.status not in UNANSWERED_STATUSES:
        raise ValidationError({"answer": _("This petition has already been answered.")}, code="not_open")
    if not answer:
        raise ValidationError({"answer": _("Write the answer.")}, code="answer_required")
    if len(answer) > content_max_chars():
        raise ValidationError(
            {"answer": _("Keep the answer within %(limit)s characters.") % {"limit": content_max_chars()}},
            code="answer_too_long",
        )
    petition.answer = answer
    petition.answered_at = timezone.now()
    petition.status = PetitionStatus.ANSWERED
    petition.save(update_fields=["answer", "answered_at", "status"])
    _record(petition, action=PetitionAction.ANSWERED, actor=actor)
    return petition


@transaction.atomic
def petition_close(*, petition: Petition, actor, note: str = "") -> Petition:
    """Close an answered petition; an unanswered one (a duplicate, an abuse) only with the reason."""
    petition = _locked(petition, actor)
    note = note.strip()
    if petition.status == PetitionStatus.CLOSED:
        raise ValidationError({"note": _("This petition is already closed.")}, code="closed")
    if petition.status != PetitionStatus.ANSWERED and not note:
        raise ValidationError(
            {"note": _("Give the reason for closing a petition that has not been answered.")},
            code="reason_required",
        )
    petition.status = PetitionStatus.CLOSED
    petition.save(update_fields=["status"])
    _record(petition, action=PetitionAction.CLOSED, actor=actor, note=note)
    return petition
