from tthc.catalogue.api_urls import urlpatterns as catalogue_urlpatterns
from tthc.dossiers.api_urls import urlpatterns as dossier_urlpatterns
from tthc.intake.api_urls import urlpatterns as intake_urlpatterns
from tthc.reception.api_urls import urlpatterns as reception_urlpatterns
from tthc.urgent_lists.api_urls import urlpatterns as urgent_list_urlpatterns

urlpatterns = (
    catalogue_urlpatterns
    + urgent_list_urlpatterns
    + intake_urlpatterns
    + dossier_urlpatterns
    + reception_urlpatterns
)
