"""Petition panels of the home pages: each agency's unanswered and overdue petitions, the district's overdue
total, and the public petition form and look-up."""

from django.utils import timezone

from staffing.registry.models import Agency

from .selectors import NO_PETITIONS, overdue_petitions, petition_counts


def public_panels(request):
    return [{"template": "tthc/reception/panels/public.html"}]


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    # Heads answer for the time limit: their agencies' petitions, overdue ones in red.
    managed = roles.managed_agency_ids
    if managed:
        counts = petition_counts(managed, today=today)
        for agency in Agency.objects.filter(pk__in=managed).order_by("name"):
            panels.append(
                {
                    "template": "tthc/reception/panels/agency.html",
                    "agency": agency,
                    **counts.get(agency.pk, NO_PETITIONS),
                }
            )
    if roles.sees_all_agencies:
        panels.append(
            {
                "template": "tthc/reception/panels/district.html",
                "overdue": overdue_petitions(today=today).count(),
            }
        )
    return panels
