"""Work-mode pages: the head's week grid and today page, a staff member's own plan, the district's day
table with its XLSX export, and the history of a staff member's or a day's plan."""

import datetime
import io
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_POST

from staffing.toolkit import xlsx

from .constants import DutyGroup, WorkModeKind
from .models import WorkMode
from .roles import roles_for
from .selectors import agencies_managed_by, get_agency_for_user, get_staff_member_for_user
from .workmode_forms import (
    SHORT_MODE_LABELS,
    DistrictDayForm,
    WeekFilterForm,
    WeekGridForm,
    WeekHelperForm,
    cell_name,
    iso_week,
    parse_day,
    parse_week,
)
from .workmode_selectors import (
    district_day_table,
    weekday_name,
    work_mode_grid,
    work_modes_between,
)
from .workmode_services import WorkModeCapExceeded, work_modes_set

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
MINE_WEEKS = 4
HISTORY_PAGE_SIZE = 50


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _agency_for_reader(user, pk):
    """Heads and chairmen of the agency and the district roles read its plan, its phones and its history."""
    agency = get_agency_for_user(user, pk)
    roles = roles_for(user)
    if not (roles.can_manage_agency(agency.pk) or roles.sees_all_agencies):
        raise Http404
    return agency


def _exempt_groups(policies) -> set:
    return set().union(*(policy.exempt_duty_groups for policy in policies if policy))


# The head's week ------------------------------------------------------------------------------------


@login_required
def agency_choice(request):
    """Heads of several agencies pick one; heads of one go straight to its page; the office to the table."""
    roles = roles_for(request.user)
    target = "work_modes:today" if request.GET.get("next") == "today" else "work_modes:week"
    if roles.sees_all_agencies:
        return redirect("work_modes:district")
    agencies = list(agencies_managed_by(request.user))
    if not agencies:
        raise Http404
    if len(agencies) == 1:
        return redirect(target, pk=agencies[0].pk)
    next_week = iso_week(timezone.localdate() + WEEK)
    context = {"agencies": agencies, "next_week": next_week}
    return render(request, "staffing/work_modes/agency_choice.html", context)


def _day_columns(agency, grid, summaries, refused=()) -> list[dict]:
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


def _grid_rows(grid, staff, plan, invalid, *, can_edit: bool) -> tuple[list, list]:
    """Rows of the grid grouped by position, and the rows of staff outside the cap (clause 6) apart."""
    exempt_groups = _exempt_groups(grid.policies.values())
    texts = _cell_texts()
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
            "cells_html": _cells_html(member, cells, can_edit=can_edit, texts=texts),
            "exempt": member.duty_group in exempt_groups,
        }
        if row["exempt"]:
            exempt_rows.append(row)
        else:
            groups.setdefault(member.position or _("No position"), []).append(row)
    return [{"label": label, "rows": rows} for label, rows in groups.items()], exempt_rows


def _cells_html(member, cells, *, can_edit: bool, texts: dict) -> str:
    """The seven day cells of a grid row, built here because a 500-staff week has 3,500 of them and the
    template engine spent nine tenths of the page's time on them. Only numbers, the mode codes the grid
    form accepts and the texts escaped once by _cell_texts() go into the markup.

    A select carries only its current mode: the page holds the list of modes once (<template
    id="wm-options">) and work_modes.js copies it into each select, which halves the page. It is labelled
    by the staff member's name and the day's heading rather than by a label of its own, for the same reason.
    """
    parts = []
    for index, cell in enumerate(cells):
        value, label = cell["value"], texts[cell["value"]]
        if not cell["active"]:
            content = f'<span class="small text-body-secondary">{texts["not_on_staff"]}</span>'
        elif can_edit:
            invalid = " is-invalid" if cell["invalid"] else ""
            saved = f' data-saved="{cell["saved"]}"' if cell["changed"] else ""
            content = (
                f'<select name="{cell["name"]}" class="form-select form-select-sm{invalid}"{saved}'
                f' aria-labelledby="wn{member.pk} wd{index}"><option value="{value}" selected>{label}</option>'
                "</select>"
            )
        elif value:
            content = f'<span class="wm-chip" data-mode="{value}">{label}</span>'
        else:
            content = f'<span class="text-body-secondary">{label}</span>'
        parts.append(f'<td class="wm-changed">{content}</td>' if cell["changed"] else f"<td>{content}</td>")
    return mark_safe("".join(parts))  # nothing unescaped goes in: see the docstring


