"""Public pages (no login) of the urgent in-person list: the version in force, every version, and what
changed between two (clause 4 of 2629/UBND asks agencies to publish the list)."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from tthc.calendar.forms import day_asked

from . import selectors
from .forms import UrgentListDiffForm
from .selectors import directive_url


def urgent_list(request):
    day, form = day_asked(request.GET)
    in_force = selectors.urgent_list_in_force(day)
    items = selectors.urgent_list_items(in_force) if in_force else []
    return render(
        request,
        "tthc/urgent_lists/public/urgent_list.html",
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
        "tthc/urgent_lists/public/urgent_list_versions.html",
        {"versions": versions, "in_force": in_force, "diff_form": UrgentListDiffForm(versions=versions)},
    )


def urgent_list_version(request, version):
    urgent = get_object_or_404(selectors.published_urgent_lists(), version=version)
    previous = selectors.previous_published_version(urgent)
    return render(
        request,
        "tthc/urgent_lists/public/urgent_list_version.html",
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
        request,
        "tthc/urgent_lists/public/urgent_list_diff.html",
        {"form": form, "diff": diff, "old": old, "new": new},
    )
