from django.urls import path

from . import views

urlpatterns = [
    path("calendar/", views.calendar_year, name="calendar"),
    path("calendar/import/", views.calendar_import, name="calendar-import"),
    path("calendar/load/", views.calendar_load, name="calendar-load"),
    path(
        "calendar/import/template.csv",
        views.calendar_import_template,
        {"fmt": "csv"},
        name="calendar-import-template-csv",
    ),
    path(
        "calendar/import/template.xlsx",
        views.calendar_import_template,
        {"fmt": "xlsx"},
        name="calendar-import-template-xlsx",
    ),
]
