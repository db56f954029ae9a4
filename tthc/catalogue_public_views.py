"""Public pages (no login): the catalogue, the urgent in-person list and the agencies' intake arrangements.

Clause 4 of 2629/UBND asks agencies to publish their intake arrangements and the urgent list.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from staffing.filters import filter_query

from . import catalogue_selectors as selectors
from .catalogue_forms import PublicDateForm, UrgentListDiffForm
from .filters import ProcedureFilter

PAGE_SIZE = 25


def directive_url(document) -> str:
    """The directive's public page when the directives app publishes one; an empty string otherwise."""
    if document is None:
        return ""
    try:
        return reverse("directives:public_detail", args=[document.pk])
    except NoReverseMatch:
        return ""


def _day_from(request):
    """The day asked for with ?date=dd/mm/yyyy (today when absent); a malformed date is the form's error."""
    form = PublicDateForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["date"]:
        return form.cleaned_data["date"], form
    return timezone.localdate(), form


def procedure_list(request):
    filterset = ProcedureFilter(request.GET or None, queryset=selectors.procedures_public())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    urgent = selectors.urgent_list_in_force(timezone.localdate())
    urgent_ids = set(urgent.items.values_list("procedure_id", flat=True)) if urgent else set()
    return render(
        request,
        "tthc/public/procedure_list.html",
        {
            "form": filterset.form,
            "page_obj": page,
            "query": filter_query(filterset),
            "urgent_ids": urgent_ids,
            "urgent_list": urgent,
        },
    )


def procedure_detail(request, code):
    procedure = get_object_or_404(selectors.procedures_public(), code=code)
    item = selectors.urgent_item_for(procedure, timezone.localdate())
    return render(request, "tthc/public/procedure_detail.html", {"procedure": procedure, "urgent_item": item})


def urgent_list(request):
    day, form = _day_from(request)
    in_force = selectors.urgent_list_in_force(day)
    items = selectors.urgent_list_items(in_force) if in_force else []
    return render(
        request,
        "tthc/public/urgent_list.html",
        {
            "form": form,
            "day": day,
            "urgent_list": in_force,
            "items": items,
            "directive_url": directive_url(in_force.directive if in_force else None),
            "upcoming": selectors.published_urgent_lists()
            .filter(effective_from__gt=day)
            .order_by("effective_from")
            .first(),
        },
    )


def urgent_list_versions(request):
    versions = selectors.published_urgent_lists().order_by("-version")
    today = timezone.localdate()
    in_force = selectors.urgent_list_in_force(today)
    return render(
        request,
        "tthc/public/urgent_list_versions.html",
        {"versions": versions, "in_force": in_force, "diff_form": UrgentListDiffForm(versions=versions)},
    )


def urgent_list_version(request, version):
    urgent = get_object_or_404(selectors.published_urgent_lists(), version=version)
    previous = selectors.previous_published_version(urgent)
    return render(
        request,
        "tthc/public/urgent_list_version.html",
        {
            "urgent_list": urgent,
            "items": selectors.urgent_list_items(urgent),
            "previous": previous,
            "diff": selectors.urgent_list_diff(previous, urgent),
            "directive_url": directive_url(urgent.directive),
        },
    )


def urgent_list_diff(request):
    versions = selectors.published_urgent_lists().order_by("-version")
    form = UrgentListDiffForm(request.GET or None, versions=versions)
    diff = old = new = None
    if form.is_valid():
        old, new = form.cleaned_data["old"], form.cleaned_data["new"]
        diff = selectors.urgent_list_diff(old, new)
    return render(
        request, "tthc/public/urgent_list_diff.html", {"form": form, "diff": diff, "old": old, "new": new}
    )


def agency_index(request):
    agencies = selectors.public_agencies()
    return render(request, "tthc/public/agency_index.html", {"agencies": agencies})


def agency_arrangements(request, pk):
    agency = selectors.get_public_agency(pk)
    day, form = _day_from(request)
    arrangements = selectors.intake_arrangements(agency, day)
    return render(
        request,
        "tthc/public/agency_arrangements.html",
        {
            "agency": agency,
            "form": form,
            "day": day,
            "a": arrangements,
            "directive_url": directive_url(arrangements.policy.directive if arrangements.policy else None),
            "urgent_directive_url": directive_url(
                arrangements.urgent_list.directive if arrangements.urgent_list else None
            ),
        },
    )
