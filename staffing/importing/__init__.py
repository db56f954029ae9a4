# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.toolkit.importing import *  # noqa: F401,F403
from staffing.toolkit.importing import __all__  # noqa: F401
