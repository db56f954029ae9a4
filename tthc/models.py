"""Gatherer: Django reads the app's models here; each sub-domain defines its own."""

from tthc.calendar.models import CalendarDay
from tthc.catalogue.models import Procedure
from tthc.dossiers.models import Dossier, DossierCounter, DossierEvent, NoticeLog, id_number_validator
from tthc.reception.models import (
    Petition,
    PetitionCounter,
    PetitionEvent,
    PetitionSettings,
    ReceptionChannels,
    ReceptionSlot,
)
from tthc.urgent_lists.models import UrgentList, UrgentListItem

__all__ = [
    "CalendarDay",
    "Dossier",
    "DossierCounter",
    "DossierEvent",
    "NoticeLog",
    "Petition",
    "PetitionCounter",
    "PetitionEvent",
    "PetitionSettings",
    "Procedure",
    "ReceptionChannels",
    "ReceptionSlot",
    "UrgentList",
    "UrgentListItem",
    "id_number_validator",
]
