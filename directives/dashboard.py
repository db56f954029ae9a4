"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from collections import defaultdict

from django.utils import timezone

from staffing.models import Agency

from .agency_caps import agency_caps_for_user
from .constants import DocumentStatus, ObligationState
from .models import ComplianceReport, Document
from .selectors import (
    active_obligations,
    obligation_cells,
    obligation_matrix,
    policy_summary_today,
    published_documents,
)

LATEST_COUNT = 5
HEAD_PANEL_ROWS = 5


def public_panels(request):
    return [
        {"template": "directives/panels/policy_today.html", "summary": policy_summary_today()},
        {
            "template": "directives/panels/latest_documents.html",
            "documents": list(published_documents().order_by("-issued_on", "-id")[:LATEST_COUNT]),
        },
    ]


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    if roles.managed_agency_ids:
        # Every agency the person heads in one pass: the queries do not grow with the agencies.
        agencies = list(Agency.objects.filter(pk__in=roles.managed_agency_ids).order_by("name"))
        open_rows = defaultdict(list)
        for cell in obligation_cells(obligations=active_obligations(), agencies=agencies, today=today):
            if cell.state not in (ObligationState.DONE, ObligationState.CLOSED):
                open_rows[cell.agency.pk].append(cell)
        blocks = [{"agency": agency, "rows": open_rows[agency.pk][:HEAD_PANEL_ROWS]} for agency in agencies]
        panels.append({"template": "directives/panels/agency_obligations.html", "agencies": blocks})
    if roles.sees_all_agencies:
        drafts = None
        if roles.is_district_manager:
            drafts = list(
                Document.objects.filter(status=DocumentStatus.DRAFT).order_by("-created_at")[:LATEST_COUNT]
            )
        panels.append(
            {
                "template": "directives/panels/office_obligations.html",
                "totals": obligation_matrix(today=today)["totals"],
                "drafts": drafts,
            }
        )
        panels.append(
            {
                "template": "directives/compliance/panel.html",
                "latest": ComplianceReport.objects.defer("content").order_by("-day").first(),
            }
        )
    panels.append(
        {
            "template": "directives/panels/policy_today.html",
            "summary": policy_summary_today(today=today),
            "agency_caps": agency_caps_for_user(request.user, day=today),
        }
    )
    return panels
