"""Writes of the urgent in-person list (clause 3.1, last line, of 2629/UBND): drafts, their items, publishing.

The office pages and the demo write through these functions; a published version is frozen.
"""

import datetime
from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from directives.documents.models import Document
from tthc.catalogue.models import Procedure

from .constants import UrgentListStatus
from .models import UrgentList, UrgentListItem

# pg_advisory_xact_lock key: one publisher at a time assigns the next version number.
_PUBLISH_LOCK_KEY = 0x7454_4843  # "tTHC"


def _check_draft(urgent_list: UrgentList) -> None:
    if urgent_list.status != UrgentListStatus.DRAFT:
        raise ValidationError(
            _("Version %(version)s is published and can no longer be changed; start a new draft.")
            % {"version": urgent_list.version},
            code="urgent_list_frozen",
        )


def _locked(urgent_list: UrgentList) -> UrgentList:
    """Re-read the list under a row lock: two office staff saving the same draft wait for each other."""
    return UrgentList.objects.select_for_update().get(pk=urgent_list.pk)


@transaction.atomic
def urgent_list_create_draft(
    *,
    by: AbstractBaseUser | None,
    directive: Document | None = None,
    title: str = "",
    note: str = "",
    copy_from: UrgentList | None = None,
) -> UrgentList:
    """A new draft version, empty or holding a copy of a published version's items and conditions."""
    if copy_from is not None and copy_from.status != UrgentListStatus.PUBLISHED:
        raise ValidationError(_("Only a published version can be copied."), code="copy_from_draft")
    draft = UrgentList(
        directive=directive or (copy_from.directive if copy_from else None),
        title=title.strip(),
        note=note.strip(),
        status=UrgentListStatus.DRAFT,
    )
    draft.full_clean()
    draft._history_user = by
    draft.save()
    if copy_from is not None:
        for item in copy_from.items.all():
            copied = UrgentListItem(
                urgent_list=draft, procedure_id=item.procedure_id, conditions=item.conditions
            )
            copied._history_user = by
            copied.save()
    return draft


@transaction.atomic
def urgent_list_update_draft(
    *,
    urgent_list: UrgentList,
    by: AbstractBaseUser | None,
    directive: Document | None,
    title: str = "",
    note: str = "",
) -> UrgentList:
    """Change a draft's directive, title and note; a published version is frozen."""
    urgent_list = _locked(urgent_list)
    _check_draft(urgent_list)
    urgent_list.directive = directive
    urgent_list.title = title.strip()
    urgent_list.note = note.strip()
    urgent_list.full_clean()
    urgent_list._history_user = by
    urgent_list.save()
    return urgent_list


@transaction.atomic
def urgent_list_set_items(
    *,
    urgent_list: UrgentList,
    items: Sequence[tuple[Procedure, str]],
    by: AbstractBaseUser | None,
) -> UrgentList:
    """Make the draft hold exactly these (procedure, conditions) pairs; a published version is frozen."""
    urgent_list = _locked(urgent_list)
    _check_draft(urgent_list)
    wanted: dict[int, tuple[Procedure, str]] = {}
    for procedure, conditions in items:
        if not procedure.is_active:
            raise ValidationError(
                {
                    "procedures": ValidationError(
                        _("%(procedure)s is no longer in the catalogue.") % {"procedure": procedure},
                        code="procedure_inactive",
                    )
                }
            )
        wanted[procedure.pk] = (procedure, " ".join((conditions or "").split()))
    stored = {item.procedure_id: item for item in urgent_list.items.all()}
    for procedure_id, item in stored.items():
        if procedure_id not in wanted:
            item._history_user = by
            item.delete()
    for procedure_id, (procedure, conditions) in wanted.items():
        item = stored.get(procedure_id)
        if item is not None and item.conditions == conditions:
            continue
        item = item or UrgentListItem(urgent_list=urgent_list, procedure=procedure)
        item.conditions = conditions
        item.full_clean(exclude=["urgent_list"])
        item._history_user = by
        item.save()
    return urgent_list


