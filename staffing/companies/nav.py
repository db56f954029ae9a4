"""Menu entry of the companies register: for the communes' chairmen and officers and the district's roles."""

from django.urls import reverse
from django.utils.translation import gettext as _

from staffing.registry.models import Agency


def nav_items(request, roles):
    if not roles.sees_all_agencies:
        ids = roles.full_view_agency_ids
        if not ids or not Agency.objects.communes().filter(pk__in=ids).exists():
            return []
    return [(_("Companies"), reverse("companies:list"), "/staffing/companies/")]
