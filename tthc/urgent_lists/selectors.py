"""Reads of the urgent in-person list (clause 3.1 of 2629/UBND): the version in force, its items, diffs."""

import datetime

from django.db.models import Subquery
from django.urls import NoReverseMatch, reverse

from .constants import UrgentListStatus
from .models import UrgentList, UrgentListItem


def _published_in_force(day: datetime.date):
    """Published versions already in force on the day, the one in force first.

    A new version supersedes the previous one from its own effective date; two versions from the same
    date are settled by the higher version number.
    """
    return UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED, effective_from__lte=day).order_by(
        "-effective_from", "-version"
    )


def urgent_list_in_force(day: datetime.date) -> UrgentList | None:
    """The published version of the urgent list in force on the day, with its directive, or None."""
    return _published_in_force(day).select_related("directive").first()


def urgent_item_for(procedure, day: datetime.date) -> UrgentListItem | None:
    """The procedure's entry (with its conditions) on the list in force on the day, or None (one query)."""
    in_force = _published_in_force(day).values("pk")[:1]
    return (
        UrgentListItem.objects.select_related("urgent_list", "procedure")
        .filter(urgent_list=Subquery(in_force), procedure=procedure)
        .first()
    )


def urgent_list_items(urgent_list: UrgentList):
    return urgent_list.items.select_related("procedure").order_by("procedure__code")


def published_urgent_lists():
    return UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED).select_related("directive")


def previous_published_version(urgent_list: UrgentList) -> UrgentList | None:
    """The published version just before this one (by version number)."""
    return (
        UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED, version__lt=urgent_list.version)
        .order_by("-version")
        .first()
    )


def urgent_list_diff(old: UrgentList | None, new: UrgentList) -> dict:
    """What `new` adds, removes and changes (conditions) compared with `old`: three lists of items."""
    new_items = {item.procedure_id: item for item in urgent_list_items(new)}
    old_items = {item.procedure_id: item for item in urgent_list_items(old)} if old else {}
    added = [item for pid, item in new_items.items() if pid not in old_items]
    removed = [item for pid, item in old_items.items() if pid not in new_items]
    changed = [
        (old_items[pid], item)
        for pid, item in new_items.items()
        if pid in old_items and old_items[pid].conditions != item.conditions
    ]
    return {"added": added, "removed": removed, "changed": changed}


def directive_url(document) -> str:
    """The directive's public page when the directives app publishes one; an empty string otherwise."""
    if document is None:
        return ""
    try:
        return reverse("directives:public_detail", args=[document.pk])
    except NoReverseMatch:
        return ""
