# LAYOUT-SHIM: removed by the coordinator after the merge
"""Old path of the catalogue and urgent-list services."""

from tthc.catalogue.services import procedure_save
from tthc.urgent_lists.services import (
    urgent_list_create_draft,
    urgent_list_discard_draft,
    urgent_list_publish,
    urgent_list_set_items,
    urgent_list_update_draft,
)

__all__ = [
    "procedure_save",
    "urgent_list_create_draft",
    "urgent_list_discard_draft",
    "urgent_list_publish",
    "urgent_list_set_items",
    "urgent_list_update_draft",
]
