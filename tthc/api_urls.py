from .catalogue_api_urls import urlpatterns as catalogue_urlpatterns
from .dossier_api_urls import urlpatterns as dossier_urlpatterns

urlpatterns = catalogue_urlpatterns + dossier_urlpatterns
