from django.urls import path

from . import api as workmode_api

urlpatterns = [
    path("agencies/<int:agency_id>/staff/", workmode_api.AgencyStaffList.as_view(), name="api-agency-staff"),
    path(
        "agencies/<int:agency_id>/work-modes/",
        workmode_api.AgencyWorkModes.as_view(),
        name="api-agency-work-modes",
    ),
]
