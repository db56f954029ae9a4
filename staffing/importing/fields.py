# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.toolkit.importing.fields import ChoiceLabelField, fold  # noqa: F401
