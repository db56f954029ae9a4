"""Home panel for those who run a commune: the follow-ups of company checks overdue and due soon."""

from django.utils import timezone

from staffing.registry.models import Agency

from .constants import FOLLOW_UP_DUE_DAYS
from .selectors import follow_ups

MAX_ROWS = 5


def public_panels(request):
    return []


def home_panels(request, roles):
    if roles.is_district_manager or not roles.managed_agency_ids:
        return []
    today = timezone.localdate()
    panels = []
    for commune in Agency.objects.communes().filter(pk__in=roles.managed_agency_ids).order_by("name")[:3]:
        overdue, due = follow_ups(commune, today=today)
        panels.append(
            {
                "template": "staffing/company_checks/panel_commune.html",
                "commune": commune,
                "overdue": overdue[:MAX_ROWS],
                "overdue_count": len(overdue),
                "due": due[:MAX_ROWS],
                "due_count": len(due),
                "within": FOLLOW_UP_DUE_DAYS,
            }
        )
    return panels
