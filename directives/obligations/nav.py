"""Menu entries of the obligations: the office's matrix, or a head's own obligations."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if roles.sees_all_agencies:
        matrix = reverse("directives:obligation_matrix")
        return [(_("Obligations by agency"), matrix, matrix)]
    if roles.managed_agency_ids:
        mine = reverse("directives:my_obligations")
        return [(_("Obligations from directives"), mine, mine)]
    return []
