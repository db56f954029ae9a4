import functools

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy

from staffing.notifications.selectors import unread_count
from staffing.registry.roles import roles_for

from .composition import menu_groups


def _public_items():
    """What citizens and businesses look up without an account (clause 4: publish the arrangements)."""
    return [
        (pgettext_lazy("menu", "Directives"), reverse("directives:public_list"), "/directives/"),
        (
            pgettext_lazy("menu", "Urgent in-person list"),
            reverse("tthc:public-urgent-list"),
            "/tthc/urgent-list/",
        ),
        (pgettext_lazy("menu", "Intake arrangements"), reverse("tthc:public-agency-index"), "/tthc/intake/"),
        (pgettext_lazy("menu", "Dossier status"), reverse("tthc:dossier-lookup"), "/tthc/dossiers/lookup/"),
        (pgettext_lazy("menu", "Agency directory"), reverse("staffing:directory"), "/staffing/directory/"),
    ]


def _district_name_inline() -> str:
    """In Vietnamese the unit's kind after "Ủy ban nhân dân" is lower case: "Ủy ban nhân dân huyện Củ Chi"."""
    name = settings.DISTRICT_NAME
    return name[:1].lower() + name[1:] if get_language() == "vi" else name


def navigation(request):
    """The menu of the signed-in user's roles: one drop-down per app, each app's nav module adds its entries."""
    roles = roles_for(request.user)
    if request.user.is_authenticated:
        groups = menu_groups(request, roles)
    else:
        groups = [
            {"label": label, "items": [(label, url, prefix)], "active": request.path.startswith(prefix)}
            for label, url, prefix in _public_items()
        ]
    return {
        "DISTRICT_NAME": settings.DISTRICT_NAME,
        "DISTRICT_NAME_INLINE": _district_name_inline(),
        "nav_groups": groups,
        "user_roles": roles,
        # The bell: one indexed count, counted only on pages that show it (not the admin, not the API).
        "notifications_unread": functools.cache(functools.partial(unread_count, request.user)),
    }
