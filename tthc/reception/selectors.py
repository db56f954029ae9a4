"""Reads of citizen reception and petitions, and fetch-and-check helpers: out of scope is a 404."""

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from directives.policy.selectors import policy_in_force
from staffing.registry.models import Agency, StaffMember
from staffing.registry.roles import roles_for
from staffing.toolkit.phones import normalize_mobile_phone

from .constants import UNANSWERED_STATUSES
from .models import Petition, PetitionEvent, ReceptionChannels, ReceptionSlot

# Access ------------------------------------------------------------------------------------------


def may_handle_petitions(user, agency_id) -> bool:
    """The agency's own people (any role there, its staff members too) see, assign, answer and close its
    petitions; the district office handles them where an agency cannot."""
    roles = roles_for(user)
    return roles.is_district_manager or int(agency_id) in roles.visible_agency_ids


def may_read_petitions(user, agency_id) -> bool:
    roles = roles_for(user)
    return roles.sees_all_agencies or int(agency_id) in roles.visible_agency_ids


def may_edit_reception(user, agency_id) -> bool:
    """The head (or commune chairman) keeps the agency's reception schedule; the district office may too."""
    return roles_for(user).can_manage_agency(int(agency_id))


def may_read_district_petitions(user) -> bool:
    return roles_for(user).sees_all_agencies


def petition_agencies_for_user(user):
    roles = roles_for(user)
    agencies = Agency.objects.active().order_by("name")
    if roles.sees_all_agencies:
        return agencies
    return agencies.filter(pk__in=roles.visible_agency_ids)


def get_agency_for_petitions(user, agency_id) -> Agency:
    if not may_read_petitions(user, agency_id):
        raise Http404
    return get_object_or_404(Agency, pk=agency_id)


def get_agency_for_reception_edit(user, agency_id) -> Agency:
    if not may_edit_reception(user, agency_id):
        raise Http404
    return get_object_or_404(Agency, pk=agency_id)


def get_petition_for_user(user, pk) -> Petition:
    petition = get_object_or_404(Petition.objects.select_related("agency", "assignee"), pk=pk)
    if not may_read_petitions(user, petition.agency_id):
        raise Http404
    return petition


# Lists -------------------------------------------------------------------------------------------


def overdue_q(today: datetime.date, prefix: str = "") -> Q:
    """Not answered and past its due date."""
    return Q(**{f"{prefix}status__in": UNANSWERED_STATUSES, f"{prefix}due_date__lt": today})


def with_overdue(queryset, today: datetime.date):
    return queryset.annotate(is_overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))


def petitions_for_agency(agency, *, today: datetime.date | None = None, status: str = "", overdue=False):
    today = today or timezone.localdate()
    queryset = Petition.objects.filter(agency=agency).select_related("assignee")
    if status:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = queryset.filter(overdue_q(today))
    return with_overdue(queryset, today).order_by("-filed_at", "-id")


def overdue_petitions(*, today: datetime.date | None = None, agency_id=None):
    """Petitions past their due date without an answer, across the district (oldest due first)."""
    today = today or timezone.localdate()
    queryset = Petition.objects.filter(overdue_q(today)).select_related("agency", "assignee")
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    return queryset.order_by("due_date", "id")


def petition_counts(agency_ids, *, today: datetime.date) -> dict[int, dict]:
    """{agency id: {"open": n, "overdue": n}} in one query (the home panels)."""
    rows = (
        Petition.objects.filter(agency_id__in=agency_ids, status__in=UNANSWERED_STATUSES)
        .values("agency_id")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due_date__lt=today)))
    )
    return {row["agency_id"]: {"open": row["open"], "overdue": row["overdue"]} for row in rows}


NO_PETITIONS = {"open": 0, "overdue": 0}


def petition_history(petition):
    return PetitionEvent.objects.filter(petition=petition).select_related("by").order_by("at", "id")


def assignable_staff(agency, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return StaffMember.objects.filter(agency=agency).active_on(today).order_by("full_name", "pk")


# The public reception status ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReceptionStatus:
    """How an agency receives citizens on a day: its schedule, or, while a policy suspends in-person
    reception (clause 2, third dash of 2629/UBND), since when, under which directive and what to use."""

    agency: Agency
    day: datetime.date
    policy: object  # directives.policy.models.WorkModePolicy or None
    slots: list
    hotline: str
    email: str
    note: str

    @property
    def suspended(self) -> bool:
        return bool(self.policy and self.policy.citizen_reception_suspended)

    @property
    def directive(self):
        return self.policy.directive if self.suspended else None

    @property
    def suspended_from(self):
        return self.policy.effective_from if self.suspended else None


def reception_status(agency, day: datetime.date | None = None) -> ReceptionStatus:
    """Three queries: the policy, the channels, the schedule."""
    day = day or timezone.localdate()
    policy = policy_in_force(agency=agency, day=day)
    channels = ReceptionChannels.objects.filter(agency=agency).first()
    slots = list(ReceptionSlot.objects.filter(agency=agency).select_related("officer"))
    return ReceptionStatus(
        agency=agency,
        day=day,
        policy=policy,
        slots=slots,
        hotline=(channels.hotline if channels and channels.hotline else agency.phone),
        email=(channels.email if channels and channels.email else agency.email),
        note=channels.note if channels else "",
    )


# Public look-up ----------------------------------------------------------------------------------


def lookup_petition(*, code: str, phone: str) -> Petition | None:
    """The petition when the code and the filer's phone both match; None otherwise, whichever failed."""
    petition = Petition.objects.select_related("agency").filter(code=code.strip().upper()).first()
    stored = petition.filer_phone if petition else ""
    # Compare even when no petition matched, so a missing code and a wrong phone take the same time.
    same_phone = constant_time_compare(stored, normalize_mobile_phone(phone))
    return petition if petition is not None and same_phone else None


def petition_in_scope(user, pk) -> Petition | None:
    """The petition with its overdue mark when the user may read it; None otherwise (the API's 404)."""
    queryset = with_overdue(Petition.objects.select_related("agency", "assignee"), timezone.localdate())
    petition = queryset.filter(pk=pk).first()
    if petition is None or not may_read_petitions(user, petition.agency_id):
        return None
    return petition
