"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    policy = (_("Policy in force"), reverse("directives:policy"), reverse("directives:policy"))
    if roles.sees_all_agencies:
        return [
            (
                _("Register of directives"),
                reverse("directives:register_list"),
                reverse("directives:register_list"),
            ),
            (
                _("Obligations by agency"),
                reverse("directives:obligation_matrix"),
                reverse("directives:obligation_matrix"),
            ),
            (
                _("Daily compliance report"),
                reverse("directives:compliance_list"),
                reverse("directives:compliance_list"),
            ),
            policy,
        ]
    public_list = reverse("directives:public_list")
    items = [(_("Directives and official letters"), public_list, public_list)]
    if roles.managed_agency_ids:
        items.append(
            (
                _("Obligations from directives"),
                reverse("directives:my_obligations"),
                reverse("directives:my_obligations"),
            )
        )
    items.append(policy)
    return items
