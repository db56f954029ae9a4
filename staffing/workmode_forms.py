# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.workmodes.forms import cell_name  # noqa: F401
