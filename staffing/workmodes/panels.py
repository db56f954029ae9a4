"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

import datetime

from django.utils import timezone

from directives.policy.selectors import policy_in_force
from staffing.registry.models import StaffMember
from staffing.registry.selectors import agencies_managed_by

from .constants import WorkModeKind
from .forms import iso_week
from .models import WorkMode
from .selectors import district_day_table, weekday_name, work_mode_days

LOOKAHEAD_DAYS = 14
MAX_AGENCY_PANELS = 5
HOME_WORKERS_SHOWN = 6
MY_DAYS = 7


def public_panels(request):
    return []


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    if roles.managed_agency_ids and not roles.is_district_manager:
        horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS - 1)
        next_week = iso_week(today + datetime.timedelta(days=7))
        for agency in agencies_managed_by(request.user)[:MAX_AGENCY_PANELS]:
            # Clause 2: home workers keep their phone on 24/24; the head reaches them from the home page.
            home_workers = (
                StaffMember.objects.active_on(today)
                .filter(
                    work_modes__agency=agency, work_modes__day=today, work_modes__mode=WorkModeKind.REMOTE
                )
                .order_by("full_name", "id")
            )
            days = work_mode_days(agency=agency, start=today, end=horizon)
            summary = days[today]
            panels.append(
                {
                    "template": "staffing/workmodes/panel_agency.html",
                    "agency": agency,
                    "today": summary,
                    "home_count": summary.modes.get(WorkModeKind.REMOTE, 0),
                    "over_cap_days": [day for day in days.values() if day.over_cap],
                    "lookahead": LOOKAHEAD_DAYS,
                    "home_workers": list(home_workers.only("full_name", "mobile_phone")[:HOME_WORKERS_SHOWN]),
                    "next_week": next_week,
                }
            )
    if roles.sees_all_agencies:
        rows = district_day_table(day=today)
        panels.append(
            {
                "template": "staffing/workmodes/panel_district.html",
                "day": today,
                "agencies": len(rows),
                "over_cap": [row for row in rows if row.over_cap],
                "no_plan": sum(1 for row in rows if row.status == "no_plan"),
                "remote": sum(row.remote for row in rows),
                "counted": sum(row.counted for row in rows),
            }
        )
    if roles.staff_member_id:
        end = today + datetime.timedelta(days=MY_DAYS - 1)
        modes = dict(
            WorkMode.objects.filter(staff_id=roles.staff_member_id, day__gte=today, day__lte=end).values_list(
                "day", "mode"
            )
        )
        days = [today + datetime.timedelta(days=n) for n in range(MY_DAYS)]
        member = StaffMember.objects.select_related("agency").get(pk=roles.staff_member_id)
        policy = policy_in_force(agency=member.agency, day=today)
        panels.append(
            {
                "template": "staffing/workmodes/panel_mine.html",
                "citation": policy.cap_citation if policy else "",
                "today_mode": modes.get(today, ""),
                "days": [
                    {
                        "day": day,
                        "weekday": weekday_name(day),
                        "mode": modes.get(day, ""),
                        "label": WorkModeKind(modes[day]).label if day in modes else "",
                    }
                    for day in days
                ],
            }
        )
    return panels
