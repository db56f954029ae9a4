# LAYOUT-SHIM: removed by the coordinator after the merge
"""The directives' home-page panels, in the order the pages show them: config/views.py will read the
sub-domains' `panels` modules itself (public: policy, documents; home: obligations, compliance, policy)."""

from directives.compliance import panels as compliance_panels
from directives.documents import panels as documents_panels
from directives.obligations import panels as obligations_panels
from directives.policy import panels as policy_panels

PUBLIC = (policy_panels, documents_panels)
HOME = (obligations_panels, compliance_panels, policy_panels)


def public_panels(request):
    return [panel for module in PUBLIC for panel in module.public_panels(request)]


def home_panels(request, roles):
    return [panel for module in HOME for panel in module.home_panels(request, roles)]
