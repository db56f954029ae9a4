# LAYOUT-SHIM: removed by the coordinator after the merge
from staffing.registry.services import (  # noqa: F401
    STAFF_MEMBER_FIELDS,
    staff_member_check,
    staff_member_link_user,
    staff_member_save,
    staff_members_import,
)
