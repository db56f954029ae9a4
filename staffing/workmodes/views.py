"""Work-mode pages: the head's week grid and today page, a staff member's own plan, the district's day
table with its XLSX export, and the history of a staff member's or a day's plan."""

import datetime
import io
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_POST

from directives.policy.selectors import policy_in_force
from staffing.registry.roles import roles_for
from staffing.registry.selectors import agencies_managed_by, get_agency_for_user, get_staff_member_for_user
from staffing.toolkit import xlsx
from staffing.toolkit.dates import asked_date_notice, parse_day, parse_week

from .constants import WorkModeKind
from .forms import (
    DistrictDayForm,
    WeekGridForm,
    iso_week,
)
from .models import WorkMode
from .person_notes import person_notes
from .selectors import (
    district_day_table,
    weekday_name,
    work_mode_grid,
)
from .week_page import (
    WEEK,
    WeekPage,
    day_columns,
    district_crumbs,
    monday,
    other_managed_agencies,
    week_filters,
)

MINE_WEEKS = 4
HISTORY_PAGE_SIZE = 50


def _agency_for_reader(user, pk):
    """Heads and chairmen of the agency and the district roles read its plan, its phones and its history."""
    agency = get_agency_for_user(user, pk)
    roles = roles_for(user)
    if not (roles.can_manage_agency(agency.pk) or roles.sees_all_agencies):
        raise Http404
    return agency


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
    return render(request, "staffing/workmodes/agency_choice.html", context)


@gzip_page  # 700 kB of a 500-staff grid travel as 40 kB to a head's phone
@login_required
def week(request, pk):
    """The week grid: heads, commune chairmen and the district office set it; district leadership reads it."""
    agency = _agency_for_reader(request.user, pk)
    can_edit = roles_for(request.user).can_manage_agency(agency.pk)
    if request.method == "POST" and not can_edit:
        raise Http404
    page = WeekPage.load(request, agency, can_edit=can_edit)
    if request.method == "POST" and page.submit():
        messages.success(request, _("The work modes of the week are saved."))
        return redirect(request.get_full_path())
    return render(request, "staffing/workmodes/week.html", page.context())


@require_POST
@login_required
def week_summary(request, pk):
    """The summary row of an unsaved grid (htmx, on every change): counted as the service counts, nothing saved."""
    agency = get_agency_for_user(request.user, pk, manage=True)
    start = parse_week(request.GET.get("week")) or monday(timezone.localdate())
    grid = work_mode_grid(agency=agency, start=start, end=start + datetime.timedelta(days=6))
    form = WeekGridForm(request.POST, staff=grid.staff, days=grid.days)
    form.is_valid()
    plan = {**grid.modes, **form.cells}
    columns = day_columns(agency, grid, grid.summaries(plan))
    # The form posts here with the page's filters: the heading keeps the "shown/all" count it had.
    shown_count = len(week_filters(request, grid).filter(grid.staff))
    return render(
        request,
        "staffing/workmodes/_week_head.html",
        {"columns": columns, "shown_count": shown_count, "staff_count": len(grid.staff)},
    )


def _dmy(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


# One day of one agency ------------------------------------------------------------------------------


@login_required
def today(request, pk):
    """Who is where on one day (today by default), with the phone of each home worker (clause 2)."""
    agency = _agency_for_reader(request.user, pk)
    day = parse_day(request.GET.get("day"))
    if day is None:
        day = timezone.localdate()
        if notice := asked_date_notice(request.GET.get("day"), _("today, %(day)s") % {"day": _dmy(day)}):
            messages.warning(request, notice)
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
    notes = person_notes(agency, day, [entry["member"].pk for entry in lists[WorkModeKind.REMOTE]])
    for entry in lists[WorkModeKind.REMOTE]:
        entry["notes"] = notes.get(entry["member"].pk, [])
    sections = [
        {"mode": mode, "label": WorkModeKind(mode).label, "people": people} for mode, people in lists.items()
    ]
    context = {
        "agency": agency,
        "day": day,
        "is_today": day == timezone.localdate(),
        "weekday": weekday_name(day),
        "summary": summary,
        "crumbs": district_crumbs(request.user, day, (agency.name, None)),
        "other_agencies": other_managed_agencies(request.user, agency),
        "policy": policy,
        "sections": sections,
        "unplanned": unplanned,
        "can_manage": roles_for(request.user).can_manage_agency(agency.pk),
        "week_query": urlencode({"week": iso_week(day)}),
        "prev_day": (day - datetime.timedelta(days=1)).isoformat(),
        "next_day": (day + datetime.timedelta(days=1)).isoformat(),
    }
    return render(request, "staffing/workmodes/today.html", context)


# A staff member's own plan ----------------------------------------------------------------------------


@login_required
def mine(request):
    """The signed-in staff member's modes for this week and the next three (read-only)."""
    member = getattr(request.user, "staff_profile", None)
    start = monday(timezone.localdate())
    weeks = []
    if member is not None:
        end = start + MINE_WEEKS * WEEK - datetime.timedelta(days=1)
        modes = dict(
            WorkMode.objects.filter(staff=member, day__gte=start, day__lte=end).values_list("day", "mode")
        )
        for number in range(MINE_WEEKS):
            week_start = start + number * WEEK
            days = [week_start + datetime.timedelta(days=n) for n in range(7)]
            weeks.append(
                {
                    "start": week_start,
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
    policy = member and policy_in_force(agency=member.agency, day=timezone.localdate())
    context = {
        "member": member,
        "weeks": weeks,
        "today": timezone.localdate(),
        "citation": policy.cap_citation if policy else "",
    }
    return render(request, "staffing/workmodes/mine.html", context)


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
    return render(request, "staffing/workmodes/district.html", context)


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
        crumbs = district_crumbs(
            request.user, today, (member.agency.name, agency_url), (member.full_name, None)
        )
    context = {
        "member": member,
        "crumbs": crumbs,
        "page_obj": _history_page(request, _history_rows(records)),
    }
    return render(request, "staffing/workmodes/staff_history.html", context)


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
        "crumbs": district_crumbs(
            request.user,
            day,
            (agency.name, f"{reverse('work_modes:today', args=[agency.pk])}?day={day.isoformat()}"),
            (_("Work-mode history"), None),
        ),
        "page_obj": _history_page(request, _history_rows(records)),
    }
    return render(request, "staffing/workmodes/day_history.html", context)
