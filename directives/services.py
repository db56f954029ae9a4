# LAYOUT-SHIM: removed by the coordinator after the merge
from directives.documents.services import (  # noqa: F401
    clause_create,
    clause_delete,
    clause_update,
    document_create,
    document_publish,
    document_revoke,
    document_update,
    reference_add,
    reference_remove,
)
from directives.obligations.services import (  # noqa: F401
    obligation_acknowledge,
    obligation_close,
    obligation_create,
    obligation_mark_done,
    obligation_reminders_send,
    obligation_reopen,
    obligation_waive,
    obligation_waiver_cancel,
)
from directives.policy.services import policy_set  # noqa: F401
