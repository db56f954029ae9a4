# LAYOUT-SHIM: removed by the coordinator after the merge
"""Old path of the tthc constants; each now lives in its sub-domain's constants.py."""

from tthc.calendar.constants import CalendarDayKind, ProcessingTimeUnit
from tthc.catalogue.constants import ProcedureLevel
from tthc.dossiers.constants import (
    OPEN_DOSSIER_STATUSES,
    OPEN_FILTER,
    SORT_BY_DUE_DATE,
    SORT_BY_RECEIVED,
    DossierEventKind,
    DossierStatus,
    NoticeKind,
)
from tthc.intake.constants import ONLINE_INTAKE_MIN_LEVEL, Channel
from tthc.urgent_lists.constants import UrgentListStatus

__all__ = [
    "ONLINE_INTAKE_MIN_LEVEL",
    "OPEN_DOSSIER_STATUSES",
    "OPEN_FILTER",
    "SORT_BY_DUE_DATE",
    "SORT_BY_RECEIVED",
    "CalendarDayKind",
    "Channel",
    "DossierEventKind",
    "DossierStatus",
    "NoticeKind",
    "ProcedureLevel",
    "ProcessingTimeUnit",
    "UrgentListStatus",
]
