"""Menu entries of inspection teams for the signed-in user's roles."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if roles.sees_all_agencies:
        return [(_("Inspection teams"), reverse("inspections:district"), "/inspections/")]
    if roles.full_view_agency_ids:
        return [(_("Inspection teams"), reverse("inspections:index"), "/inspections/")]
    return []
