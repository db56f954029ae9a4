from django.urls import path

from .api import DossierReceiveView, DossierStatusView

urlpatterns = [
    path("dossiers/", DossierReceiveView.as_view(), name="api-dossier-receive"),
    path("dossiers/<str:code>/status/", DossierStatusView.as_view(), name="api-dossier-status"),
]
