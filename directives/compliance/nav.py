"""Menu entry of the daily compliance report, for district-wide roles."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if not roles.sees_all_agencies:
        return []
    reports = reverse("directives:compliance_list")
    return [(_("Daily compliance report"), reports, reports)]
