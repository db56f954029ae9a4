# LAYOUT-SHIM: removed by the coordinator after the merge
from directives.compliance.tasks import send_daily_compliance_report  # noqa: F401
from directives.obligations.tasks import send_obligation_reminders  # noqa: F401
