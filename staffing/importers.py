# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.registry.importers import StaffImporter  # noqa: F401
