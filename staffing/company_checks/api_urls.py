from django.urls import path

from . import api

urlpatterns = [
    path("communes/<int:commune_id>/company-checks/", api.CommuneChecks.as_view(), name="api-commune-checks"),
    path("company-checks/<int:pk>/", api.CheckDetail.as_view(), name="api-company-check"),
    path("company-check-criteria/", api.CriteriaSets.as_view(), name="api-company-check-criteria"),
]
