"""Open data of the compliance with the work-from-home cap (clauses 1 and 4 of 2629/UBND): for every agency
and day of the period, the staff counted, at home, the cap and the status, as the district day table shows
them (the same selector, all the days at once). Counts only: no staff member is named."""

import datetime

from django.utils.translation import gettext_lazy as _

from directives.opendata.registry import Field, Resource
from directives.policy.selectors import policies_in_force_by_kind_between

from .constants import WorkModeKind
from .selectors import district_day_tables


def compliance_rows(start, end):
    days = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
    tables = district_day_tables(days=days, policies=policies_in_force_by_kind_between(start=start, end=end))
    for day in days:
        for row in tables[day]:
            yield {
                "day": day,
                "agency_name": row.agency.name,
                "agency_kind": row.agency.kind,
                "agency_statistics_code": row.agency.statistics_code,
                "active_staff": row.active,
                "counted_staff": row.counted,
                "exempt_staff": row.exempt,
                "planned_staff": row.planned,
                "at_home": row.remote,
                "on_site": row.modes.get(WorkModeKind.ON_SITE, 0),
                "cap": row.cap,
                "status": row.status,
                "policy_directive": row.policy.directive.number if row.policy else "",
            }


COMPLIANCE = Resource(
    name="compliance",
    title=_("Compliance with the work-from-home cap per agency and day"),
    description=_(
        "For every agency and day of the period (?from=&to=, dd/mm/yyyy, at most 92 days; the last 30 days "
        "by default): active staff, staff counted against the cap, exempt staff, staff planned, at home and "
        "at the office, the cap and the status (within_cap, over_cap, no_plan, no_staff)."
    ),
    fields=(
        Field("day", "date", _("Day"), required=True),
        Field("agency_name", "string", _("Agency"), required=True),
        Field("agency_kind", "string", _("Agency kind")),
        Field("agency_statistics_code", "string", _("Statistics code of the administrative unit")),
        Field("active_staff", "integer", _("Active staff")),
        Field("counted_staff", "integer", _("Staff counted against the cap")),
        Field("exempt_staff", "integer", _("Exempt staff")),
        Field("planned_staff", "integer", _("Staff with a plan")),
        Field("at_home", "integer", _("Counted staff working from home")),
        Field("on_site", "integer", _("Staff at the office")),
        Field("cap", "integer", _("Cap"), _("Empty: no policy in force.")),
        Field("status", "string", _("Status"), _("within_cap, over_cap, no_plan or no_staff.")),
        Field("policy_directive", "string", _("Directive of the policy in force")),
    ),
    rows=compliance_rows,
    periodic=True,
    primary_key=("day", "agency_name"),
)
