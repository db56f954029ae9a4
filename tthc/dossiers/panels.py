"""Dossier panels of the home pages: the desk's open and overdue dossiers, the district's totals, and the
public look-up."""

from django.db.models import Count, Q
from django.utils import timezone

from staffing.registry.constants import Role
from staffing.registry.models import Agency
from tthc.intake.constants import Channel

from .constants import OPEN_DOSSIER_STATUSES
from .models import Dossier
from .selectors import DOSSIER_READER_ROLES, NO_OPEN_DOSSIERS, open_dossier_counts


def public_panels(request):
    return [{"template": "tthc/dossiers/panels/public_lookup.html"}]


def home_panels(request, roles):
    today = timezone.localdate()
    panels = []
    reader_of = roles.agencies_with(*DOSSIER_READER_ROLES)
    if reader_of:
        counts = open_dossier_counts(reader_of, today=today)
        officer_of = roles.agencies_with(Role.ONE_STOP_OFFICER)
        for agency in Agency.objects.filter(pk__in=reader_of).order_by("name"):
            panels.append(
                {
                    "template": "tthc/dossiers/panels/officer.html",
                    "agency": agency,
                    "can_receive": agency.pk in officer_of,
                    **counts.get(agency.pk, NO_OPEN_DOSSIERS),
                }
            )
    if roles.sees_all_agencies:
        totals = Dossier.objects.aggregate(
            open=Count("id", filter=Q(status__in=OPEN_DOSSIER_STATUSES)),
            overdue=Count("id", filter=Q(status__in=OPEN_DOSSIER_STATUSES, due_date__lt=today)),
            special_cases=Count("id", filter=Q(channel=Channel.IN_PERSON) & ~Q(special_case_reason="")),
        )
        panels.append({"template": "tthc/dossiers/panels/district.html", **totals})
    return panels
