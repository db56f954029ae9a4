# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.workmodes.selectors import DaySummary, district_day_table, work_mode_days  # noqa: F401
