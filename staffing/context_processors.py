from django.conf import settings

from .roles import roles_for


def navigation(request):
    """The menu of the signed-in user's roles: each app's nav module adds its own entries."""
    from directives import nav as directives_nav
    from tthc import nav as tthc_nav

    from . import nav as staffing_nav
    from . import workmode_nav

    roles = roles_for(request.user)
    items = []
    if request.user.is_authenticated:
        for module in (workmode_nav, staffing_nav, directives_nav, tthc_nav):
            items.extend(module.nav_items(request, roles))
    return {
        "DISTRICT_NAME": settings.DISTRICT_NAME,
        "nav_items": items,
        "user_roles": roles,
    }
