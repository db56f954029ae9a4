from django.urls import path

from . import api

urlpatterns = [
    path("me/assignments/", api.MyAssignments.as_view(), name="api-my-assignments"),
    path("assignments/<int:pk>/reports/", api.AssignmentReports.as_view(), name="api-assignment-reports"),
    path(
        "agencies/<int:agency_id>/assignments/",
        api.AgencyAssignments.as_view(),
        name="api-agency-assignments",
    ),
]
