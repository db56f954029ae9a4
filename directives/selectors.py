# LAYOUT-SHIM: removed by the coordinator after the merge
from directives.documents.selectors import published_documents  # noqa: F401
from directives.policy.selectors import (  # noqa: F401
    policies_in_force_by_kind,
    policies_in_force_for_days,
    policy_in_force,
)
