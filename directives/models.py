"""Gathers the models of the sub-domains for Django; nothing inside the sub-domains imports this module."""

from directives.compliance.models import ComplianceReport
from directives.documents.models import Clause, Document, DocumentReference
from directives.obligations.models import AgencyObligation, Obligation, ReminderLog
from directives.policy.models import WorkModePolicy

__all__ = [
    "AgencyObligation",
    "Clause",
    "ComplianceReport",
    "Document",
    "DocumentReference",
    "Obligation",
    "ReminderLog",
    "WorkModePolicy",
]
