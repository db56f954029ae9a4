"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .dossier_nav import dossier_nav_items


def nav_items(request, roles):
    items = []
    if roles.sees_all_agencies:
        catalogue = reverse("tthc:procedure-list")
        items.append((_("Procedures"), catalogue, catalogue))
        urgent_lists = reverse("tthc:urgent-list-index")
        items.append((_("Urgent lists"), urgent_lists, urgent_lists))
        calendar = reverse("tthc:calendar")
        items.append((_("Working-day calendar"), calendar, calendar))
    items.extend(dossier_nav_items(request, roles))
    return items
