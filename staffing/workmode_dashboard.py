"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

import datetime

from django.utils import timezone

from .selectors import agencies_managed_by
from .workmode_selectors import district_day_table, over_cap_days, work_mode_days

LOOKAHEAD_DAYS = 14
MAX_AGENCY_PANELS = 5


def public_panels(request):
    return []


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    if roles.managed_agency_ids and not roles.is_district_manager:
        horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS - 1)
        for agency in agencies_managed_by(request.user)[:MAX_AGENCY_PANELS]:
            panels.append(
                {
                    "template": "staffing/work_modes/panel_agency.html",
                    "agency": agency,
                    "today": work_mode_days(agency=agency, start=today, end=today)[today],
                    "over_cap_days": over_cap_days(agency=agency, start=today, end=horizon),
                    "lookahead": LOOKAHEAD_DAYS,
                }
            )
    if roles.sees_all_agencies:
        rows = district_day_table(day=today)
        panels.append(
            {
                "template": "staffing/work_modes/panel_district.html",
                "day": today,
                "agencies": len(rows),
                "over_cap": [row for row in rows if row.over_cap],
                "no_plan": sum(1 for row in rows if row.status == "no_plan"),
                "remote": sum(row.remote for row in rows),
                "counted": sum(row.counted for row in rows),
            }
        )
    return panels
