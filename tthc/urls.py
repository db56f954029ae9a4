from .catalogue_urls import urlpatterns as catalogue_urlpatterns
from .dossier_urls import urlpatterns as dossier_urlpatterns

app_name = "tthc"

urlpatterns = catalogue_urlpatterns + dossier_urlpatterns
