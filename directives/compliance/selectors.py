"""Who receives the daily compliance report."""

from django.db.models import Q

from staffing.registry.constants import Role
from staffing.registry.models import RoleAssignment

REPORT_ROLES = (Role.DISTRICT_OFFICE, Role.DISTRICT_LEADERSHIP)


def report_recipients() -> list[str]:
    """E-mail addresses of active district office staff and district leadership, each once, sorted."""
    emails = (
        RoleAssignment.objects.filter(role__in=REPORT_ROLES, agency__isnull=True, user__is_active=True)
        .exclude(Q(user__email="") | Q(user__email__isnull=True))
        .values_list("user__email", flat=True)
    )
    return sorted({email.strip().lower() for email in emails})
