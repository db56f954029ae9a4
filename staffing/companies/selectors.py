"""Reads of the companies register, scoped to the user's communes: out of scope is a 404.

Who sees what: district-wide roles (administrator, office, leadership) see every commune's register;
at a commune or township committee, every role but being on its staff (the chairman, a head, a one-stop
officer) reads the commune's register. Writing is for those who run the commune (the chairman, a head)
and the district's managers (administrator, office), as in the registry.
"""

from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from staffing.registry.models import Agency
from staffing.registry.roles import roles_for

from .models import Company


def communes_visible_to(user):
    """Commune-level agencies whose register the user reads."""
    roles = roles_for(user)
    qs = Agency.objects.communes()
    if roles.sees_all_agencies:
        return qs
    return qs.filter(pk__in=roles.full_view_agency_ids)


def communes_managed_by(user):
    """Commune-level agencies whose register the user may change."""
    roles = roles_for(user)
    qs = Agency.objects.communes()
    if roles.is_district_manager:
        return qs
    return qs.filter(pk__in=roles.managed_agency_ids)


def may_view_commune(user, commune_id) -> bool:
    roles = roles_for(user)
    return roles.sees_all_agencies or int(commune_id) in roles.full_view_agency_ids


def get_commune_for_user(user, pk, *, manage: bool = False) -> Agency:
    """The commune if the user may read (manage=True: change) its register; 404 otherwise, and for an
    agency that is no commune."""
    roles = roles_for(user)
    allowed = roles.can_manage_agency(int(pk)) if manage else may_view_commune(user, pk)
    if not allowed:
        raise Http404
    return get_object_or_404(Agency.objects.communes(), pk=pk)


def companies_visible_to(user):
    """Companies of the communes whose register the user reads, with their commune."""
    roles = roles_for(user)
    qs = Company.objects.select_related("commune")
    if roles.sees_all_agencies:
        return qs
    return qs.filter(commune_id__in=roles.full_view_agency_ids)


def get_company_for_user(user, pk, *, manage: bool = False) -> Company:
    company = get_object_or_404(companies_visible_to(user), pk=pk)
    if manage and not roles_for(user).can_manage_agency(company.commune_id):
        raise Http404
    return company


def companies_for_commune(commune, *, active_only: bool = False):
    """The commune's companies by name (operating ones only with active_only=True)."""
    qs = Company.objects.filter(commune=commune).order_by("name", "id")
    return qs.filter(is_active=True) if active_only else qs


def search_companies(queryset, text: str):
    """By name (any part) or tax code (its start, typed with or without spaces and dots)."""
    from .taxcodes import normalize_tax_code

    text = (text or "").strip()
    if not text:
        return queryset
    return queryset.filter(Q(name__icontains=text) | Q(tax_code__startswith=normalize_tax_code(text)))


def online_figures(queryset) -> dict:
    """Operating companies of a queryset: their count, workforce, employees online and the share online
    (whole percent, None without a workforce), in one query."""
    totals = queryset.filter(is_active=True).aggregate(
        companies=Count("pk"), workforce=Sum("workforce"), online=Sum("working_online")
    )
    return _with_percent(totals)


def online_share_by_commune(communes=None) -> dict:
    """Per commune id: operating companies, workforce, employees online and the share online, in one
    query (all communes with companies, or only those of `communes`: a queryset or ids)."""
    qs = Company.objects.filter(is_active=True)
    if communes is not None:
        qs = qs.filter(commune__in=communes)
    rows = (
        qs.order_by()
        .values("commune_id")
        .annotate(companies=Count("pk"), workforce=Sum("workforce"), online=Sum("working_online"))
    )
    return {row.pop("commune_id"): _with_percent(row) for row in rows}


def _with_percent(totals: dict) -> dict:
    workforce = totals.get("workforce") or 0
    online = totals.get("online") or 0
    return {
        "companies": totals.get("companies") or 0,
        "workforce": workforce,
        "online": online,
        "percent": round(100 * online / workforce) if workforce else None,
    }