@transaction.atomic
def urgent_list_discard_draft(*, urgent_list: UrgentList, by: AbstractBaseUser | None) -> None:
    urgent_list = _locked(urgent_list)
    _check_draft(urgent_list)
    urgent_list._history_user = by
    urgent_list.delete()


@transaction.atomic
def urgent_list_publish(
    *,
    urgent_list: UrgentList,
    effective_from: datetime.date,
    actor: AbstractBaseUser | None,
    today: datetime.date | None = None,
) -> UrgentList:
    """Publish a draft from a date: it gets the next version number and supersedes the previous version then.

    ``today`` is the publishing day (the demo replays June 2021); a version cannot take effect before it,
    nor before the version already published, so a past intake never changes its list.
    """
    if connection.vendor == "postgresql":
        # No parent row to lock: an advisory lock makes "highest number + 1" safe between two publishers.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PUBLISH_LOCK_KEY])
    urgent_list = _locked(urgent_list)
    _check_draft(urgent_list)
    today = today or timezone.localdate()
    errors = {}
    if urgent_list.directive_id is None:
        errors["directive"] = ValidationError(
            _("Link the directive that decides this list before publishing it."), code="directive_required"
        )
    elif not urgent_list.directive.is_published:
        errors["directive"] = ValidationError(
            _("The directive %(number)s is not published.") % {"number": urgent_list.directive.number},
            code="directive_not_published",
        )
    if not urgent_list.items.exists():
        errors["procedures"] = ValidationError(
            _("Choose at least one procedure before publishing."), code="urgent_list_empty"
        )
    if effective_from < today:
        errors["effective_from"] = ValidationError(
            _("The effective date cannot be before today (%(today)s).")
            % {"today": date_format(today, "SHORT_DATE_FORMAT")},
            code="effective_in_past",
        )
    latest = (
        UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED)
        .order_by("-effective_from", "-version")
        .first()
    )
    if latest is not None and effective_from < latest.effective_from:
        errors.setdefault(
            "effective_from",
            ValidationError(
                _("Version %(version)s takes effect on %(date)s: a new version cannot take effect earlier.")
                % {
                    "version": latest.version,
                    "date": date_format(latest.effective_from, "SHORT_DATE_FORMAT"),
                },
                code="before_latest_version",
            ),
        )
    if errors:
        raise ValidationError(errors)
    highest = UrgentList.objects.aggregate(highest=Max("version"))["highest"] or 0
    urgent_list.version = highest + 1
    urgent_list.effective_from = effective_from
    urgent_list.status = UrgentListStatus.PUBLISHED
    # A replayed publication (the demo's June 2021) is dated on its own day, not on the day it was replayed.
    now = timezone.localtime()
    urgent_list.published_at = (
        now if today == now.date() else now.replace(year=today.year, month=today.month, day=today.day)
    )
    urgent_list.published_by = actor
    urgent_list.full_clean()
    urgent_list._history_user = actor
    urgent_list.save()
    return urgent_list


@transaction.atomic
def urgent_list_compose(
    *,
    urgent_list: UrgentList | None,
    by: AbstractBaseUser | None,
    directive: Document | None,
    title: str,
    note: str,
    items: Sequence[tuple[Procedure, str]],
    publish_from: datetime.date | None = None,
    today: datetime.date | None = None,
) -> UrgentList:
    """The compose page's one step: a draft (new when `urgent_list` is None) gets its header and items, and is
    published from `publish_from` when given. All or nothing: a refused publication keeps no new draft."""
    if urgent_list is None:
        urgent_list = urgent_list_create_draft(by=by, directive=directive, title=title, note=note)
    else:
        urgent_list = urgent_list_update_draft(
            urgent_list=urgent_list, by=by, directive=directive, title=title, note=note
        )
    urgent_list_set_items(urgent_list=urgent_list, items=items, by=by)
    if publish_from is not None:
        urgent_list = urgent_list_publish(
            urgent_list=urgent_list, effective_from=publish_from, actor=by, today=today
        )
    return urgent_list
