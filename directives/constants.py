# LAYOUT-SHIM: removed by the coordinator after the merge
from directives.documents.constants import DocumentKind, DocumentStatus, ReferenceRelation  # noqa: F401
from directives.obligations.constants import AcknowledgementMethod, ObligationState  # noqa: F401
