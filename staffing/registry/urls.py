from django.urls import path

from . import views

app_name = "staffing"

urlpatterns = [
    path("directory/", views.directory, name="directory"),
    path("agencies/", views.agency_list, name="agency-list"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency-detail"),
    path("agencies/<int:pk>/staff/", views.staff_list, name="staff-list"),
    path("agencies/<int:pk>/staff/new/", views.staff_create, name="staff-create"),
    path("agencies/<int:pk>/staff/import/", views.staff_import, name="staff-import"),
    path("staff/<int:pk>/", views.staff_detail, name="staff-detail"),
    path("staff/<int:pk>/edit/", views.staff_edit, name="staff-edit"),
    path("staff/import/", views.import_start, name="import-start"),
    path("staff/import/template.csv", views.import_template, {"fmt": "csv"}, name="import-template-csv"),
    path("staff/import/template.xlsx", views.import_template, {"fmt": "xlsx"}, name="import-template-xlsx"),
    path("me/", views.my_staff_page, name="my-page"),
]
