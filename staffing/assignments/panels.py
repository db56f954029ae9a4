"""Home panels: a staff member's open work; for a head, each managed agency's stalling work."""

from django.utils import timezone

from staffing.registry.selectors import agencies_managed_by

from . import selectors
from .constants import OPEN_STATUSES
from .models import Assignment

MAX_AGENCY_PANELS = 5
MY_ROWS = 5


def public_panels(request):
    return []


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    if roles.managed_agency_ids and not roles.is_district_manager:
        for agency in agencies_managed_by(request.user)[:MAX_AGENCY_PANELS]:
            open_work = Assignment.objects.filter(agency=agency, status__in=OPEN_STATUSES)
            panels.append(
                {
                    "template": "staffing/assignments/panel_agency.html",
                    "agency": agency,
                    "open": open_work.count(),
                    "stalling": open_work.filter(selectors.stalling_q(today)).count(),
                    "silent": selectors.home_workers_without_report(agency, today),
                }
            )
    if roles.staff_member_id:
        mine = selectors.own_work(roles.staff_member_id, today).filter(status__in=OPEN_STATUSES)
        rows = selectors.with_flags(mine.order_by("due_date", "pk")[:MY_ROWS])
        panels.append({"template": "staffing/assignments/panel_mine.html", "rows": rows})
    return panels
