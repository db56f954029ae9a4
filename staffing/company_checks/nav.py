"""Menu entries of the checks: a commune's own checks; the district's table and the office's criteria."""

from django.urls import reverse
from django.utils.translation import gettext as _

from staffing.registry.models import Agency


def nav_items(request, roles):
    if roles.sees_all_agencies:
        return [
            (_("Company checks by commune"), reverse("company_checks:district"), "/company-checks/district/"),
            (_("Company check criteria"), reverse("company_checks:criteria"), "/company-checks/criteria/"),
        ]
    ids = roles.full_view_agency_ids
    commune = (
        Agency.objects.communes().filter(pk__in=ids).order_by("name").values_list("pk", flat=True).first()
    )
    if commune is None:
        return []
    return [(_("Company checks"), reverse("company_checks:commune", args=[commune]), "/company-checks/")]
