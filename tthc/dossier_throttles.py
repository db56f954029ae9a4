# LAYOUT-SHIM: removed by the coordinator after the merge
"""Old path of the public look-up throttle."""

from tthc.dossiers.throttles import PublicLookupThrottle

__all__ = ["PublicLookupThrottle"]
