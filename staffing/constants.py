# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.registry.constants import (  # noqa: F401
    AGENCY_MANAGER_ROLES,
    AGENCY_ROLES,
    COMMUNE_LEVEL_KINDS,
    DISTRICT_MANAGER_ROLES,
    DISTRICT_WIDE_ROLES,
    AgencyKind,
    DutyGroup,
    Role,
    StaffCategory,
)
from staffing.workmodes.constants import DayStatus, WorkModeKind  # noqa: F401
