"""Menu entry of the outbox, for the district-wide roles (the office retries, leadership reads)."""

from django.urls import reverse
from django.utils.translation import gettext as _


def nav_items(request, roles):
    if not roles.sees_all_agencies:
        return []
    url = reverse("outbox:list")
    return [(_("E-mail outbox"), url, url)]
