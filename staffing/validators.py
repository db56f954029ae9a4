# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.toolkit.phones import MOBILE_RE, normalize_mobile_phone, validate_mobile_phone  # noqa: F401
