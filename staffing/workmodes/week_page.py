"""The head's week page, in the steps a reader follows: which week and agency (`WeekPage.load`), what a POST
of the grid does (`WeekPage.submit`: save through work_modes_set, or apply a fill helper to the unsaved
plan), and what the page draws (`WeekPage.context`: the grid, the day columns, the navigation).
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from staffing.registry.constants import DutyGroup
from staffing.registry.roles import roles_for
from staffing.registry.selectors import agencies_managed_by
from staffing.toolkit.dates import asked_date_notice, parse_day, parse_week

from .constants import WorkModeKind
from .forms import (
    SHORT_MODE_LABELS,
    WeekFilterForm,
    WeekGridForm,
    WeekHelperForm,
    cell_name,
    iso_week,
)
from .selectors import weekday_name, work_mode_grid, work_modes_between
from .services import WorkModeCapExceeded, work_modes_set

WEEK = datetime.timedelta(days=7)
SHORT_WEEKDAYS = (
    pgettext_lazy("weekday, short", "Mon"),
    pgettext_lazy("weekday, short", "Tue"),
    pgettext_lazy("weekday, short", "Wed"),
    pgettext_lazy("weekday, short", "Thu"),
    pgettext_lazy("weekday, short", "Fri"),
    pgettext_lazy("weekday, short", "Sat"),
    pgettext_lazy("weekday, short", "Sun"),
)


def monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def exempt_groups(policies) -> set:
    return set().union(*(policy.exempt_duty_groups for policy in policies if policy))


def _asked_week(request) -> datetime.date:
    """The Monday of ?week=2021-W23, or of the week of ?start=dd/mm/yyyy, or of this week; a value that is
    not a valid date is said on the page, with the week shown instead."""
    week, start = request.GET.get("week"), request.GET.get("start")
    asked = parse_week(week) or parse_day(start)
    if asked is not None:
        return monday(asked)
    shown = monday(timezone.localdate())
    notice = asked_date_notice(
        week or start,
        _("the week of %(day)s") % {"day": formats.date_format(shown, "SHORT_DATE_FORMAT")},
    )
    if notice:
        messages.warning(request, notice)
    return shown


@dataclass
class WeekPage:
    """One request of the week page: its agency and week, the grid read once, and what a POST left."""

    request: object
    agency: object
    can_edit: bool
    start: datetime.date
    grid: object
    filters: WeekFilterForm
    staff: list
    plan: dict
    helpers: WeekHelperForm | None
    errors: list = field(default_factory=list)
    refused: set = field(default_factory=set)
    invalid: set = field(default_factory=set)
    notice: str = ""

    @classmethod
    def load(cls, request, agency, *, can_edit: bool) -> "WeekPage":
        """The week asked for (?week=2025-W23, or the week of ?start=, or this week) and its saved grid."""
        start = _asked_week(request)
        grid = work_mode_grid(agency=agency, start=start, end=start + datetime.timedelta(days=6))
        filters = week_filters(request, grid)
        return cls(
            request=request,
            agency=agency,
            can_edit=can_edit,
            start=start,
            grid=grid,
            filters=filters,
            staff=filters.filter(grid.staff),
            plan=dict(grid.modes),
            helpers=WeekHelperForm(request.POST or None, days=grid.days) if can_edit else None,
        )

    def submit(self) -> bool:
        """Take in a POST of the grid: True once the week is saved; otherwise the errors, the refused days
        or the helper's notice stay on the page with the unsaved plan."""
        request = self.request
        form = WeekGridForm(request.POST, staff=self.grid.staff, days=self.grid.days)
        valid = form.is_valid()
        self.plan.update(form.cells)
        self.invalid, self.errors = form.invalid, list(form.errors)
        action = request.POST.get("action", "save")
        if valid and action == "save":
            try:
                work_modes_set(agency=self.agency, entries=form.entries(), actor=request.user)
            except WorkModeCapExceeded as refusal:
                self.errors = refusal.messages
                self.refused = {summary.day for summary in refusal.days}
            except ValidationError as error:
                self.errors = error.messages
            else:
                return True
        elif valid and self.helpers.is_valid():
            self.notice = apply_helper(
                action,
                self.helpers,
                self.plan,
                grid=self.grid,
                staff=self.staff,
                start=self.start,
                agency=self.agency,
            )
        return False

    def context(self) -> dict:
        columns = day_columns(self.agency, self.grid, self.grid.summaries(self.plan), self.refused)
        return {
            **self._heading(),
            **self._grid(columns),
            **self._navigation(),
            "helpers": self.helpers,
            "errors": self.errors,
            "notice": self.notice,
        }

    def _heading(self) -> dict:
        """The agency, the week, the policies in force and the agency's other pages."""
        agency, start = self.agency, self.start
        return {
            "agency": agency,
            "can_edit": self.can_edit,
            "start": start,
            "end": self.grid.days[-1],
            "iso_week": iso_week(start),
            "policies": distinct_policies(self.grid.policies.values()),
            "other_agencies": other_managed_agencies(self.request.user, agency),
            "crumbs": district_crumbs(
                self.request.user,
                start,
                (agency.name, f"{reverse('work_modes:today', args=[agency.pk])}?day={start.isoformat()}"),
                (_("Week plan"), None),
            ),
        }

    def _grid(self, columns) -> dict:
        """The day columns with their counts, the rows by position, and the staff outside the cap apart."""
        groups, exempt_rows = grid_rows(self.grid, self.staff, self.plan, self.invalid)
        return {
            "columns": columns,
            "groups": groups,
            "exempt_rows": exempt_rows,
            "exempt_labels": [DutyGroup(g).label for g in sorted(exempt_groups(self.grid.policies.values()))],
            "shown_count": len(self.staff),
            "staff_count": len(self.grid.staff),
            "filters": self.filters,
            "shown_day": shown_day(columns, self.refused),
            "labels": dict(WorkModeKind.choices),
            "short_labels": SHORT_MODE_LABELS.items(),
            "over_labels": [c["label"] for c in columns if c["over"]],
        }

    def _navigation(self) -> dict:
        """Links to this, the previous and the next week and to today's week, keeping the filters."""
        params, start = self.filters.params, self.start
        return {
            "query": urlencode({"week": iso_week(start), **params}),
            "prev_query": urlencode({"week": iso_week(start - WEEK), **params}),
            "next_query": urlencode({"week": iso_week(start + WEEK), **params}),
            "this_week_query": urlencode({"week": iso_week(timezone.localdate()), **params}),
        }


