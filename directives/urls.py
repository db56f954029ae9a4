from django.urls import include, path

from . import obligation_views, views

app_name = "directives"

urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("<int:pk>/", views.public_detail, name="public_detail"),
    path("<int:pk>/attachment/", views.attachment, name="attachment"),
    path("policy/", views.policy_current, name="policy"),
    path("compliance/", include("directives.compliance_urls")),
    path("register/", views.register_list, name="register_list"),
    path("register/new/", views.document_create, name="document_create"),
    path("register/<int:pk>/", views.register_detail, name="register_detail"),
    path("register/<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("register/<int:pk>/publish/", views.document_publish, name="document_publish"),
    path("register/<int:pk>/revoke/", views.document_revoke, name="document_revoke"),
    path("register/<int:pk>/references/", views.reference_add, name="reference_add"),
    path(
        "register/<int:pk>/references/<int:reference_pk>/remove/",
        views.reference_remove,
        name="reference_remove",
    ),
    path("register/<int:pk>/policy/", views.policy_edit, name="policy_edit"),
    path("register/<int:pk>/obligations/new/", views.obligation_create, name="obligation_create"),
    path("obligations/", obligation_views.my_obligations, name="my_obligations"),
    path("obligations/matrix/", obligation_views.obligation_matrix, name="obligation_matrix"),
    path(
        "obligations/matrix/export/",
        obligation_views.obligation_matrix_export,
        name="obligation_matrix_export",
    ),
    path(
        "obligations/<int:obligation_id>/",
        obligation_views.obligation_follow_up,
        name="obligation_follow_up",
    ),
    path(
        "obligations/<int:obligation_id>/close/", obligation_views.obligation_close, name="obligation_close"
    ),
    path(
        "obligations/<int:obligation_id>/reopen/",
        obligation_views.obligation_reopen,
        name="obligation_reopen",
    ),
    path(
        "obligations/<int:obligation_id>/waive/<int:agency_id>/",
        obligation_views.obligation_waive,
        name="obligation_waive",
    ),
    path(
        "obligations/<int:obligation_id>/waive/<int:agency_id>/cancel/",
        obligation_views.obligation_waiver_cancel,
        name="obligation_waiver_cancel",
    ),
    path(
        "obligations/agency/<int:agency_id>/",
        obligation_views.agency_obligations,
        name="agency_obligations",
    ),
    path(
        "obligations/agency/<int:agency_id>/<int:obligation_id>/",
        obligation_views.obligation_acknowledge,
        name="obligation_acknowledge",
    ),
    path(
        "obligations/agency/<int:agency_id>/<int:obligation_id>/done/",
        obligation_views.obligation_done,
        name="obligation_done",
    ),
    path(
        "obligations/agency/<int:agency_id>/<int:obligation_id>/evidence/",
        obligation_views.obligation_evidence,
        name="obligation_evidence",
    ),
]
