"""Menu entries of the quarterly classification."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    items = []
    managed = sorted(roles.managed_agency_ids)
    if managed and not roles.is_district_manager:
        items.append(
            (
                _("Quarterly classification"),
                reverse("classification:quarter", args=[managed[0]]),
                "/classification/agencies/",
            )
        )
    if roles.sees_all_agencies:
        items.append(
            (_("Classification rule sets"), reverse("classification:rules"), reverse("classification:rules"))
        )
    if roles.staff_member_id:
        items.append((_("My classification"), reverse("classification:mine"), reverse("classification:mine")))
    return items
