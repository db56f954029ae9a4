from django.urls import path

from . import api

urlpatterns = [
    path(
        "agencies/<int:agency_id>/classifications/",
        api.AgencyClassifications.as_view(),
        name="api-agency-classifications",
    ),
]
