"""Urgent-list panels of the public home page and of the district's home pages.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from django.utils import timezone

from .constants import UrgentListStatus
from .models import UrgentList
from .selectors import urgent_list_in_force, urgent_list_items

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
    return [_urgent_list_panel("tthc/urgent_lists/panels/public.html")]


def home_panels(request, roles):
    panels = []
    if roles.sees_all_agencies:
        drafts = UrgentList.objects.filter(status=UrgentListStatus.DRAFT).count()
        panels.append(
            _urgent_list_panel(
                "tthc/urgent_lists/panels/office.html", drafts=drafts, may_compose=roles.is_district_manager
            )
        )
    return panels


def document_panel(document, *, page: str, can_edit: bool = False) -> dict | None:
    """On a published directive's register page, the office starts the urgent-list version it decides."""
    if page != "register" or not can_edit or not document.is_published:
        return None
    versions = list(
        UrgentList.objects.filter(directive=document, status=UrgentListStatus.PUBLISHED).order_by("version")
    )
    return {"template": "tthc/urgent_lists/panels/document.html", "column": "side", "versions": versions}
