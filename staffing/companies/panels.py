"""Home panel of a commune's chairman (or head): the commune's operating companies and their share online."""

from staffing.registry.models import Agency

from .selectors import online_share_by_commune

MAX_COMMUNE_PANELS = 3


def public_panels(request):
    return []


def home_panels(request, roles):
    if roles.sees_all_agencies or not roles.managed_agency_ids:
        return []
    communes = list(
        Agency.objects.communes()
        .filter(pk__in=roles.managed_agency_ids)
        .order_by("name")[:MAX_COMMUNE_PANELS]
    )
    if not communes:
        return []
    figures = online_share_by_commune([c.pk for c in communes])
    empty = {"companies": 0, "workforce": 0, "online": 0, "percent": None}
    return [
        {
            "template": "staffing/companies/panel_commune.html",
            "commune": commune,
            "figures": figures.get(commune.pk, empty),
        }
        for commune in communes
    ]
