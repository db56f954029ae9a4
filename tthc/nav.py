# LAYOUT-SHIM: removed by the coordinator after the merge
"""Menu entries of this app for the signed-in user's roles: the sub-domains' entries, in menu order."""

from tthc.catalogue import nav as catalogue_nav
from tthc.dossiers import nav as dossier_nav


def nav_items(request, roles):
    return [*catalogue_nav.nav_items(request, roles), *dossier_nav.nav_items(request, roles)]
