"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples.

The menu marks an entry active when the first 20 characters of the path match its prefix.
"""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    items = []
    managed = sorted(roles.managed_agency_ids)
    if managed and not roles.is_district_manager:
        if len(managed) == 1:
            week_url = reverse("work_modes:week", args=[managed[0]])
            today_url = reverse("work_modes:today", args=[managed[0]])
        else:
            week_url = reverse("work_modes:agencies")
            today_url = f"{reverse('work_modes:agencies')}?next=today"
        items.append((_("Week plan"), week_url, "/work-modes/agencies/"))
        items.append((_("Today"), today_url, reverse("work_modes:today", args=[managed[0]])))
    if roles.sees_all_agencies:
        items.append((_("Daily overview"), reverse("work_modes:district"), reverse("work_modes:district")))
    if roles.staff_member_id:
        items.append((_("My schedule"), reverse("work_modes:mine"), reverse("work_modes:mine")))
    return items
