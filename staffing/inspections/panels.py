"""Home panel for a head: the inspection teams the policy in force makes them suspend (clause 2, third dash)."""

from django.utils import timezone

from . import selectors

MAX_AGENCY_PANELS = 5


def public_panels(request):
    return []


def home_panels(request, roles):
    if not roles.managed_agency_ids or roles.is_district_manager:
        return []
    ids = sorted(roles.managed_agency_ids)[:MAX_AGENCY_PANELS]
    counts = selectors.must_suspend_counts(ids, today=timezone.localdate())
    return [
        {"template": "staffing/inspections/panel_agency.html", "agency": agency, "to_suspend": count}
        for agency, count in counts.items()
        if count
    ]
