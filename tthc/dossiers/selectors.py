"""Reads of dossiers, and fetch-and-check helpers: a dossier outside the user's scope is a 404."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from directives.policy.selectors import policies_in_force_by_kind
from staffing.registry.constants import AgencyKind, Role
from staffing.registry.models import Agency
from staffing.registry.roles import roles_for
from staffing.toolkit.phones import normalize_mobile_phone
from tthc.intake.constants import Channel

from .constants import OPEN_DOSSIER_STATUSES, DossierStatus, NoticeKind
from .models import Dossier, DossierEvent, NoticeLog

COMMUNE_NAME_PREFIXES = ("UBND xã ", "UBND thị trấn ", "Ủy ban nhân dân xã ", "Ủy ban nhân dân thị trấn ")
DISTRICT_NAME_PREFIXES = ("Huyện ", "Quận ", "Thị xã ")

# Access ------------------------------------------------------------------------------------------


def may_receive_dossiers(user, agency_id) -> bool:
    """Only the agency's one-stop officers receive and move its dossiers."""
    return roles_for(user).has(Role.ONE_STOP_OFFICER, int(agency_id))


# Heads answer for public services that stall (clause 2 of 2629/UBND): they read their agency's
# dossiers, overdue ones first; only its one-stop officers receive and move them.
DOSSIER_READER_ROLES = (Role.ONE_STOP_OFFICER, Role.AGENCY_HEAD, Role.COMMUNE_CHAIRMAN)


def may_read_dossiers(user, agency_id) -> bool:
    """The agency's one-stop officers and head, and the district office, leadership and administrators."""
    roles = roles_for(user)
    return roles.sees_all_agencies or int(agency_id) in roles.agencies_with(*DOSSIER_READER_ROLES)


def may_run_district_dossier_actions(user) -> bool:
    """Cut-off notices and extensions are district office work (clause 3.2 of 2629/UBND)."""
    return roles_for(user).is_district_manager


def may_read_district_dossiers(user) -> bool:
    return roles_for(user).sees_all_agencies


def dossier_agencies_for_user(user):
    """Agencies whose dossiers the user may read."""
    roles = roles_for(user)
    agencies = Agency.objects.active()
    if roles.sees_all_agencies:
        return agencies
    return agencies.filter(pk__in=roles.agencies_with(*DOSSIER_READER_ROLES))


def get_agency_for_dossiers(user, agency_id, *, receive: bool = False) -> Agency:
    """The agency if the user may read (or, with `receive`, receive) its dossiers; 404 otherwise."""
    allowed = may_receive_dossiers(user, agency_id) if receive else may_read_dossiers(user, agency_id)
    if not allowed:
        raise Http404
    return get_object_or_404(Agency, pk=agency_id)


def get_dossier_for_user(user, pk) -> Dossier:
    dossier = get_object_or_404(Dossier.objects.select_related("agency", "procedure", "received_by"), pk=pk)
    if not may_read_dossiers(user, dossier.agency_id):
        raise Http404
    return dossier


# Lists -------------------------------------------------------------------------------------------


def overdue_q(today: datetime.date) -> Q:
    """Open and past its due date."""
    return Q(status__in=OPEN_DOSSIER_STATUSES, due_date__lt=today)


def with_overdue(queryset, today: datetime.date):
    return queryset.annotate(is_overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))


def dossiers_for_agency(agency, *, today: datetime.date | None = None):
    today = today or timezone.localdate()
    queryset = Dossier.objects.filter(agency=agency).select_related("procedure")
    return with_overdue(queryset, today).order_by("-received_at", "-id")


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def dossier_trail(dossier: Dossier):
    return DossierEvent.objects.filter(dossier=dossier).select_related("by").order_by("at", "id")


def open_dossier_counts(agency_ids, *, today: datetime.date) -> dict[int, dict]:
    """{agency id: {"open": n, "overdue": n, "due_today": n}} in one query (the home panels, the lists)."""
    rows = (
        Dossier.objects.filter(agency_id__in=agency_ids, status__in=OPEN_DOSSIER_STATUSES)
        .values("agency_id")
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(due_date__lt=today)),
            due_today=Count("id", filter=Q(due_date=today)),
        )
    )
    return {
        row["agency_id"]: {"open": row["open"], "overdue": row["overdue"], "due_today": row["due_today"]}
        for row in rows
    }


NO_OPEN_DOSSIERS = {"open": 0, "overdue": 0, "due_today": 0}


@dataclass(frozen=True)
class Choice:
    """One box of the extension form: the row, and how many of its dossiers are open."""

    obj: object
    open: int


