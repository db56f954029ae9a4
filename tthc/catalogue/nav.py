"""Menu entries of the catalogue, the urgent lists and the calendar, for the district's agency-wide roles:
(label, url, active-prefix) tuples."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if not roles.sees_all_agencies:
        return []
    items = []
    catalogue = reverse("tthc:procedure-list")
    items.append((_("Procedures"), catalogue, catalogue))
    urgent_lists = reverse("tthc:urgent-list-index")
    items.append((_("Urgent lists"), urgent_lists, urgent_lists))
    calendar = reverse("tthc:calendar")
    items.append((_("Working-day calendar"), calendar, calendar))
    return items
