"""Writes on the companies register: the form, the API, the admin and the importer all call company_save."""

import copy
import datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.registry.models import Agency
from staffing.toolkit.phones import normalize_mobile_phone

from .constants import Sector
from .models import Company
from .taxcodes import normalize_tax_code

# The fields a form, an import row, the API or the admin sets on a company (the commune is given apart).
COMPANY_FIELDS = (
    "name",
    "tax_code",
    "address",
    "sector",
    "workforce",
    "working_online",
    "contact_person",
    "contact_phone",
    "is_active",
    "closed_on",
)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class CompanySaved(NamedTuple):
    company: Company
    outcome: str  # "created", "updated" or "unchanged"


def tax_code_taken(tax_code: str, other: Company | None, commune: Agency) -> ValidationError:
    # Another commune's company is not named: a commune reads only its own register.
    if other is not None and other.commune_id == commune.pk:
        message = _("Tax code %(code)s is already registered for %(name)s.") % {
            "code": tax_code,
            "name": other.name,
        }
    else:
        message = _("Tax code %(code)s is already registered.") % {"code": tax_code}
    return ValidationError({"tax_code": message}, code="tax_code_taken")


def company_prepare(
    *,
    commune: Agency,
    company: Company | None = None,
    name: str,
    tax_code: str,
    address: str = "",
    sector: str = Sector.OTHER,
    workforce: int = 0,
    working_online: int = 0,
    contact_person: str = "",
    contact_phone: str = "",
    is_active: bool = True,
    closed_on: datetime.date | None = None,
) -> tuple[Company, list[str]]:
    """Apply the register's rules to a new or stored company without saving it; return it and the
    fields changed. Every refusal is a ValidationError keyed by its field."""
    errors = {}
    if not commune.is_commune_level:
        errors["commune"] = _("Companies are registered with a commune or township People's Committee.")
    workforce = workforce or 0
    working_online = working_online or 0
    if working_online > workforce:
        errors["working_online"] = _(
            "Employees working online (%(online)s) cannot be more than the workforce (%(workforce)s)."
        ) % {"online": working_online, "workforce": workforce}
    if is_active and closed_on:
        errors["closed_on"] = _("An operating company has no closing date; choose “Closed” as its status.")
    if not is_active and not closed_on:
        errors["closed_on"] = _("Enter the day the company closed.")
    if closed_on and closed_on > timezone.localdate():
        errors["closed_on"] = _("The closing date cannot be in the future.")
    values = {
        "name": " ".join((name or "").split()),
        "tax_code": normalize_tax_code(tax_code),
        "address": " ".join((address or "").split()),
        "sector": sector or Sector.OTHER,
        "workforce": workforce,
        "working_online": working_online,
        "contact_person": " ".join((contact_person or "").split()),
        "contact_phone": normalize_mobile_phone(contact_phone),
        "is_active": bool(is_active),
        "closed_on": None if is_active else closed_on,
    }
    original = company
    if company is None:
        company = Company(commune=commune, **values)
        changed = ["commune", *values]
    else:
        company = copy.copy(company)  # checked on a copy: a refusal leaves the caller's company as it was
        changed = [field for field, value in values.items() if getattr(company, field) != value]
        for field in changed:
            setattr(company, field, values[field])
        if company.commune_id != commune.pk:
            company.commune = commune
            changed.append("commune")
    if changed:
        # The commune is a fetched row and the tax code's uniqueness is checked by company_save.
        try:
            company.full_clean(exclude=["commune"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors, code="invalid")
    if original is not None:
        # Accepted: the caller's instance takes the new values (and is the one company_save writes).
        for field in changed:
            setattr(original, field, getattr(company, field))
        company = original
    return company, changed


def _check_tax_code_free(company: Company, commune: Agency) -> None:
    other = Company.objects.filter(tax_code=company.tax_code).exclude(pk=company.pk).first()
    if other is not None:
        raise tax_code_taken(company.tax_code, other, commune)


def company_check(*, commune: Agency, company: Company | None = None, **fields) -> None:
    """Raise what company_save would refuse, writing nothing (for the admin's form)."""
    prepared, changed = company_prepare(
        commune=commune, company=copy.copy(company) if company is not None else None, **fields
    )
    if changed:
        _check_tax_code_free(prepared, commune)


@transaction.atomic
def company_save(*, commune: Agency, company: Company | None = None, **fields) -> CompanySaved:
    """Create a company of the commune's register or update one; nothing is written when nothing changed.
    The history of every change is kept (who, when, what)."""
    stored = copy.copy(company) if company is not None else None
    company, changed = company_prepare(commune=commune, company=company, **fields)
    if not changed:
        return CompanySaved(company, UNCHANGED)
    outcome = UPDATED if company.pk else CREATED
    try:
        _check_tax_code_free(company, commune)
        try:
            with transaction.atomic():
                company.save()
        except IntegrityError:
            # Two saves of one tax code at the same moment: the database's unique index decides.
            raise tax_code_taken(company.tax_code, None, commune) from None
    except ValidationError:
        if stored is not None:  # the caller's company goes back to what is stored
            for field in changed:
                setattr(company, field, getattr(stored, field))
        raise
    return CompanySaved(company, outcome)
