from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.index, name="index"),
    path("agencies/<int:pk>/", views.agency_teams, name="agency"),
    path("agencies/<int:pk>/new/", views.team_new, name="new"),
    path("<int:pk>/", views.team_detail, name="detail"),
    path("<int:pk>/edit/", views.team_edit, name="edit"),
    path("<int:pk>/act/", views.team_act, name="act"),
    path("district/", views.district, name="district"),
    path("district/export/", views.district_export, name="export"),
]
