"""Menu entry of the dashboard, for district-wide roles."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if not roles.sees_all_agencies:
        return []
    url = reverse("dashboard:dashboard")
    return [(_("Dashboard"), url, url)]
