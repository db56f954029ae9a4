"""Menu entry of the dossier pages, for one-stop officers and the district's agency-wide roles."""

from django.urls import reverse
from django.utils.translation import gettext as _

from staffing.constants import Role


def dossier_nav_items(request, roles):
    if not (roles.sees_all_agencies or roles.has(Role.ONE_STOP_OFFICER)):
        return []
    url = reverse("tthc:dossier-home")
    return [(_("Dossiers"), url, url)]
