from django.urls import path

from . import dossier_views as views

urlpatterns = [
    path("dossiers/", views.dossier_home, name="dossier-home"),
    path("dossiers/lookup/", views.dossier_lookup, name="dossier-lookup"),
    path("dossiers/office/", views.dossier_office, name="dossier-office"),
    path("dossiers/office/cutoff/", views.dossier_cutoff, name="dossier-cutoff"),
    path("dossiers/office/extension/", views.dossier_extension, name="dossier-extension"),
    path("dossiers/agency/<int:agency_id>/", views.dossier_list, name="dossier-list"),
    path("dossiers/agency/<int:agency_id>/new/", views.dossier_receive_view, name="dossier-receive"),
    path(
        "dossiers/agency/<int:agency_id>/channels/", views.dossier_channel_hint, name="dossier-channel-hint"
    ),
    path(
        "dossiers/agency/<int:agency_id>/free-postage/",
        views.dossier_free_postage,
        name="dossier-free-postage",
    ),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier-detail"),
    path("dossiers/<int:pk>/receipt/", views.dossier_receipt, name="dossier-receipt"),
    path("dossiers/<int:pk>/transition/", views.dossier_transition_view, name="dossier-transition"),
]
