"""Menu entry of the dossier pages, for one-stop officers, heads and the district's agency-wide roles."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import DOSSIER_READER_ROLES


def nav_items(request, roles):
    if not (roles.sees_all_agencies or roles.agencies_with(*DOSSIER_READER_ROLES)):
        return []
    url = reverse("tthc:dossier-home")
    return [(_("Dossiers"), url, url)]
