"""Open data of the urgent in-person list (clause 3.1 b and 4 of 2629/UBND): every published version, each
procedure on it with its conditions, and the days the version was in force."""

import datetime

from django.utils.translation import gettext_lazy as _

from directives.opendata.registry import Field, Resource

from .models import UrgentListItem
from .selectors import published_urgent_lists


def _periods() -> dict:
    """{version pk: (first day, last day or None)}: a version is in force from its date until the day before
    the next version takes over (two from the same date: the higher number wins, as in urgent_list_in_force,
    so the lower one ends the day before it starts: it was never in force)."""
    versions = sorted(published_urgent_lists(), key=lambda v: (v.effective_from, v.version))
    periods = {}
    for version, following in zip(versions, [*versions[1:], None], strict=True):
        end = following.effective_from - datetime.timedelta(days=1) if following else None
        periods[version.pk] = (version.effective_from, end)
    return periods


def urgent_list_rows(start, end):
    periods = _periods()
    items = (
        UrgentListItem.objects.filter(urgent_list_id__in=list(periods))
        .select_related("urgent_list__directive", "procedure")
        .order_by("urgent_list__version", "procedure__code")
    )
    for item in items:
        version = item.urgent_list
        first, last = periods[version.pk]
        yield {
            "version": version.version,
            "directive_number": version.directive.number,
            "effective_from": first,
            "effective_to": last,
            "procedure_code": item.procedure.code,
            "procedure_name": item.procedure.name,
            "conditions": item.conditions,
        }


URGENT_LIST = Resource(
    name="urgent-list",
    title=_("Urgent in-person list, every version"),
    description=_(
        "The procedures received in person while in-person intake is restricted, version by version: the "
        "directive that published each version and the days it was in force (empty end: still in force)."
    ),
    fields=(
        Field("version", "integer", _("Version"), required=True),
        Field("directive_number", "string", _("Number and symbol of the directive")),
        Field("effective_from", "date", _("Effective from"), required=True),
        Field("effective_to", "date", _("Effective to")),
        Field("procedure_code", "string", _("Procedure code"), required=True),
        Field("procedure_name", "string", _("Procedure name")),
        Field("conditions", "string", _("Conditions")),
    ),
    rows=urgent_list_rows,
    primary_key=("version", "procedure_code"),
)
