"""The only write path for daily work modes: forms, API, admin and importers all call work_modes_set."""

import datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from directives.policy.selectors import policies_in_force_for_days
from staffing.registry.models import Agency, StaffMember, period_covers

from .constants import WorkModeKind
from .models import WorkMode
from .selectors import staff_active_between, summarize_days


class WorkModeEntry(NamedTuple):
    staff_id: int
    day: datetime.date
    mode: str | None  # None clears the day's plan for that staff member


class WorkModeCapExceeded(ValidationError):
    """Refusal of a submission that would put more counted staff at home than the cap on some days."""

    def __init__(self, days):
        self.days = days
        super().__init__([ValidationError(day.message(), code="over_cap") for day in days])


@transaction.atomic
def work_modes_set(*, agency: Agency, entries, actor) -> dict:
    """Save a whole submission (many staff × many days) or nothing, never above the cap of any day.

    Returns {day: DaySummary} for the days the submission touched.
    """
    plan = _plan(agency, entries)
    if plan is None:
        return {}
    entries, existing, after = plan
    _write(agency, entries, existing, actor)
    return after


@transaction.atomic
def work_modes_check(*, agency: Agency, entries) -> dict:
    """Raise what work_modes_set would refuse (WorkModeCapExceeded, ValidationError), writing nothing.

    The agency row stays locked until the caller's transaction ends, so a work_modes_set in the same
    transaction (the admin's save_model after its form's clean) meets the same counts.
    """
    plan = _plan(agency, entries)
    return {} if plan is None else plan[2]


def _plan(agency, entries):
    """Check a submission under the agency's lock: (entries, rows already stored, {day: DaySummary} after),
    or None when it is empty."""
    entries = [WorkModeEntry(*entry) for entry in entries]
    if not entries:
        return None
    # Two heads (or a head and the office) saving the same agency at once would each count the other's
    # remote workers as absent and together exceed the cap: the agency row lock serialises them.
    Agency.objects.select_for_update().get(pk=agency.pk)

    days = sorted({entry.day for entry in entries})
    staff_rows = list(
        staff_active_between(agency, days[0], days[-1]).values_list(
            "id", "duty_group", "active_from", "active_until"
        )
    )
    # Not filtered by agency: a staff member who moved here may still hold a row planned by the old agency.
    existing = {
        (row.staff_id, row.day): row
        for row in WorkMode.objects.filter(day__in=days, staff_id__in={e.staff_id for e in entries})
    }
    _check_entries(entries, staff_rows, existing, agency)

    current_modes = {
        (staff_id, day): mode
        for staff_id, day, mode in WorkMode.objects.filter(agency=agency, day__in=days).values_list(
            "staff_id", "day", "mode"
        )
    }
    new_modes = dict(current_modes)
    for entry in entries:
        if entry.mode:
            new_modes[(entry.staff_id, entry.day)] = entry.mode
        else:
            new_modes.pop((entry.staff_id, entry.day), None)

    policies = policies_in_force_for_days(agency=agency, days=days)
    before = summarize_days(
        agency=agency, days=days, staff_rows=staff_rows, modes=current_modes, policies=policies
    )
    after = summarize_days(
        agency=agency, days=days, staff_rows=staff_rows, modes=new_modes, policies=policies
    )
    # A day already over the cap (staff left after it was planned) may still be corrected downwards.
    refused = [after[day] for day in days if after[day].over_cap and after[day].remote > before[day].remote]
    if refused:
        raise WorkModeCapExceeded(refused)

    return entries, existing, after


def _check_entries(entries, staff_rows, existing, agency):
    active = {row[0]: row for row in staff_rows}
    # Staff of the agency not active at all over the days asked: named as inactive, not as strangers.
    outside = {e.staff_id for e in entries} - active.keys()
    if outside:
        active.update(
            (row[0], row)
            for row in StaffMember.objects.filter(agency=agency, pk__in=outside).values_list(
                "id", "duty_group", "active_from", "active_until"
            )
        )
    errors = []
    seen = set()
    for index, entry in enumerate(entries, start=1):
        key = (entry.staff_id, entry.day)
        if entry.mode and entry.mode not in WorkModeKind.values:
            errors.append(_("Entry %(n)d: unknown work mode “%(mode)s”.") % {"n": index, "mode": entry.mode})
            continue
        if key in seen:
            errors.append(_("Entry %(n)d: the same staff member and day appear twice.") % {"n": index})
            continue
        seen.add(key)
        planned = existing.get(key)
        if entry.mode is None and planned is not None and planned.agency_id == agency.pk:
            continue  # an agency may always clear its own plan, even of someone who has since left or moved
        row = active.get(entry.staff_id)
        if row is None:
            errors.append(_("Entry %(n)d: this staff member does not belong to the agency.") % {"n": index})
            continue
        active_from, active_until = row[2], row[3]
        if not period_covers(active_from, active_until, entry.day):
            errors.append(
                _("Entry %(n)d: the staff member is not active on %(date)s.")
                % {"n": index, "date": formats.date_format(entry.day, "SHORT_DATE_FORMAT")}
            )
    if errors:
        raise ValidationError(errors, code="invalid_entries")


def _write(agency, entries, existing, actor):
    now = timezone.now()
    to_create, to_update, to_delete = [], [], []
    for entry in entries:
        row = existing.get((entry.staff_id, entry.day))
        if not entry.mode:
            if row is not None and row.agency_id == agency.pk:
                to_delete.append(row)
        elif row is None:
            to_create.append(
                WorkMode(
                    staff_id=entry.staff_id,
                    agency=agency,
                    day=entry.day,
                    mode=entry.mode,
                    updated_by=actor,
                    updated_at=now,
                )
            )
        elif row.mode != entry.mode or row.agency_id != agency.pk:
            row.mode, row.agency, row.updated_by, row.updated_at = entry.mode, agency, actor, now
            to_update.append(row)
    if to_create:
        bulk_create_with_history(to_create, WorkMode, default_user=actor, default_date=now)
    if to_update:
        # One UPDATE per mode rather than bulk_update's CASE per row: every changed row of a submission
        # gets the same agency, author and time.
        by_mode = {}
        for row in to_update:
            by_mode.setdefault(row.mode, []).append(row.pk)
        for mode, pks in by_mode.items():
            WorkMode.objects.filter(pk__in=pks).update(
                mode=mode, agency=agency, updated_by=actor, updated_at=now
            )
        WorkMode.history.bulk_history_create(to_update, update=True, default_user=actor, default_date=now)
    if to_delete:
        _delete_with_history(to_delete, actor=actor, when=now)


def _delete_with_history(rows, *, actor, when):
    """Delete rows in two statements, recording each deletion the way simple_history would one by one."""
    history = WorkMode.history.model
    history.objects.bulk_create(
        history(
            history_date=when,
            history_user=actor,
            history_type="-",
            **{field.attname: getattr(row, field.attname) for field in history.tracked_fields},
        )
        for row in rows
    )
    # QuerySet.delete() would send post_delete per row, and simple_history would then record each
    # deletion a second time, one INSERT per row: the rows go in one DELETE instead.
    queryset = WorkMode.objects.filter(pk__in=[row.pk for row in rows])
    queryset._raw_delete(queryset.db)
