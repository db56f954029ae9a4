# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.workmodes.services import WorkModeCapExceeded, work_modes_set  # noqa: F401
