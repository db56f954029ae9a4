"""Open data of the procedure catalogue (clause 4 of 2629/UBND): every active procedure."""

from django.utils.translation import gettext_lazy as _

from directives.opendata.registry import Field, Resource

from .selectors import procedures_public


def procedure_rows(start, end):
    for procedure in procedures_public().iterator():
        yield {
            "code": procedure.code,
            "name": procedure.name,
            "field": procedure.field,
            "level": procedure.level,
            "processing_time": procedure.processing_time_value,
            "processing_time_unit": procedure.processing_time_unit,
            "fee": procedure.fee_text,
            "online_level": procedure.online_level,
            "postal_intake_accepted": procedure.postal_intake_accepted,
            "postal_return_offered": procedure.postal_return_offered,
            "in_person_by_law": procedure.result_in_person_by_law,
            "in_person_legal_basis": procedure.in_person_legal_basis,
            "agency_kinds": ";".join(procedure.agency_kinds or []),
        }


PROCEDURES = Resource(
    name="procedures",
    title=_("Procedure catalogue"),
    description=_("Every active administrative procedure the district's agencies handle."),
    fields=(
        Field("code", "string", _("Procedure code"), required=True),
        Field("name", "string", _("Procedure name"), required=True),
        Field("field", "string", _("Field")),
        Field("level", "string", _("Level"), _("commune, district or commune_and_district.")),
        Field("processing_time", "integer", _("Processing time")),
        Field("processing_time_unit", "string", _("Unit of the processing time")),
        Field("fee", "string", _("Fees and charges")),
        Field("online_level", "integer", _("Online public service level")),
        Field("postal_intake_accepted", "boolean", _("Postal intake accepted")),
        Field("postal_return_offered", "boolean", _("Postal return offered")),
        Field("in_person_by_law", "boolean", _("Must be handled in person by law")),
        Field("in_person_legal_basis", "string", _("Legal basis for in-person handling")),
        Field("agency_kinds", "string", _("Agency kinds"), _("Separated by ';'; empty: by level.")),
    ),
    rows=procedure_rows,
    primary_key=("code",),
)
