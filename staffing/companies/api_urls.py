from django.urls import path

from . import api

urlpatterns = [
    path(
        "communes/<int:commune_id>/companies/", api.CommuneCompanies.as_view(), name="api-commune-companies"
    ),
    path("companies/<int:pk>/", api.CompanyDetail.as_view(), name="api-company-detail"),
]
