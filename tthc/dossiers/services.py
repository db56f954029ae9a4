"""The one write path of dossiers: intake under the policy in force, the status trail, extensions, notices.

Forms, the API, the demo and the Celery tasks all call these functions.
"""

from .extensions import dossiers_extend
from .notices import pre_cutoff_notice_due, pre_cutoff_notice_send
from .receive import dossier_receive
from .transitions import TRANSITIONS, allowed_transitions, dossier_transition

__all__ = [
    "TRANSITIONS",
    "allowed_transitions",
    "dossier_receive",
    "dossier_transition",
    "dossiers_extend",
    "pre_cutoff_notice_due",
    "pre_cutoff_notice_send",
]
