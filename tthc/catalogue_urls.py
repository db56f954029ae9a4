from django.urls import path

from . import calendar_views as calendar
from . import catalogue_public_views as public
from . import catalogue_views as office
from .feeds import UrgentListFeed

urlpatterns = [
    # Public pages: no login (clause 4 of 2629/UBND).
    path("procedures/", public.procedure_list, name="procedure-list"),
    path("procedures/<str:code>/", public.procedure_detail, name="procedure-detail"),
    path("urgent-list/", public.urgent_list, name="public-urgent-list"),
    path("urgent-list/feed/", UrgentListFeed(), name="public-urgent-list-feed"),
    path("urgent-list/versions/", public.urgent_list_versions, name="public-urgent-list-versions"),
    path(
        "urgent-list/versions/<int:version>/", public.urgent_list_version, name="public-urgent-list-version"
    ),
    path("urgent-list/compare/", public.urgent_list_diff, name="public-urgent-list-diff"),
    path("intake/", public.agency_index, name="public-agency-index"),
    path("intake/<int:pk>/", public.agency_arrangements, name="public-agency-arrangements"),
    # The district office.
    path("catalogue/import/", office.procedure_import, name="procedure-import"),
    path(
        "catalogue/import/template.csv",
        office.procedure_import_template,
        {"fmt": "csv"},
        name="procedure-import-template-csv",
    ),
    path(
        "catalogue/import/template.xlsx",
        office.procedure_import_template,
        {"fmt": "xlsx"},
        name="procedure-import-template-xlsx",
    ),
    path("calendar/", calendar.calendar_year, name="calendar"),
    path("calendar/import/", calendar.calendar_import, name="calendar-import"),
    path(
        "calendar/import/template.csv",
        calendar.calendar_import_template,
        {"fmt": "csv"},
        name="calendar-import-template-csv",
    ),
    path(
        "calendar/import/template.xlsx",
        calendar.calendar_import_template,
        {"fmt": "xlsx"},
        name="calendar-import-template-xlsx",
    ),
    path("urgent-lists/", office.urgent_list_index, name="urgent-list-index"),
    path("urgent-lists/new/", office.urgent_list_create, name="urgent-list-create"),
    path("urgent-lists/<int:pk>/", office.urgent_list_detail, name="urgent-list-detail"),
    path("urgent-lists/<int:pk>/compose/", office.urgent_list_compose, name="urgent-list-compose"),
    path("urgent-lists/<int:pk>/publish/", office.urgent_list_publish, name="urgent-list-publish"),
    path("urgent-lists/<int:pk>/discard/", office.urgent_list_discard, name="urgent-list-discard"),
]
