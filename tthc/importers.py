# LAYOUT-SHIM: removed by the coordinator after the merge
"""Old path of the catalogue and calendar importers."""

from tthc.calendar.importers import CalendarDayImporter
from tthc.catalogue.importers import ProcedureImporter

__all__ = ["CalendarDayImporter", "ProcedureImporter"]
