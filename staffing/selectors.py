"""Reads for agencies and staff, and fetch-and-check helpers: out of the user's scope is a 404."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .constants import Role
from .models import Agency, StaffMember
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
    full_agencies = roles.agencies_with(*(r for r in roles.by_agency if r != Role.STAFF_MEMBER))
    own = [roles.staff_member_id] if roles.staff_member_id else []
    return qs.filter(Q(agency_id__in=full_agencies) | Q(pk__in=own))


def get_staff_member_for_user(user, pk, *, manage: bool = False) -> StaffMember:
    member = get_object_or_404(staff_visible_to(user), pk=pk)
    if manage and not roles_for(user).can_manage_agency(member.agency_id):
        raise Http404
    return member
