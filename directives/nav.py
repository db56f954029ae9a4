"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    items = []
    if roles.sees_all_agencies:
        items.append(
            (_("Directives"), reverse("directives:register_list"), reverse("directives:register_list"))
        )
        items.append(
            (_("Obligations"), reverse("directives:obligation_matrix"), reverse("directives:my_obligations"))
        )
    else:
        items.append((_("Directives"), reverse("directives:public_list"), reverse("directives:public_list")))
        if roles.managed_agency_ids:
            items.append(
                (_("Obligations"), reverse("directives:my_obligations"), reverse("directives:my_obligations"))
            )
    items.append((_("Policy in force"), reverse("directives:policy"), reverse("directives:policy")))
    return items
