# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.workmodes.planning import week_to_plan  # noqa: F401
