"""Open data of each agency's intake arrangements (clause 4 of 2629/UBND): for the day asked (today by
default), every agency and procedure it handles, and the channels open to it under the clause 3.1 rule."""

from django.utils.translation import gettext_lazy as _

from directives.opendata.registry import Field, Resource

from .selectors import district_intake_arrangements


def intake_rows(start, end):
    for arrangements in district_intake_arrangements(end):
        agency, policy = arrangements.agency, arrangements.policy
        for row in arrangements.procedures:
            yield {
                "day": end,
                "agency_name": agency.name,
                "agency_kind": agency.kind,
                "agency_statistics_code": agency.statistics_code,
                "agency_phone": agency.phone,
                "agency_email": agency.email,
                "procedure_code": row.procedure.code,
                "procedure_name": row.procedure.name,
                "online": row.online,
                "postal": row.postal,
                "in_person": row.in_person,
                "on_urgent_list": row.urgent_item is not None,
                "urgent_conditions": row.urgent_item.conditions if row.urgent_item else "",
                "policy_directive": policy.directive.number if policy else "",
            }


INTAKE_ARRANGEMENTS = Resource(
    name="intake-arrangements",
    title=_("Intake arrangements of each agency"),
    description=_(
        "On the day asked (?to=dd/mm/yyyy, today by default): for every agency and procedure it handles, "
        "whether dossiers are received online, by public post and in person, with the agency's public "
        "hotline and e-mail."
    ),
    fields=(
        Field("day", "date", _("Day"), required=True),
        Field("agency_name", "string", _("Agency"), required=True),
        Field("agency_kind", "string", _("Agency kind")),
        Field("agency_statistics_code", "string", _("Statistics code of the administrative unit")),
        Field("agency_phone", "string", _("Hotline of the agency")),
        Field("agency_email", "string", _("E-mail of the agency")),
        Field("procedure_code", "string", _("Procedure code"), required=True),
        Field("procedure_name", "string", _("Procedure name")),
        Field("online", "boolean", _("Received online")),
        Field("postal", "boolean", _("Received by public post")),
        Field("in_person", "boolean", _("Received in person")),
        Field("on_urgent_list", "boolean", _("On the urgent in-person list")),
        Field("urgent_conditions", "string", _("Conditions of the urgent list")),
        Field(
            "policy_directive",
            "string",
            _("Directive of the policy in force"),
            _("Empty: normal operations."),
        ),
    ),
    rows=intake_rows,
    primary_key=("agency_name", "procedure_code"),
)
