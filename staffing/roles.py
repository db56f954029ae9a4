# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.registry.roles import UserRoles, roles_for  # noqa: F401
