"""The working-day calendar of the district office: the holidays of a year, and the import of next year's
(the office types them in from the government's announcement; nothing is guessed)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.registry.roles import roles_for

from .import_pages import import_page, template_download
from .importers import CalendarDayImporter
from .models import CalendarDay
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
