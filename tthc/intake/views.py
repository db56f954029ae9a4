"""Public pages (no login) of how dossiers are received: the catalogue marked with the urgent list in force,
and each agency's intake arrangements (clause 4 of 2629/UBND asks agencies to publish them).
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from staffing.toolkit.filters import filter_query
from tthc.calendar.forms import day_asked
from tthc.catalogue.filters import ProcedureFilter
from tthc.catalogue.selectors import procedures_public
from tthc.reception.selectors import reception_status
from tthc.urgent_lists.selectors import directive_url, urgent_item_for, urgent_list_in_force

from . import selectors

PAGE_SIZE = 25


def procedure_list(request):
    filterset = ProcedureFilter(request.GET or None, queryset=procedures_public())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    urgent = urgent_list_in_force(timezone.localdate())
    urgent_ids = set(urgent.items.values_list("procedure_id", flat=True)) if urgent else set()
    return render(
        request,
        "tthc/intake/procedure_list.html",
        {
            "form": filterset.form,
            "page_obj": page,
            "query": filter_query(filterset),
            "urgent_ids": urgent_ids,
            "urgent_list": urgent,
        },
    )


def procedure_detail(request, code):
    procedure = get_object_or_404(procedures_public(), code=code)
    item = urgent_item_for(procedure, timezone.localdate())
    return render(request, "tthc/intake/procedure_detail.html", {"procedure": procedure, "urgent_item": item})


def agency_index(request):
    agencies = selectors.public_agencies()
    return render(request, "tthc/intake/agency_index.html", {"agencies": agencies})


def agency_arrangements(request, pk):
    agency = selectors.get_public_agency(pk)
    day, form = day_asked(request.GET)
    arrangements = selectors.intake_arrangements(agency, day)
    return render(
        request,
        "tthc/intake/agency_arrangements.html",
        {
            "agency": agency,
            "form": form,
            "day": day,
            "a": arrangements,
            "reception": reception_status(agency, day),
            "directive_url": directive_url(arrangements.policy.directive if arrangements.policy else None),
            "urgent_directive_url": directive_url(
                arrangements.urgent_list.directive if arrangements.urgent_list else None
            ),
        },
    )
