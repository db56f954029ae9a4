"""Writes on agencies' staff: every form, import and admin save goes through these functions."""

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from staffing.toolkit.phones import normalize_mobile_phone

from .constants import DutyGroup
from .models import Agency, StaffMember

# The fields a form, an import row or the admin sets on a staff member (the agency is given separately).
STAFF_MEMBER_FIELDS = (
    "staff_code",
    "full_name",
    "position",
    "category",
    "duty_group",
    "mobile_phone",
    "email",
    "active_from",
    "active_until",
)
BULK_BATCH_SIZE = 500


class StaffRowsInvalid(ValidationError):
    """The entries of a bulk write that break a rule: their ValidationErrors by index."""

    def __init__(self, errors: dict[int, ValidationError]):
        super().__init__(
            [message for error in errors.values() for message in error.messages], code="rows_invalid"
        )
        self.errors_by_index = errors


class StaffImportCounts(NamedTuple):
    created: int
    updated: int
    unchanged: int


def staff_member_prepare(
    *,
    agency: Agency,
    member: StaffMember | None = None,
    staff_code: str,
    full_name: str,
    category: str,
    position: str = "",
    duty_group: str = DutyGroup.REGULAR,
    mobile_phone: str = "",
    email: str = "",
    active_from: datetime.date | None = None,
    active_until: datetime.date | None = None,
) -> tuple[StaffMember, list[str]]:
    """Apply the staff rules to a new or stored member without saving it; return it and the fields changed.

    Uniqueness of the staff code within the agency is left to the caller, which checks it once for a
    single save (staff_member_save) or for a whole file (staff_members_import).
    """
    values = {
        "staff_code": staff_code.strip(),
        "full_name": " ".join(full_name.split()),
        "position": position.strip(),
        "category": category,
        "duty_group": duty_group or DutyGroup.REGULAR,
        "mobile_phone": normalize_mobile_phone(mobile_phone),
        "email": email.strip().lower(),
        "active_from": active_from,
        "active_until": active_until,
    }
    if active_from and active_until and active_until < active_from:
        raise ValidationError(
            {"active_until": _("The end date must not be before the start date.")},
            code="active_period_reversed",
        )
    if member is None:
        member = StaffMember(agency=agency, **values)
        changed = ["agency", *values]
    else:
        changed = [name for name, value in values.items() if getattr(member, name) != value]
        for name in changed:
            setattr(member, name, values[name])
        if member.agency_id != agency.pk:
            member.agency = agency
            changed.append("agency")
    if changed:
        # The agency is a fetched row and the uniqueness checks are the caller's: skip their queries.
        member.full_clean(exclude=["agency", "user"], validate_unique=False, validate_constraints=False)
    return member, changed


def _staff_code_taken(*, agency: Agency, staff_code: str) -> ValidationError:
    return ValidationError(
        {
            "staff_code": _("Staff code %(code)s is already used by another staff member of %(agency)s.")
            % {"code": staff_code, "agency": agency.name}
        },
        code="staff_code_taken",
    )


@transaction.atomic
def staff_member_save(*, agency: Agency, member: StaffMember | None = None, **fields) -> StaffMember:
    """Create a staff member of the agency, or update one; nothing is written when nothing changed."""
    member, changed = staff_member_prepare(agency=agency, member=member, **fields)
    if not changed:
        return member
    others = StaffMember.objects.filter(agency=agency, staff_code=member.staff_code).exclude(pk=member.pk)
    if others.exists():
        raise _staff_code_taken(agency=agency, staff_code=member.staff_code)
    member.save()
    return member


@transaction.atomic
def staff_member_link_user(*, member: StaffMember, user: AbstractBaseUser | None) -> StaffMember:
    """Give a staff member a user account (or take it away); one account belongs to one staff member."""
    if member.user_id == (user.pk if user else None):
        return member
    if user is not None and StaffMember.objects.filter(user=user).exclude(pk=member.pk).exists():
        raise ValidationError(
            {"user": _("This user account already belongs to another staff member.")}, code="user_taken"
        )
    member.user = user
    member.save(update_fields=["user"])
    return member


@transaction.atomic
def staff_members_import(
    *,
    agency: Agency,
    members: Sequence[tuple[StaffMember | None, dict]],
    by: AbstractBaseUser | None = None,
) -> StaffImportCounts:
    """Create or update many staff members of one agency in bulk, with their history rows.

    ``members`` pairs each stored member (or None for a new one) with its field values. Wrong pairs
    raise StaffRowsInvalid naming every one of them by index, and nothing is written.
    """
    to_create, to_update, changed_fields, codes, errors = [], [], set(), set(), {}
    for index, (member, values) in enumerate(members):
        try:
            prepared, changed = staff_member_prepare(agency=agency, member=member, **values)
            if prepared.staff_code in codes:
                raise _staff_code_taken(agency=agency, staff_code=prepared.staff_code)
        except ValidationError as exc:
            errors[index] = exc
            continue
        codes.add(prepared.staff_code)
        if member is None:
            to_create.append(prepared)
        elif changed:
            to_update.append(prepared)
            changed_fields.update(changed)
    if errors:
        raise StaffRowsInvalid(errors)
    if to_create:
        bulk_create_with_history(to_create, StaffMember, batch_size=BULK_BATCH_SIZE, default_user=by)
    if to_update:
        bulk_update_with_history(
            to_update, StaffMember, sorted(changed_fields), batch_size=BULK_BATCH_SIZE, default_user=by
        )
    return StaffImportCounts(len(to_create), len(to_update), len(members) - len(to_create) - len(to_update))
