from django.urls import path

from . import desk_views as desk
from . import office_views as office
from . import public_views as public

urlpatterns = [
    path("dossiers/", desk.dossier_home, name="dossier-home"),
    path("dossiers/lookup/", public.dossier_lookup, name="dossier-lookup"),
    path("dossiers/office/", office.dossier_office, name="dossier-office"),
    path("dossiers/office/cutoff/", office.dossier_cutoff, name="dossier-cutoff"),
    path("dossiers/office/extension/", office.dossier_extension, name="dossier-extension"),
    path("dossiers/agency/<int:agency_id>/", desk.dossier_list, name="dossier-list"),
    path("dossiers/agency/<int:agency_id>/new/", desk.dossier_receive_view, name="dossier-receive"),
    path("dossiers/agency/<int:agency_id>/channels/", desk.dossier_channel_hint, name="dossier-channel-hint"),
    path(
        "dossiers/agency/<int:agency_id>/free-postage/",
        desk.dossier_free_postage,
        name="dossier-free-postage",
    ),
    path("dossiers/<int:pk>/", desk.dossier_detail, name="dossier-detail"),
    path("dossiers/<int:pk>/receipt/", desk.dossier_receipt, name="dossier-receipt"),
    path("dossiers/<int:pk>/transition/", desk.dossier_transition_view, name="dossier-transition"),
]