def extension_choices(*, procedures, agencies) -> tuple[list[Choice], list[tuple[str, str, list[Choice]]]]:
    """The procedures, and the agencies grouped by kind, each with its open dossiers (two queries)."""
    open_dossiers = Dossier.objects.filter(status__in=OPEN_DOSSIER_STATUSES)
    by_procedure = dict(
        open_dossiers.values("procedure_id").annotate(n=Count("id")).values_list("procedure_id", "n")
    )
    by_agency = dict(open_dossiers.values("agency_id").annotate(n=Count("id")).values_list("agency_id", "n"))
    groups: dict[str, list[Choice]] = {}
    for agency in agencies:
        groups.setdefault(agency.kind, []).append(Choice(agency, by_agency.get(agency.pk, 0)))
    return (
        [Choice(p, by_procedure.get(p.pk, 0)) for p in procedures],
        [(kind.value, kind.label, groups[kind.value]) for kind in AgencyKind if kind.value in groups],
    )


def receipt_place(agency) -> str:
    """The place written before the date of a receipt: the commune for a commune's desk, else the district
    ("Phước Thạnh, ngày ..." / "Củ Chi, ngày ...")."""
    if agency.is_commune_level:
        name = agency.name
        for prefix in COMMUNE_NAME_PREFIXES:
            name = name.removeprefix(prefix)
        return name
    district = settings.DISTRICT_NAME
    for prefix in DISTRICT_NAME_PREFIXES:
        district = district.removeprefix(prefix)
    return district


# Reports of the district office -------------------------------------------------------------------


def special_case_counts():
    """Per agency: dossiers received in person off the urgent list as special cases (clause 3.1 b),
    next to all in-person intakes; agencies without any in-person intake are left out."""
    return (
        Agency.objects.annotate(
            special_cases=Count(
                "dossiers",
                filter=Q(dossiers__channel=Channel.IN_PERSON) & ~Q(dossiers__special_case_reason=""),
            ),
            in_person=Count("dossiers", filter=Q(dossiers__channel=Channel.IN_PERSON)),
            total=Count("dossiers"),
        )
        .filter(total__gt=0)
        .order_by("-special_cases", "name")
    )


def pre_cutoff_dates(*, today: datetime.date) -> dict[str, datetime.date]:
    """{agency kind: cut-off date} from the policies in force today that set one (clause 3.2)."""
    return {
        kind: policy.pre_cutoff_date
        for kind, policy in policies_in_force_by_kind(day=today).items()
        if policy is not None and policy.pre_cutoff_date
    }


def pre_cutoff_dossiers(*, today: datetime.date | None = None):
    """Open dossiers received before the cut-off of the policy in force for their agency today, except
    those whose result the law says must be received in person; each marked whether its notice went out."""
    today = today or timezone.localdate()
    cutoffs = pre_cutoff_dates(today=today)
    if not cutoffs:
        return Dossier.objects.none()
    before_cutoff = Q()
    for kind, cutoff in cutoffs.items():
        before_cutoff |= Q(agency__kind=kind, received_at__lt=_day_start(cutoff))
    notice_sent = NoticeLog.objects.filter(dossier=OuterRef("pk"), kind=NoticeKind.PRE_CUTOFF_POSTAL_RETURN)
    return (
        Dossier.objects.filter(before_cutoff, status__in=OPEN_DOSSIER_STATUSES)
        .exclude(procedure__result_in_person_by_law=True)
        .select_related("agency", "procedure")
        .annotate(notice_sent=Exists(notice_sent))
        .order_by("agency__name", "received_at", "id")
    )


def free_postage_ledger():
    """Per agency: free postal returns promised (still open) and made (returned), with the postage booked."""
    free = Q(dossiers__free_postage=True, dossiers__result_delivery=Channel.POSTAL)
    returned = free & Q(dossiers__status=DossierStatus.RETURNED)
    return (
        Agency.objects.annotate(
            promised=Count("dossiers", filter=free & Q(dossiers__status__in=OPEN_DOSSIER_STATUSES)),
            returned=Count("dossiers", filter=returned),
            postage=Sum("dossiers__postage_amount", filter=returned, default=0),
        )
        .filter(Q(promised__gt=0) | Q(returned__gt=0))
        .order_by("name")
    )


def free_postage_returns(agency):
    """The free postal returns made by one agency, newest first."""
    return (
        Dossier.objects.filter(
            agency=agency,
            free_postage=True,
            result_delivery=Channel.POSTAL,
            status=DossierStatus.RETURNED,
        )
        .select_related("procedure")
        .order_by("-status_changed_at", "-id")
    )


# Public look-up ----------------------------------------------------------------------------------


def lookup_dossier(*, code: str, phone: str) -> Dossier | None:
    """The dossier when the code and the applicant's phone both match; None otherwise, whichever failed."""
    dossier = Dossier.objects.select_related("procedure", "agency").filter(code=code.strip().upper()).first()
    stored = dossier.applicant_phone if dossier else ""
    # Compare even when no dossier matched, so a missing code and a wrong phone take the same time.
    same_phone = constant_time_compare(stored, normalize_mobile_phone(phone))
    return dossier if dossier is not None and same_phone else None
