"""Menu entry of the policy in force, for everyone signed in."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    policy = reverse("directives:policy")
    return [(_("Policy in force"), policy, policy)]
