from django.urls import path

from . import views

urlpatterns = [
    # Public pages: no login (clause 4 of 2629/UBND).
    path("procedures/", views.procedure_list, name="procedure-list"),
    path("procedures/<str:code>/", views.procedure_detail, name="procedure-detail"),
    path("intake/", views.agency_index, name="public-agency-index"),
    path("intake/<int:pk>/", views.agency_arrangements, name="public-agency-arrangements"),
]