def _cell_texts() -> dict:
    """The short label of each mode and the "not on staff" note, translated and escaped once per page."""
    return {
        **{value: escape(label) for value, label in SHORT_MODE_LABELS.items()},
        "not_on_staff": escape(_("not on staff")),
    }


@gzip_page  # 700 kB of a 500-staff grid travel as 40 kB to a head's phone
@login_required
def week(request, pk):
    """The week grid: heads, commune chairmen and the district office set it; district leadership reads it."""
    agency = _agency_for_reader(request.user, pk)
    can_edit = roles_for(request.user).can_manage_agency(agency.pk)
    if request.method == "POST" and not can_edit:
        raise Http404
    start = parse_week(request.GET.get("week")) or _monday(
        parse_day(request.GET.get("start")) or timezone.localdate()
    )
    grid = work_mode_grid(agency=agency, start=start, end=start + datetime.timedelta(days=6))
    filters = _week_filters(request, grid)
    staff = filters.filter(grid.staff)
    plan = dict(grid.modes)
    errors, refused, invalid, notice = [], set(), set(), ""
    helpers = WeekHelperForm(request.POST or None, days=grid.days) if can_edit else None

    if request.method == "POST":
        form = WeekGridForm(request.POST, staff=grid.staff, days=grid.days)
        valid = form.is_valid()
        plan.update(form.cells)
        invalid, errors = form.invalid, list(form.errors)
        action = request.POST.get("action", "save")
        if valid and action == "save":
            try:
                work_modes_set(agency=agency, entries=form.entries(), actor=request.user)
            except WorkModeCapExceeded as refusal:
                errors = refusal.messages
                refused = {summary.day for summary in refusal.days}
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("The work modes of the week are saved."))
                return redirect(request.get_full_path())
        elif valid and helpers.is_valid():
            notice = _apply_helper(action, helpers, plan, grid=grid, staff=staff, start=start, agency=agency)

    summaries = grid.summaries(plan)
    columns = _day_columns(agency, grid, summaries, refused)
    groups, exempt_rows = _grid_rows(grid, staff, plan, invalid, can_edit=can_edit)
    query = urlencode({"week": iso_week(start), **filters.params})
    today = timezone.localdate()
    # The day a phone shows first: a refused day, else today, else the first day over the cap.
    shown_day = next(
        (c["index"] for c in columns if c["day"] in refused),
        next(
            (c["index"] for c in columns if c["is_today"]),
            next((c["index"] for c in columns if c["over"]), 0),
        ),
    )
    context = {
        "agency": agency,
        "can_edit": can_edit,
        "start": start,
        "end": grid.days[-1],
        "columns": columns,
        "groups": groups,
        "exempt_rows": exempt_rows,
        "exempt_labels": [DutyGroup(g).label for g in sorted(_exempt_groups(grid.policies.values()))],
        "shown_count": len(staff),
        "staff_count": len(grid.staff),
        "filters": filters,
        "helpers": helpers,
        "errors": errors,
        "notice": notice,
        "query": query,
        "policies": _distinct_policies(grid.policies.values()),
        "prev_query": urlencode({"week": iso_week(start - WEEK), **filters.params}),
        "next_query": urlencode({"week": iso_week(start + WEEK), **filters.params}),
        "this_week_query": urlencode({"week": iso_week(today), **filters.params}),
        "iso_week": iso_week(start),
        "shown_day": shown_day,
        "other_agencies": _other_managed_agencies(request.user, agency),
        "labels": dict(WorkModeKind.choices),
        "short_labels": SHORT_MODE_LABELS.items(),
        "over_labels": [c["label"] for c in columns if c["over"]],
        "crumbs": _crumbs(
            request.user,
            start,
            (agency.name, f"{reverse('work_modes:today', args=[agency.pk])}?day={start.isoformat()}"),
            (_("Week plan"), None),
        ),
    }
    return render(request, "staffing/work_modes/week.html", context)


def _week_filters(request, grid) -> WeekFilterForm:
    positions = sorted({member.position for member in grid.staff if member.position})
    return WeekFilterForm(request.GET, positions=positions)


