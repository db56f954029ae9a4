"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from django.utils import timezone

from .catalogue_selectors import urgent_list_in_force, urgent_list_items
from .constants import UrgentListStatus
from .dossier_dashboard import dossier_home_panels, dossier_public_panels
from .models import UrgentList

PANEL_ITEMS = 8


def _urgent_list_panel(template: str, **extra) -> dict:
    in_force = urgent_list_in_force(timezone.localdate())
    items = list(urgent_list_items(in_force)[: PANEL_ITEMS + 1]) if in_force else []
    return {
        "template": template,
        "urgent_list": in_force,
        "items": items[:PANEL_ITEMS],
        "more": len(items) > PANEL_ITEMS,
        **extra,
    }


def public_panels(request):
    return [_urgent_list_panel("tthc/public/panel_urgent_list.html"), *dossier_public_panels(request)]


def home_panels(request, roles):
    panels = []
    if roles.sees_all_agencies:
        drafts = UrgentList.objects.filter(status=UrgentListStatus.DRAFT).count()
        panels.append(
            _urgent_list_panel(
                "tthc/catalogue/panel_urgent_lists.html", drafts=drafts, may_compose=roles.is_district_manager
            )
        )
    panels.extend(dossier_home_panels(request, roles))
    return panels
