"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    items = []
    agency_ids = roles.full_view_agency_ids
    if roles.sees_all_agencies or len(agency_ids) > 1:
        items.append((_("Agencies"), reverse("staffing:agency-list"), "/staffing/agencies/"))
    elif agency_ids:
        (agency_id,) = agency_ids
        items.append(
            (_("My agency"), reverse("staffing:agency-detail", args=[agency_id]), "/staffing/agencies/")
        )
    if roles.is_district_manager or roles.managed_agency_ids:
        items.append((_("Staff import"), reverse("staffing:import-start"), "/staffing/staff/import/"))
    if roles.staff_member_id:
        items.append((_("My page"), reverse("staffing:my-page"), "/staffing/staff/"))
    return items
