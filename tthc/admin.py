"""Gatherer: the admin of each sub-domain registers its models when imported here."""

from tthc.calendar import admin as calendar_admin  # noqa: F401
from tthc.catalogue import admin as catalogue_admin  # noqa: F401
from tthc.dossiers import admin as dossier_admin  # noqa: F401
from tthc.reception import admin as reception_admin  # noqa: F401
from tthc.urgent_lists import admin as urgent_list_admin  # noqa: F401
