from django.urls import path

from . import api

urlpatterns = [
    path("agencies/<int:pk>/intake/", api.AgencyIntakeView.as_view(), name="api-agency-intake"),
]
