"""Reads for agencies and staff, and fetch-and-check helpers: out of the user's scope is a 404."""

from django.db.models import Case, Count, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from .constants import AgencyKind, DutyGroup, StaffCategory
from .models import Agency, RoleAssignment, StaffMember, active_between_q
from .roles import roles_for


def agencies_visible_to(user):
    roles = roles_for(user)
    qs = Agency.objects.all()
    if roles.sees_all_agencies:
        return qs
    return qs.filter(pk__in=roles.visible_agency_ids)


def agencies_managed_by(user):
    roles = roles_for(user)
    qs = Agency.objects.all()
    if roles.is_district_manager:
        return qs
    return qs.filter(pk__in=roles.managed_agency_ids)


def get_agency_for_user(user, pk, *, manage: bool = False) -> Agency:
    """The agency if the user may see it (or, with manage=True, run it); 404 otherwise."""
    roles = roles_for(user)
    allowed = roles.can_manage_agency(int(pk)) if manage else roles.can_view_agency(int(pk))
    if not allowed:
        raise Http404
    return get_object_or_404(Agency, pk=pk)


def staff_visible_to(user):
    """Staff members the user may read: a whole agency for its roles, only themselves for plain staff."""
    roles = roles_for(user)
    qs = StaffMember.objects.select_related("agency")
    if roles.sees_all_agencies:
        return qs
    full_agencies = roles.full_view_agency_ids
    own = [roles.staff_member_id] if roles.staff_member_id else []
    return qs.filter(Q(agency_id__in=full_agencies) | Q(pk__in=own))


def get_staff_member_for_user(user, pk, *, manage: bool = False) -> StaffMember:
    member = get_object_or_404(staff_visible_to(user), pk=pk)
    if manage and not roles_for(user).can_manage_agency(member.agency_id):
        raise Http404
    return member


def agencies_with_staff_counts(queryset, *, day):
    """Agencies annotated with the number of staff on the payroll that day (one query for the page)."""
    return queryset.annotate(staff_count=Count("staff", filter=active_between_q(day, prefix="staff__")))


def staff_counts(staff, *, day) -> dict:
    """Staff on the payroll that day: total, by category and by duty group, counted in SQL."""
    active = staff.active_on(day).order_by()
    by_category = dict(active.values_list("category").annotate(n=Count("pk")))
    by_duty_group = dict(active.values_list("duty_group").annotate(n=Count("pk")))
    return {
        "total": sum(by_category.values()),
        "by_category": [(label, by_category.get(value, 0)) for value, label in StaffCategory.choices],
        "by_duty_group": [(label, by_duty_group.get(value, 0)) for value, label in DutyGroup.choices],
    }


def agency_counts_by_kind() -> list:
    counts = dict(Agency.objects.active().order_by().values_list("kind").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in AgencyKind.choices if counts.get(value)]


def public_directory():
    """Active agencies with their contacts, for the public page: no staff data."""
    return Agency.objects.active().only(
        "name", "short_name", "kind", "statistics_code", "address", "phone", "email", "website"
    )


def in_kind_order(agencies):
    """Township and communes first, then offices, service units and companies, each by name."""
    order = [
        AgencyKind.TOWNSHIP_COMMITTEE,
        AgencyKind.COMMUNE_COMMITTEE,
        AgencyKind.SPECIALISED_OFFICE,
        AgencyKind.PUBLIC_SERVICE_UNIT,
        AgencyKind.PUBLIC_UTILITY_COMPANY,
        AgencyKind.OTHER,
    ]
    rank = Case(*(When(kind=kind, then=Value(i)) for i, kind in enumerate(order)), default=Value(len(order)))
    return agencies.order_by(rank, "name")


def users_by_agency(*, agency_ids, roles) -> dict[int, list[int]]:
    """{agency id: ids of the active users holding one of the roles there} (one query): whom a reminder
    about an agency is for."""
    result: dict[int, list[int]] = {}
    rows = (
        RoleAssignment.objects.filter(agency__in=agency_ids, role__in=roles, user__is_active=True)
        .values_list("agency_id", "user_id")
        .order_by("agency_id", "user_id")
    )
    for agency_id, user_id in rows:
        if user_id not in result.setdefault(agency_id, []):
            result[agency_id].append(user_id)
    return result


def district_users(*, roles) -> list[int]:
    """Ids of the active users holding one of the district-wide roles (one query)."""
    return list(
        RoleAssignment.objects.filter(agency__isnull=True, role__in=roles, user__is_active=True)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
