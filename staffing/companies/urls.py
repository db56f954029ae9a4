from django.urls import path

from . import views

app_name = "companies"

urlpatterns = [
    path("", views.company_list, name="list"),
    path("export.xlsx", views.company_export, name="export"),
    path("new/", views.company_create, name="create"),
    path("import/", views.company_import, name="import"),
    path("import/template.csv", views.import_template, {"fmt": "csv"}, name="import-template-csv"),
    path("import/template.xlsx", views.import_template, {"fmt": "xlsx"}, name="import-template-xlsx"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/edit/", views.company_edit, name="edit"),
]
