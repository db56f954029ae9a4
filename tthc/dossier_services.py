# LAYOUT-SHIM: removed by the coordinator after the merge
"""Old path of the dossier services."""

from tthc.dossiers.services import dossier_receive

__all__ = ["dossier_receive"]
