# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.registry.demo import mobile_number, seed, synthetic_name  # noqa: F401
