# LAYOUT-SHIM: removed by the coordinator after the merge
"""`directives.compliance` was a module: staffing and tthc still import its names from here until the
coordinator points them at `directives.compliance.registry`. Names resolve lazily, so importing a submodule
of this package does not load the registry first."""

import importlib

_MOVED = {
    "Column": "registry",
    "Section": "registry",
    "build_report": "registry",
    "next_working_day": "registry",
    "register_section": "registry",
    "registered_sections": "registry",
    "render_report": "registry",
    "report_recipients": "selectors",
}


def __getattr__(name):
    if name in _MOVED:
        return getattr(importlib.import_module(f"directives.compliance.{_MOVED[name]}"), name)
    raise AttributeError(f"module 'directives.compliance' has no attribute {name!r}")