def _crumbs(user, day, *crumbs) -> list:
    """District roles reach an agency from the day table: the trail leads back to it, at the same day."""
    if roles_for(user).sees_all_agencies:
        district_url = f"{reverse('work_modes:district')}?{urlencode({'day': day.isoformat()})}"
        return [(_("Daily overview"), district_url), *crumbs]
    return list(crumbs)


def _apply_helper(action, helpers, plan, *, grid, staff, start, agency) -> str:
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


def _distinct_policies(policies) -> list:
    seen = {}
    for policy in policies:
        if policy is not None:
            seen.setdefault(policy.pk, policy)
    return list(seen.values())


def _other_managed_agencies(user, agency) -> list:
    roles = roles_for(user)
    if roles.is_district_manager or len(roles.managed_agency_ids) < 2:
        return []
    return list(agencies_managed_by(user).exclude(pk=agency.pk).only("name"))


@require_POST
@login_required
def week_summary(request, pk):
    """The summary row of an unsaved grid (htmx, on every change): counted as the service counts, nothing saved."""
    agency = get_agency_for_user(request.user, pk, manage=True)
    start = parse_week(request.GET.get("week")) or _monday(timezone.localdate())
    grid = work_mode_grid(agency=agency, start=start, end=start + datetime.timedelta(days=6))
    form = WeekGridForm(request.POST, staff=grid.staff, days=grid.days)
    form.is_valid()
    plan = {**grid.modes, **form.cells}
    columns = _day_columns(agency, grid, grid.summaries(plan))
    # The form posts here with the page's filters: the heading keeps the "shown/all" count it had.
    shown_count = len(_week_filters(request, grid).filter(grid.staff))
    return render(
        request,
        "staffing/work_modes/_week_head.html",
        {"columns": columns, "shown_count": shown_count, "staff_count": len(grid.staff)},
    )


# One day of one agency ------------------------------------------------------------------------------


@login_required
def today(request, pk):
    """Who is where on one day (today by default), with the phone of each home worker (clause 2)."""
    agency = _agency_for_reader(request.user, pk)
    day = parse_day(request.GET.get("day")) or timezone.localdate()
    grid = work_mode_grid(agency=agency, start=day, end=day)
    summary = grid.summaries()[day]
    policy = grid.policies.get(day)
    exempt = set(policy.exempt_duty_groups) if policy else set()
    lists = {mode: [] for mode in (WorkModeKind.REMOTE, WorkModeKind.ON_SITE, WorkModeKind.ON_DUTY)}
    lists[WorkModeKind.LEAVE] = []
    unplanned = []
    for member in grid.staff:
        if not member.is_active_on(day):
            continue
        entry = {"member": member, "exempt": member.duty_group in exempt}
        mode = grid.modes.get((member.pk, day))
        (lists[mode] if mode else unplanned).append(entry)
    sections = [
        {"mode": mode, "label": WorkModeKind(mode).label, "people": people} for mode, people in lists.items()
    ]
    context = {
        "agency": agency,
        "day": day,
        "is_today": day == timezone.localdate(),
        "weekday": weekday_name(day),
        "summary": summary,
        "crumbs": _crumbs(request.user, day, (agency.name, None)),
        "other_agencies": _other_managed_agencies(request.user, agency),
        "policy": policy,
        "sections": sections,
        "unplanned": unplanned,
        "can_manage": roles_for(request.user).can_manage_agency(agency.pk),
        "week_query": urlencode({"week": iso_week(day)}),
        "prev_day": (day - datetime.timedelta(days=1)).isoformat(),
        "next_day": (day + datetime.timedelta(days=1)).isoformat(),
    }
    return render(request, "staffing/work_modes/today.html", context)


# A staff member's own plan ----------------------------------------------------------------------------


