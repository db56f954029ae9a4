"""Menu entries of the register for the signed-in user's roles: (label, url, active-prefix) tuples."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if roles.sees_all_agencies:
        register = reverse("directives:register_list")
        return [(_("Register of directives"), register, register)]
    public_list = reverse("directives:public_list")
    return [(_("Directives and official letters"), public_list, public_list)]
