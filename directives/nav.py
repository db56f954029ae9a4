"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples.

Two entries at most: the policy page is one click away from the home panel and the documents list.
"""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if roles.sees_all_agencies:
        return [
            (_("Documents"), reverse("directives:register_list"), reverse("directives:register_list")),
            (_("Obligations"), reverse("directives:obligation_matrix"), reverse("directives:my_obligations")),
        ]
    items = [(_("Documents"), reverse("directives:public_list"), reverse("directives:public_list"))]
    if roles.managed_agency_ids:
        items.append(
            (_("Obligations"), reverse("directives:my_obligations"), reverse("directives:my_obligations"))
        )
    return items
