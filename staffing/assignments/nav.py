"""Menu entries of assigned work for the signed-in user's roles."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Deputy


def nav_items(request, roles):
    items = []
    deputy = bool(roles.staff_member_id) and Deputy.objects.filter(staff_id=roles.staff_member_id).exists()
    if (roles.managed_agency_ids or deputy) and not roles.is_district_manager:
        items.append((_("Assigned work"), reverse("assignments:index"), "/assignments/agencies/"))
    if roles.sees_all_agencies:
        items.append(
            (_("Work that must not stall"), reverse("assignments:stalled"), reverse("assignments:stalled"))
        )
    if roles.staff_member_id:
        items.append((_("My work"), reverse("assignments:mine"), reverse("assignments:mine")))
    return items