@login_required
def mine(request):
    """The signed-in staff member's modes for this week and the next three (read-only)."""
    member = getattr(request.user, "staff_profile", None)
    start = _monday(timezone.localdate())
    weeks = []
    if member is not None:
        end = start + MINE_WEEKS * WEEK - datetime.timedelta(days=1)
        modes = dict(
            WorkMode.objects.filter(staff=member, day__gte=start, day__lte=end).values_list("day", "mode")
        )
        for number in range(MINE_WEEKS):
            monday = start + number * WEEK
            days = [monday + datetime.timedelta(days=n) for n in range(7)]
            weeks.append(
                {
                    "start": monday,
                    "end": days[-1],
                    "days": [
                        {
                            "day": day,
                            "weekday": weekday_name(day),
                            "mode": modes.get(day, ""),
                            "label": WorkModeKind(modes[day]).label if day in modes else "",
                            "active": member.is_active_on(day),
                        }
                        for day in days
                    ],
                }
            )
    context = {"member": member, "weeks": weeks, "today": timezone.localdate()}
    return render(request, "staffing/work_modes/mine.html", context)


# The district's day --------------------------------------------------------------------------------


def _status_order(row) -> int:
    return {"over_cap": 0, "no_plan": 1, "within_cap": 2, "no_staff": 3}.get(row.status, 4)


SORT_KEYS = {
    "name": lambda row: row.agency.name.casefold(),
    "kind": lambda row: (row.agency.get_kind_display(), row.agency.name.casefold()),
    "active": lambda row: row.active,
    "counted": lambda row: row.counted,
    "remote": lambda row: row.remote,
    "cap": lambda row: (row.cap is None, row.cap or 0),
    "status": lambda row: (_status_order(row), row.agency.name.casefold()),
}


@login_required
def district(request):
    """Every agency on one day: counted staff, at home, cap and status; sortable, filterable, exportable."""
    if not roles_for(request.user).sees_all_agencies:
        raise Http404
    form = DistrictDayForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    day = data.get("day") or timezone.localdate()
    sort = data.get("sort") or "status"
    rows = district_day_table(day=day)
    totals = {
        "agencies": len(rows),
        "over_cap": sum(1 for row in rows if row.status == "over_cap"),
        "no_plan": sum(1 for row in rows if row.status == "no_plan"),
        "no_staff": sum(1 for row in rows if row.status == "no_staff"),
    }
    if data.get("kind"):
        rows = [row for row in rows if row.agency.kind == data["kind"]]
    if data.get("status"):
        rows = [row for row in rows if row.status == data["status"]]
    rows.sort(key=SORT_KEYS[sort.lstrip("-")], reverse=sort.startswith("-"))

    filters = {"day": formats.date_format(day, "SHORT_DATE_FORMAT")}
    filters.update({key: data[key] for key in ("kind", "status") if data.get(key)})
    if request.GET.get("format") == "xlsx":
        return _district_xlsx(rows, day)
    context = {
        "form": form,
        "day": day,
        "rows": rows,
        "totals": totals,
        "sort": sort,
        "columns": _district_columns(filters, sort),
        "week_query": urlencode({"week": iso_week(day)}),
        "export_query": urlencode({**filters, "sort": sort, "format": "xlsx"}),
        "prev_query": urlencode(
            {**filters, "sort": sort, "day": (day - datetime.timedelta(days=1)).isoformat()}
        ),
        "next_query": urlencode(
            {**filters, "sort": sort, "day": (day + datetime.timedelta(days=1)).isoformat()}
        ),
    }
    return render(request, "staffing/work_modes/district.html", context)


def _district_columns(filters, sort) -> list[dict]:
    labels = {  # label, numeric, shown on wide screens only
        "name": (_("Agency"), False, False),
        "kind": (_("Agency kind"), False, True),
        "active": (_("Active staff"), True, True),
        "counted": (_("Counted staff"), True, False),
        "remote": (_("At home"), True, False),
        "cap": (_("Cap"), True, False),
        "status": (_("Status"), False, False),
    }
    columns = []
    for key, (label, numeric, wide_only) in labels.items():
        state = {key: "ascending", f"-{key}": "descending"}.get(sort, "none")
        columns.append(
            {
                "label": label,
                "numeric": numeric,
                "wide_only": wide_only,
                "state": state,
                "link": urlencode({**filters, "sort": f"-{key}" if state == "ascending" else key}),
            }
        )
    return columns


