"""Writes of the procedure catalogue.

Forms, the admin, the importer and the demo all write through these functions.
"""

from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from staffing.registry.constants import AgencyKind
from tthc.calendar.constants import ProcessingTimeUnit

from .models import Procedure

PROCEDURE_FIELDS = (
    "code",
    "name",
    "field",
    "level",
    "processing_time_unit",
    "processing_time_value",
    "fee_text",
    "online_level",
    "postal_intake_accepted",
    "postal_return_offered",
    "result_in_person_by_law",
    "in_person_legal_basis",
    "agency_kinds",
    "is_active",
)


def procedure_values(
    *,
    code: str,
    name: str,
    level: str,
    processing_time_unit: str,
    online_level: int,
    field: str = "",
    processing_time_value: int = 0,
    fee_text: str = "",
    postal_intake_accepted: bool = True,
    postal_return_offered: bool = True,
    result_in_person_by_law: bool = False,
    in_person_legal_basis: str = "",
    agency_kinds: Sequence[str] = (),
    is_active: bool = True,
) -> dict:
    """The values of a procedure, tidied and checked against the catalogue rules (ValidationError if wrong)."""
    values = {
        "code": code.strip(),
        "name": " ".join(name.split()),
        "field": " ".join(field.split()),
        "level": level,
        "processing_time_unit": processing_time_unit,
        "processing_time_value": processing_time_value or 0,
        "fee_text": fee_text.strip(),
        "online_level": online_level,
        "postal_intake_accepted": postal_intake_accepted,
        "postal_return_offered": postal_return_offered,
        "result_in_person_by_law": result_in_person_by_law,
        "in_person_legal_basis": in_person_legal_basis.strip(),
        "agency_kinds": sorted(set(agency_kinds)),
        "is_active": is_active,
    }
    errors = {}
    if processing_time_unit == ProcessingTimeUnit.SAME_DAY:
        values["processing_time_value"] = 0
    elif values["processing_time_value"] < 1:
        errors["processing_time_value"] = ValidationError(
            _("Give the number of days (at least 1) for a procedure not handled the same day."),
            code="processing_time_missing",
        )
    if result_in_person_by_law:
        if not values["in_person_legal_basis"]:
            errors["in_person_legal_basis"] = ValidationError(
                _("Name the legal provision that requires the applicant to be present."),
                code="legal_basis_missing",
            )
        if postal_return_offered:
            errors["postal_return_offered"] = ValidationError(
                _("A result that must be received in person by law cannot be returned by post."),
                code="postal_return_in_person_by_law",
            )
    unknown = [kind for kind in values["agency_kinds"] if kind not in AgencyKind.values]
    if unknown:
        errors["agency_kinds"] = ValidationError(
            _("Unknown agency kind: %(kinds)s.") % {"kinds": ", ".join(unknown)}, code="unknown_agency_kind"
        )
    if errors:
        raise ValidationError(errors)
    return values


def procedure_changes(procedure: Procedure, values: dict) -> list[str]:
    """The fields whose stored value differs from the given ones."""
    return [name for name, value in values.items() if getattr(procedure, name) != value]


@transaction.atomic
def procedure_save(
    *, procedure: Procedure | None = None, by: AbstractBaseUser | None = None, **fields
) -> Procedure:
    """Create a procedure, or update the given one; the code is its identity in the national catalogue."""
    values = procedure_values(**fields)
    procedure = procedure or Procedure()
    if procedure.pk and not procedure_changes(procedure, values):
        return procedure
    for name, value in values.items():
        setattr(procedure, name, value)
    procedure.full_clean()
    procedure._history_user = by
    procedure.save()
    return procedure
