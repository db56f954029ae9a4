"""Reads of the procedure catalogue: the active procedures, and which agency handles which."""

from staffing.registry.constants import AgencyKind

from .constants import ProcedureLevel
from .models import Procedure


def procedures_public():
    """The active catalogue, as the public and the API see it."""
    return Procedure.objects.filter(is_active=True).order_by("code")


def procedure_fields() -> list[str]:
    return list(
        procedures_public().exclude(field="").order_by("field").values_list("field", flat=True).distinct()
    )


def agency_handles(agency, procedure) -> bool:
    """Whether this agency handles the procedure: by the kinds the procedure names, else by its level.

    A procedure naming no agency kind is handled at its level: commune-level procedures by the communes
    and the township, district-level ones by the specialised offices.
    """
    if procedure.agency_kinds:
        return agency.kind in procedure.agency_kinds
    if agency.is_commune_level:
        return procedure.level in (ProcedureLevel.COMMUNE, ProcedureLevel.COMMUNE_AND_DISTRICT)
    if agency.kind == AgencyKind.SPECIALISED_OFFICE:
        return procedure.level in (ProcedureLevel.DISTRICT, ProcedureLevel.COMMUNE_AND_DISTRICT)
    return False


def procedures_for_agency(agency, procedures=None) -> list[Procedure]:
    """The active procedures this agency handles (see agency_handles)."""
    if procedures is None:
        procedures = procedures_public()
    return [p for p in procedures if agency_handles(agency, p)]


def procedure_choices(agency):
    """The procedures this agency handles, as a queryset for a choice field."""
    ids = [p.pk for p in procedures_for_agency(agency)]
    return Procedure.objects.filter(pk__in=ids).order_by("code")