def _district_xlsx(rows, day) -> HttpResponse:
    output = io.BytesIO()
    book = xlsx.workbook(output)
    sheet = book.add_worksheet(_("Work modes"))
    sheet.write(
        0,
        0,
        _("Work from home in the district on %(day)s")
        % {"day": formats.date_format(day, "SHORT_DATE_FORMAT")},
        book.bold,
    )
    headers = [
        _("Day"),
        _("Agency"),
        _("Agency kind"),
        _("Active staff"),
        _("Counted staff"),
        _("At home"),
        _("Cap"),
        _("Outside the cap: at home"),
        _("No plan"),
        _("Status"),
    ]
    sheet.write_row(2, 0, headers, book.header)
    for number, row in enumerate(rows, start=3):
        sheet.write_datetime(number, 0, day, book.date)
        sheet.write_string(number, 1, row.agency.name)
        sheet.write_string(number, 2, str(row.agency.get_kind_display()))
        sheet.write_number(number, 3, row.active)
        sheet.write_number(number, 4, row.counted)
        sheet.write_number(number, 5, row.remote)
        if row.cap is None:
            sheet.write_string(number, 6, _("no cap"))
        else:
            sheet.write_number(number, 6, row.cap)
        sheet.write_number(number, 7, row.exempt_remote)
        sheet.write_number(number, 8, row.active - row.planned)
        sheet.write_string(number, 9, str(row.get_status_display()))
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 45)
    sheet.set_column(2, 2, 28)
    sheet.set_column(3, 8, 12)
    sheet.set_column(9, 9, 18)
    sheet.freeze_panes(3, 2)
    book.close()
    return xlsx.xlsx_response(output, f"work-modes-{day:%Y-%m-%d}.xlsx")


# History ------------------------------------------------------------------------------------------------


def _history_rows(records) -> list[dict]:
    """Each change with the mode before and after it, newest first: the previous record of the same staff
    member and day holds the mode before; a deletion leaves no plan."""
    rows, last = [], {}
    for record in records:
        key = (record.staff_id, record.day)
        previous = last.get(key)
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "staff": record.staff,
                "day": record.day,
                "agency": record.agency,
                "before": previous.get_mode_display() if previous and previous.history_type != "-" else "",
                "after": record.get_mode_display() if record.history_type != "-" else "",
            }
        )
        last[key] = record
    rows.reverse()
    return rows


def _history_page(request, rows):
    return Paginator(rows, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def staff_history(request, pk):
    """Every change of one staff member's plan: who changed which day, when, from which mode to which."""
    member = get_staff_member_for_user(request.user, pk)
    roles = roles_for(request.user)
    own = roles.staff_member_id == member.pk
    if not (own or roles.can_manage_agency(member.agency_id) or roles.sees_all_agencies):
        raise Http404
    records = (
        WorkMode.history.filter(staff_id=member.pk)
        .select_related("history_user", "staff", "agency")
        .order_by("history_date", "history_id")
    )
    today = timezone.localdate()
    if own and not (roles.can_manage_agency(member.agency_id) or roles.sees_all_agencies):
        crumbs = [(_("My schedule"), reverse("work_modes:mine")), (_("Work-mode history"), None)]
    else:
        agency_url = reverse("work_modes:today", args=[member.agency_id])
        crumbs = _crumbs(request.user, today, (member.agency.name, agency_url), (member.full_name, None))
    context = {
        "member": member,
        "crumbs": crumbs,
        "page_obj": _history_page(request, _history_rows(records)),
    }
    return render(request, "staffing/work_modes/staff_history.html", context)


@login_required
def day_history(request, pk, day):
    """Every change of one agency's plan for one day."""
    agency = _agency_for_reader(request.user, pk)
    try:
        day = datetime.date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    records = (
        WorkMode.history.filter(agency_id=agency.pk, day=day)
        .select_related("history_user", "staff", "agency")
        .order_by("history_date", "history_id")
    )
    context = {
        "agency": agency,
        "day": day,
        "weekday": weekday_name(day),
        "week_query": urlencode({"week": iso_week(day)}),
        "crumbs": _crumbs(
            request.user,
            day,
            (agency.name, f"{reverse('work_modes:today', args=[agency.pk])}?day={day.isoformat()}"),
            (_("Work-mode history"), None),
        ),
        "page_obj": _history_page(request, _history_rows(records)),
    }
    return render(request, "staffing/work_modes/day_history.html", context)
