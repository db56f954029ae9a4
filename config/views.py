"""Project-level pages: the public home, each user's home, and the health check."""

import os

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from staffing.registry.constants import Role
from staffing.registry.roles import roles_for

from .composition import DESK_PANELS, HOME_PANELS, PUBLIC_PANELS


def public_home(request):
    panels = []
    for module in PUBLIC_PANELS:
        panels.extend(module.public_panels(request))
    return render(request, "public_home.html", {"panels": panels})


@login_required
def home(request):
    roles = roles_for(request.user)
    desk_only = (
        roles.has(Role.ONE_STOP_OFFICER) and not roles.sees_all_agencies and not roles.managed_agency_ids
    )
    panels = []
    for module in DESK_PANELS if desk_only else HOME_PANELS:
        panels.extend(module.home_panels(request, roles))
    return render(request, "home.html", {"roles": roles, "panels": panels})


def favicon(request):
    """Browsers ask /favicon.ico before they read the page's icon link."""
    return redirect(static("img/favicon.svg"), permanent=True)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_broker():
    from config.celery import app

    if app.conf.broker_url.startswith("filesystem://"):
        # The embedded broker is a pair of folders: it is up when the worker and the web can write there.
        for key in ("data_folder_in", "processed_folder"):
            folder = app.conf.broker_transport_options[key]
            if not os.access(folder, os.W_OK):
                raise FileNotFoundError(folder)
        return
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


@never_cache
def healthz(request):
    """200 with every component "ok", or 503 naming what is down (for the load balancer and monitoring)."""
    checks = {"database": _check_database, "broker": _check_broker}
    status = {}
    for name, check in checks.items():
        try:
            check()
            status[name] = "ok"
        except Exception as exc:  # any failure of a dependency is reported, never raised
            status[name] = _("down: %(error)s") % {"error": exc.__class__.__name__}
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)
