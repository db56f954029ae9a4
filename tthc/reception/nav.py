"""Menu entry of the petition pages, for the agencies' people and the district's agency-wide roles."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if not (roles.sees_all_agencies or roles.visible_agency_ids):
        return []
    url = reverse("tthc:petition-home")
    return [(_("Petitions"), url, url)]
