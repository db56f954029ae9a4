"""Panels of the obligations: each head's open obligations and the office's totals on the home page, and the
obligations block of a document's register page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from collections import defaultdict

from django.utils import timezone

from directives.documents.constants import DocumentStatus
from directives.documents.models import Document
from staffing.registry.models import Agency

from .constants import ObligationState
from .selectors import active_obligations, document_obligations, obligation_cells, obligation_matrix

LATEST_COUNT = 5
HEAD_PANEL_ROWS = 5


def public_panels(request):
    return []


def _agency_panel(roles, today) -> dict:
    # Every agency the person heads in one pass: the queries do not grow with the agencies.
    agencies = list(Agency.objects.filter(pk__in=roles.managed_agency_ids).order_by("name"))
    open_rows = defaultdict(list)
    for cell in obligation_cells(obligations=active_obligations(), agencies=agencies, today=today):
        if cell.state not in (ObligationState.DONE, ObligationState.CLOSED):
            open_rows[cell.agency.pk].append(cell)
    blocks = [{"agency": agency, "rows": open_rows[agency.pk][:HEAD_PANEL_ROWS]} for agency in agencies]
    return {"template": "directives/obligations/panels/agency_obligations.html", "agencies": blocks}


def _office_panel(roles, today) -> dict:
    drafts = None
    if roles.is_district_manager:
        drafts = list(
            Document.objects.filter(status=DocumentStatus.DRAFT).order_by("-created_at")[:LATEST_COUNT]
        )
    return {
        "template": "directives/obligations/panels/office_obligations.html",
        "totals": obligation_matrix(today=today)["totals"],
        "drafts": drafts,
    }


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    if roles.managed_agency_ids:
        panels.append(_agency_panel(roles, today))
    if roles.sees_all_agencies:
        panels.append(_office_panel(roles, today))
    return panels


def document_panel(document, *, page: str, can_edit: bool = False) -> dict | None:
    """The obligations of the document, on its register page."""
    if page != "register":
        return None
    return {
        "template": "directives/obligations/_register_panel.html",
        "column": "main",
        "obligations": document_obligations(document),
    }
