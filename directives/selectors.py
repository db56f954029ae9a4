"""The one question the rest of the product asks: which work-mode policy is in force for an agency on a day."""

import datetime

from django.db.models import Q

from staffing.constants import AgencyKind

from .constants import DocumentStatus
from .models import Document, WorkModePolicy


def _policies_overlapping(start: datetime.date, end: datetime.date):
    """Policies of published or revoked directives whose period touches [start, end], newest issued first."""
    return (
        WorkModePolicy.objects.select_related("directive")
        .filter(directive__status__in=[DocumentStatus.PUBLISHED, DocumentStatus.REVOKED])
        .filter(effective_from__lte=end)
        .filter(Q(effective_until__isnull=True) | Q(effective_until__gte=start))
        .filter(Q(directive__revoked_on__isnull=True) | Q(directive__revoked_on__gt=start))
        .order_by("-directive__issued_on", "-directive__published_at", "-id")
    )


def _in_force(policy: WorkModePolicy, agency_kind: str, day: datetime.date) -> bool:
    directive = policy.directive
    if directive.status == DocumentStatus.REVOKED and (
        directive.revoked_on is None or directive.revoked_on <= day
    ):
        return False
    if policy.effective_from > day or (policy.effective_until and policy.effective_until < day):
        return False
    return policy.applies_to_kind(agency_kind)


def policy_in_force(*, agency, day: datetime.date) -> WorkModePolicy | None:
    """The policy in force for this agency on this day, or None for normal operations (no cap).

    Where several overlap, the most recently issued published directive wins; a revoked directive's
    policy ends on the revocation date.
    """
    for policy in _policies_overlapping(day, day):
        if _in_force(policy, agency.kind, day):
            return policy
    return None


def policies_in_force_for_days(*, agency, days) -> dict:
    """{day: policy or None} for several days with one query (the week grid, the API range)."""
    days = sorted(days)
    if not days:
        return {}
    candidates = list(_policies_overlapping(days[0], days[-1]))
    return {day: next((p for p in candidates if _in_force(p, agency.kind, day)), None) for day in days}


def policies_in_force_by_kind(*, day: datetime.date) -> dict:
    """{agency kind: policy or None} on one day with one query (district-wide tables)."""
    candidates = list(_policies_overlapping(day, day))
    return {
        kind: next((p for p in candidates if _in_force(p, kind, day)), None) for kind in AgencyKind.values
    }


def published_documents():
    return Document.objects.filter(status__in=[DocumentStatus.PUBLISHED, DocumentStatus.REVOKED])
