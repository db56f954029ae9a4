from django.urls import path

from . import api

urlpatterns = [
    path("agencies/<int:pk>/reception/", api.AgencyReceptionView.as_view(), name="api-agency-reception"),
    path(
        "agencies/<int:agency_id>/petitions/", api.AgencyPetitionsView.as_view(), name="api-agency-petitions"
    ),
    path("petitions/", api.PetitionFileView.as_view(), name="api-petition-file"),
    path("petitions/<int:pk>/", api.PetitionDetailView.as_view(), name="api-petition-detail"),
    path("petitions/<int:pk>/assign/", api.PetitionAssignView.as_view(), name="api-petition-assign"),
    path("petitions/<int:pk>/answer/", api.PetitionAnswerView.as_view(), name="api-petition-answer"),
    path("petitions/<int:pk>/close/", api.PetitionCloseView.as_view(), name="api-petition-close"),
    path("petitions/<str:code>/status/", api.PetitionStatusView.as_view(), name="api-petition-status"),
]
