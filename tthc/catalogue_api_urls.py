from django.urls import path

from . import catalogue_api

urlpatterns = [
    path("procedures/", catalogue_api.ProcedureListView.as_view(), name="api-procedure-list"),
    path("urgent-list/", catalogue_api.UrgentListView.as_view(), name="api-urgent-list"),
    path("agencies/<int:pk>/intake/", catalogue_api.AgencyIntakeView.as_view(), name="api-agency-intake"),
]
