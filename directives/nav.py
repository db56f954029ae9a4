# LAYOUT-SHIM: removed by the coordinator after the merge
"""The directives menu, in the order the menu shows it: the coordinator's context processor in config/ will
read the sub-domains' `nav` modules itself (`DIRECTIVES_NAV`, in this order)."""

from directives.compliance import nav as compliance_nav
from directives.documents import nav as documents_nav
from directives.obligations import nav as obligations_nav
from directives.policy import nav as policy_nav

DIRECTIVES_NAV = (documents_nav, obligations_nav, compliance_nav, policy_nav)


def nav_items(request, roles):
    return [item for module in DIRECTIVES_NAV for item in module.nav_items(request, roles)]
