# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.registry.filters import AgencyApiFilter, AgencyFilter, StaffFilter  # noqa: F401
from staffing.toolkit.filters import (  # noqa: F401
    CheckboxFilter,
    FilterBoundField,
    FilterForm,
    ListFilterSet,
    filter_query,
    search_input,
    select,
)
