from tthc.calendar.urls import urlpatterns as calendar_urlpatterns
from tthc.catalogue.urls import urlpatterns as catalogue_urlpatterns
from tthc.dossiers.urls import urlpatterns as dossier_urlpatterns
from tthc.intake.urls import urlpatterns as intake_urlpatterns
from tthc.reception.urls import urlpatterns as reception_urlpatterns
from tthc.urgent_lists.urls import urlpatterns as urgent_list_urlpatterns

app_name = "tthc"

urlpatterns = (
    intake_urlpatterns
    + urgent_list_urlpatterns
    + catalogue_urlpatterns
    + calendar_urlpatterns
    + dossier_urlpatterns
    + reception_urlpatterns
)
