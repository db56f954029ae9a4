from django.urls import path

from . import api

urlpatterns = [
    path("agencies/", api.AgencyListView.as_view(), name="api-agency-list"),
]
