"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from django.utils import timezone

from .constants import Role
from .models import Agency, StaffMember
from .selectors import agency_counts_by_kind, public_directory, staff_counts

# More agencies than this for one user (rare: a head acting for several) are reached through the list.
MAX_AGENCY_CARDS = 4


def public_panels(request):
    return [
        {
            "template": "staffing/registry/panels/public_directory.html",
            "agency_count": public_directory().count(),
        }
    ]


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    if roles.sees_all_agencies:
        panels.append(
            {
                "template": "staffing/registry/panels/district.html",
                "agencies_by_kind": agency_counts_by_kind(),
                "counts": staff_counts(StaffMember.objects.all(), day=today),
                "can_manage": roles.is_district_manager,
            }
        )
    agency_ids = roles.full_view_agency_ids
    if agency_ids and not roles.sees_all_agencies:
        agencies = Agency.objects.filter(pk__in=agency_ids).order_by("name")[:MAX_AGENCY_CARDS]
        for agency in agencies:
            panels.append(
                {
                    "template": "staffing/registry/panels/agency.html",
                    "agency": agency,
                    "counts": staff_counts(agency.staff.all(), day=today),
                    "roles_here": [
                        r.label
                        for r in roles.by_agency
                        if r != Role.STAFF_MEMBER and agency.pk in roles.by_agency[r]
                    ],
                    "can_manage": roles.can_manage_agency(agency.pk),
                }
            )
    if roles.staff_member_id:
        member = StaffMember.objects.select_related("agency").get(pk=roles.staff_member_id)
        panels.append(
            {
                "template": "staffing/registry/panels/my_card.html",
                "member": member,
                "width": "col-12 col-lg-6",
            }
        )
    return panels
