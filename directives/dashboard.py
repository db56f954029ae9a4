"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from django.utils import timezone

from staffing.models import Agency

from .agency_caps import agency_caps_for_user
from .constants import DocumentStatus, ObligationState
from .models import ComplianceReport, Document
from .selectors import obligation_matrix, obligations_for_agency, policy_summary_today, published_documents

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
        blocks = []
        for agency in Agency.objects.filter(pk__in=roles.managed_agency_ids).order_by("name"):
            rows = [
                r
                for r in obligations_for_agency(agency=agency, today=today)
                if r.state not in (ObligationState.DONE, ObligationState.CLOSED)
            ]
            blocks.append({"agency": agency, "rows": rows[:HEAD_PANEL_ROWS]})
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
