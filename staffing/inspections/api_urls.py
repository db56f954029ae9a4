from django.urls import path

from . import api

urlpatterns = [
    path(
        "agencies/<int:agency_id>/inspection-teams/",
        api.AgencyTeams.as_view(),
        name="api-agency-inspection-teams",
    ),
    path("inspection-teams/<int:pk>/", api.TeamDetail.as_view(), name="api-inspection-team"),
    path("inspection-teams/<int:pk>/actions/", api.TeamActions.as_view(), name="api-inspection-team-actions"),
]
