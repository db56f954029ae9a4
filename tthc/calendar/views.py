"""The working-day calendar of the district office: the holidays of a year, and the import of next year's
(the office types them in from the government's announcement; nothing is guessed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.registry.roles import roles_for

from .import_pages import import_page, template_download
from .importers import CalendarDayImporter
from .models import CalendarDay
from .services import calendar_year_compare, calendar_year_load
from .working_days import years_without_calendar

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _require_reader(request):
    if not roles_for(request.user).sees_all_agencies:
        raise Http404


def _require_editor(request):
    if not roles_for(request.user).is_district_manager:
        raise Http404


def _year(request, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if FIRST_YEAR <= year <= LAST_YEAR else default


@login_required
def calendar_year(request):
    """The holidays, days off in lieu and working weekend days recorded for one year."""
    _require_reader(request)
    today = timezone.localdate()
    year = _year(request, today.year)
    days = CalendarDay.objects.filter(date__year=year).order_by("date")
    return render(
        request,
        "tthc/calendar/year.html",
        {
            "year": year,
            "days": days,
            "today": today,
            "missing_years": years_without_calendar(today),
            "may_edit": roles_for(request.user).is_district_manager,
            "crumbs": [(_("Working-day calendar"), None)],
        },
    )


@login_required
def calendar_import(request):
    _require_editor(request)
    return import_page(
        request,
        importer_class=CalendarDayImporter,
        template="tthc/calendar/import.html",
        done_message=_(
            "Calendar import finished: %(created)s added, %(updated)s changed, %(unchanged)s unchanged."
        ),
        done_url=reverse("tthc:calendar"),
        crumbs=[(_("Working-day calendar"), reverse("tthc:calendar")), (_("Import"), None)],
        urls={
            "csv": reverse("tthc:calendar-import-template-csv"),
            "xlsx": reverse("tthc:calendar-import-template-xlsx"),
        },
    )


@login_required
def calendar_import_template(request, fmt):
    _require_editor(request)
    return template_download(
        CalendarDayImporter(), fmt, sheet_name=_("Calendar"), filename="calendar-template"
    )


@login_required
def calendar_load(request):
    """ "Nạp lịch nghỉ năm …": the library's days of a year beside what the calendar holds; a POST adds them."""
    _require_editor(request)
    today = timezone.localdate()
    year = _year(request, today.year + 1) if request.method == "GET" else _posted_year(request, today)
    if request.method == "POST":
        outcome = calendar_year_load(year=year, by=request.user)
        if outcome.library_empty:
            messages.warning(
                request, _("The holiday library knows no day off for %(year)s yet.") % {"year": year}
            )
        else:
            messages.success(
                request,
                _(
                    "Calendar %(year)s loaded: %(added)s days added, %(refreshed)s refreshed, "
                    "%(kept)s of the office's own days kept."
                )
                % {
                    "year": year,
                    "added": len(outcome.added),
                    "refreshed": len(outcome.refreshed),
                    "kept": len(outcome.office_kept),
                },
            )
        return redirect(f"{reverse('tthc:calendar')}?year={year}")
    rows = calendar_year_compare(year=year)
    return render(
        request,
        "tthc/calendar/load.html",
        {
            "year": year,
            "rows": rows,
            "to_add": sum(row.status in ("new", "differs") for row in rows),
            "crumbs": [
                (_("Working-day calendar"), f"{reverse('tthc:calendar')}?year={year}"),
                (_("Load the holidays of %(year)s") % {"year": year}, None),
            ],
        },
    )


def _posted_year(request, today) -> int:
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year
