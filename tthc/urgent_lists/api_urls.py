from django.urls import path

from . import api

urlpatterns = [
    path("urgent-list/", api.UrgentListView.as_view(), name="api-urgent-list"),
]
