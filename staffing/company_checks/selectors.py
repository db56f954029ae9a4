"""Reads of the checks, scoped like the companies register (district roles see every commune, a
commune's own roles their commune; 404 otherwise), and the district office's table in a fixed number of
queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from staffing.companies.models import Company
from staffing.companies.selectors import (
    communes_visible_to,
    get_commune_for_user,
    get_company_for_user,
    may_view_commune,
    online_share_by_commune,
)
from staffing.registry.models import Agency
from staffing.registry.roles import roles_for

from .constants import FOLLOW_UP_DUE_DAYS, Outcome
from .models import CompanyCheck, CriteriaSet

__all__ = [
    "communes_visible_to",
    "get_commune_for_user",
    "get_company_for_user",
]


def may_record(user, commune_id) -> bool:
    """Those who run the commune (its chairman, a head) and the district's managers record checks."""
    return roles_for(user).can_manage_agency(int(commune_id))


def get_check_for_user(user, pk, *, manage: bool = False) -> CompanyCheck:
    check = get_object_or_404(
        CompanyCheck.objects.select_related("company", "commune", "checked_by", "criteria_set"), pk=pk
    )
    if not may_view_commune(user, check.commune_id) or (manage and not may_record(user, check.commune_id)):
        raise Http404
    return check


def criteria_set_in_force(day: datetime.date, workplace_kind: str = "") -> CriteriaSet | None:
    """The newest version in force that day for this kind of workplace, or else the general one."""
    sets = CriteriaSet.objects.filter(effective_from__lte=day, workplace_kind__in={workplace_kind, ""})
    ranked = sorted(sets, key=lambda s: (s.workplace_kind == workplace_kind, s.effective_from, s.version))
    return ranked[-1] if ranked else None


def latest_check_id(company_ref="pk"):
    """The id of a company's latest check (by date, then by the order of recording)."""
    return Subquery(
        CompanyCheck.objects.filter(company=OuterRef(company_ref))
        .order_by("-checked_on", "-pk")
        .values("pk")[:1]
    )


def latest_checks():
    """Each company's latest check, as a queryset of checks."""
    later = CompanyCheck.objects.filter(company=OuterRef("company")).filter(
        Q(checked_on__gt=OuterRef("checked_on")) | Q(checked_on=OuterRef("checked_on"), pk__gt=OuterRef("pk"))
    )
    return CompanyCheck.objects.filter(~Exists(later))


def open_follow_ups_q() -> Q:
    return Q(follow_up_on__isnull=False, follow_up_closed_on__isnull=True)


def follow_ups(commune, *, today: datetime.date, within: int = FOLLOW_UP_DUE_DAYS):
    """Open follow-ups of the commune's checks: (overdue, due within `within` days), soonest first."""
    open_ = (
        CompanyCheck.objects.filter(commune=commune)
        .filter(open_follow_ups_q())
        .select_related("company", "checked_by")
        .order_by("follow_up_on", "pk")
    )
    overdue = list(open_.filter(follow_up_on__lt=today))
    due = list(
        open_.filter(follow_up_on__gte=today, follow_up_on__lte=today + datetime.timedelta(days=within))
    )
    return overdue, due


def follow_up_counts(communes, *, today: datetime.date, within: int = FOLLOW_UP_DUE_DAYS) -> dict:
    """Per commune id: {"overdue": n, "due": n}, in one query."""
    rows = (
        CompanyCheck.objects.filter(commune__in=communes)
        .filter(open_follow_ups_q())
        .order_by()
        .values("commune_id")
        .annotate(
            overdue=Count("pk", filter=Q(follow_up_on__lt=today)),
            due=Count(
                "pk",
                filter=Q(follow_up_on__gte=today, follow_up_on__lte=today + datetime.timedelta(days=within)),
            ),
        )
    )
    return {row.pop("commune_id"): row for row in rows}


def companies_with_latest_check(commune, *, outcome: str = "", risk: str = "", search: str = ""):
    """The commune's companies, each with its latest check's figures annotated (None when never checked)."""
    latest = CompanyCheck.objects.filter(pk=OuterRef("latest_id"))
    qs = (
        Company.objects.filter(commune=commune)
        .annotate(latest_id=latest_check_id())
        .annotate(
            latest_on=Subquery(latest.values("checked_on")),
            latest_outcome=Subquery(latest.values("outcome")),
            latest_risk=Subquery(latest.values("risk_level")),
            latest_score=Subquery(latest.values("score")),
            latest_max=Subquery(latest.values("max_score")),
            latest_follow_up=Subquery(latest.filter(open_follow_ups_q()).values("follow_up_on")),
        )
        .order_by("name", "pk")
    )
    if outcome == "none":
        qs = qs.filter(latest_id__isnull=True)
    elif outcome in Outcome.values:
        qs = qs.filter(latest_outcome=outcome)
    if risk:
        qs = qs.filter(latest_risk=risk)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(tax_code__startswith=search.replace(" ", "")))
    return qs


def checks_of_company(company):
    return (
        CompanyCheck.objects.filter(company=company)
        .select_related("checked_by", "criteria_set", "follow_up_check")
        .order_by("-checked_on", "-pk")
    )


@dataclass
class CommuneRow:
    commune: Agency
    outcomes: dict = field(default_factory=dict)  # outcome value -> count of latest checks
    risks: dict = field(default_factory=dict)  # risk label -> count of latest checks
    companies: int = 0
    checked: int = 0
    workforce: int = 0
    online: int = 0
    online_percent: int | None = None
    overdue: int = 0
    due: int = 0


def district_table(*, today: datetime.date, communes=None) -> list[CommuneRow]:
    """Per commune: the latest check of each company counted by outcome and by risk level, the share of
    the register's workforce working online, and the open follow-ups. Four queries, whatever the numbers
    of communes, companies and checks."""
    communes = list(communes if communes is not None else Agency.objects.communes().order_by("name"))
    rows = {c.pk: CommuneRow(commune=c) for c in communes}
    counts = (
        latest_checks()
        .filter(company__commune__in=list(rows), company__is_active=True)
        .order_by()
        .values_list("company__commune_id", "outcome", "risk_level")
        .annotate(n=Count("pk"))
    )
    for commune_id, outcome, risk, n in counts:
        row = rows[commune_id]
        row.outcomes[outcome] = row.outcomes.get(outcome, 0) + n
        row.risks[risk] = row.risks.get(risk, 0) + n
        row.checked += n
    for commune_id, figures in online_share_by_commune(list(rows)).items():
        row = rows[commune_id]
        row.companies = figures["companies"]
        row.workforce = figures["workforce"]
        row.online = figures["online"]
        row.online_percent = figures["percent"]
    for commune_id, follow in follow_up_counts(list(rows), today=today).items():
        rows[commune_id].overdue = follow["overdue"]
        rows[commune_id].due = follow["due"]
    return list(rows.values())
