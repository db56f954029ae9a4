from django.urls import path

from . import views

urlpatterns = [
    path("catalogue/import/", views.procedure_import, name="procedure-import"),
    path(
        "catalogue/import/template.csv",
        views.procedure_import_template,
        {"fmt": "csv"},
        name="procedure-import-template-csv",
    ),
    path(
        "catalogue/import/template.xlsx",
        views.procedure_import_template,
        {"fmt": "xlsx"},
        name="procedure-import-template-xlsx",
    ),
]