def shown_day(columns, refused) -> int:
    """The day a phone shows first: a refused day, else today, else the first day over the cap."""
    return next(
        (c["index"] for c in columns if c["day"] in refused),
        next(
            (c["index"] for c in columns if c["is_today"]),
            next((c["index"] for c in columns if c["over"]), 0),
        ),
    )


def day_columns(agency, grid, summaries, refused=()) -> list[dict]:
    today = timezone.localdate()
    columns = []
    for index, day in enumerate(grid.days):
        summary = summaries[day]
        columns.append(
            {
                "index": index,
                "day": day,
                "weekday": weekday_name(day),
                "short": SHORT_WEEKDAYS[day.weekday()],
                "label": f"{SHORT_WEEKDAYS[day.weekday()]} {day:%d/%m}",
                "summary": summary,
                "unplanned": summary.counted + summary.exempt - summary.planned,
                "over": summary.over_cap or day in refused,
                "is_today": day == today,
                "history_url": reverse("work_modes:day_history", args=[agency.pk, day.isoformat()]),
            }
        )
    return columns


def grid_rows(grid, staff, plan, invalid) -> tuple[list, list]:
    """Rows of the grid grouped by position, and the rows of staff outside the cap (clause 6) apart."""
    exempt = exempt_groups(grid.policies.values())
    groups: dict = {}
    exempt_rows = []
    for member in staff:
        cells = []
        for day in grid.days:
            key = (member.pk, day)
            value = plan.get(key) or ""
            saved = grid.modes.get(key) or ""
            cells.append(
                {
                    "name": cell_name(member.pk, day),
                    "active": member.is_active_on(day),
                    "value": value,
                    "saved": saved,
                    "changed": value != saved,
                    "invalid": key in invalid,
                }
            )
        row = {
            "member": member,
            "cells": cells,
            "exempt": member.duty_group in exempt,
        }
        if row["exempt"]:
            exempt_rows.append(row)
        else:
            groups.setdefault(member.position or _("No position"), []).append(row)
    return [{"label": label, "rows": rows} for label, rows in groups.items()], exempt_rows


def week_filters(request, grid) -> WeekFilterForm:
    positions = sorted({member.position for member in grid.staff if member.position})
    return WeekFilterForm(request.GET, positions=positions)


def district_crumbs(user, day, *crumbs) -> list:
    """District roles reach an agency from the day table: the trail leads back to it, at the same day."""
    if roles_for(user).sees_all_agencies:
        district_url = f"{reverse('work_modes:district')}?{urlencode({'day': day.isoformat()})}"
        return [(_("Daily overview"), district_url), *crumbs]
    return list(crumbs)


def apply_helper(action, helpers, plan, *, grid, staff, start, agency) -> str:
    unsaved = _("Nothing is saved until you press “Save the week”.")
    if action == "copy":
        previous_start = start - WEEK
        previous = work_modes_between(
            agency=agency, start=previous_start, end=start - datetime.timedelta(days=1)
        )
        copied = helpers.copy_week(plan, staff=staff, days=grid.days, previous=previous)
        if not copied:
            return _("The week of %(start)s has no plan to copy.") % {
                "start": formats.date_format(previous_start, "SHORT_DATE_FORMAT")
            }
        return " ".join(
            [
                _("%(count)d cells copied from the week of %(start)s.")
                % {"count": copied, "start": formats.date_format(previous_start, "SHORT_DATE_FORMAT")},
                unsaved,
            ]
        )
    if action == "fill":
        filled = helpers.fill_column(plan, staff=staff)
        return " ".join([_("%(count)d cells filled.") % {"count": filled}, unsaved])
    if action == "rotate":
        helpers.rotate(plan, staff=staff, grid=grid)
        return " ".join(
            [
                _(
                    "Two alternating teams filled in from Monday to Friday, within the cap of each day; "
                    "cells on duty or on leave are kept."
                ),
                unsaved,
            ]
        )
    return ""


def distinct_policies(policies) -> list:
    seen = {}
    for policy in policies:
        if policy is not None:
            seen.setdefault(policy.pk, policy)
    return list(seen.values())


def other_managed_agencies(user, agency) -> list:
    roles = roles_for(user)
    if roles.is_district_manager or len(roles.managed_agency_ids) < 2:
        return []
    return list(agencies_managed_by(user).exclude(pk=agency.pk).only("name"))
