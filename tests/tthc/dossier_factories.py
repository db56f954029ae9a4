# LAYOUT-SHIM: removed by the coordinator after the merge
"""Old path of the dossier test helpers (tests/compliance_fixtures.py and the security tests import it)."""

from tests.tthc.dossiers.factories import District, at, district_under_2629, receive

__all__ = ["District", "at", "district_under_2629", "receive"]
