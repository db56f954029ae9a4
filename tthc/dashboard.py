# LAYOUT-SHIM: removed by the coordinator after the merge
"""Panels this app adds to the public home page and to each role's home page, from its sub-domains.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""

from tthc.dossiers import panels as dossier_panels
from tthc.urgent_lists import panels as urgent_list_panels


def public_panels(request):
    return [*urgent_list_panels.public_panels(request), *dossier_panels.public_panels(request)]


def home_panels(request, roles):
    return [*urgent_list_panels.home_panels(request, roles), *dossier_panels.home_panels(request, roles)]
