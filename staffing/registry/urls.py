from django.urls import path

from .views import imports, organisation

app_name = "staffing"

urlpatterns = [
    path("directory/", organisation.directory, name="directory"),
    path("agencies/", organisation.agency_list, name="agency-list"),
    path("agencies/<int:pk>/", organisation.agency_detail, name="agency-detail"),
    path("agencies/<int:pk>/staff/", organisation.staff_list, name="staff-list"),
    path("agencies/<int:pk>/staff/new/", organisation.staff_create, name="staff-create"),
    path("agencies/<int:pk>/staff/import/", imports.staff_import, name="staff-import"),
    path("staff/<int:pk>/", organisation.staff_detail, name="staff-detail"),
    path("staff/<int:pk>/edit/", organisation.staff_edit, name="staff-edit"),
    path("staff/import/", imports.import_start, name="import-start"),
    path("staff/import/template.csv", imports.import_template, {"fmt": "csv"}, name="import-template-csv"),
    path("staff/import/template.xlsx", imports.import_template, {"fmt": "xlsx"}, name="import-template-xlsx"),
    path("me/", organisation.my_staff_page, name="my-page"),
]
