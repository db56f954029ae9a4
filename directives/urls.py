from django.urls import include, path

from directives.documents import views as documents
from directives.obligations import views as obligations
from directives.policy import views as policy

app_name = "directives"

urlpatterns = [
    path("", documents.public_list, name="public_list"),
    path("<int:pk>/", documents.public_detail, name="public_detail"),
    path("<int:pk>/attachment/", documents.attachment, name="attachment"),
    path("policy/", policy.policy_current, name="policy"),
    path("compliance/", include("directives.compliance.urls")),
    path("register/", documents.register_list, name="register_list"),
    path("register/new/", documents.document_create, name="document_create"),
    path("register/<int:pk>/", documents.register_detail, name="register_detail"),
    path("register/<int:pk>/edit/", documents.document_edit, name="document_edit"),
    path("register/<int:pk>/publish/", documents.document_publish, name="document_publish"),
    path("register/<int:pk>/revoke/", documents.document_revoke, name="document_revoke"),
    path("register/<int:pk>/references/", documents.reference_add, name="reference_add"),
    path(
        "register/<int:pk>/references/<int:reference_pk>/remove/",
        documents.reference_remove,
        name="reference_remove",
    ),
    path("register/<int:pk>/policy/", policy.policy_edit, name="policy_edit"),
    path("register/<int:pk>/policy/preview/", policy.policy_preview, name="policy_preview"),
    path("policies/compare/", policy.policy_compare, name="policy_compare"),
    path("register/<int:pk>/obligations/new/", obligations.obligation_create, name="obligation_create"),
    path("obligations/", obligations.my_obligations, name="my_obligations"),
    path("obligations/matrix/", obligations.obligation_matrix, name="obligation_matrix"),
    path(
        "obligations/matrix/export/",
        obligations.obligation_matrix_export,
        name="obligation_matrix_export",
    ),
    path(
        "obligations/<int:obligation_id>/",
        obligations.obligation_follow_up,
        name="obligation_follow_up",
    ),
    path("obligations/<int:obligation_id>/close/", obligations.obligation_close, name="obligation_close"),
    path(
        "obligations/<int:obligation_id>/reopen/",
        obligations.obligation_reopen,
        name="obligation_reopen",
    ),
    path(
        "obligations/<int:obligation_id>/waive/<int:agency_id>/",
        obligations.obligation_waive,
        name="obligation_waive",
    ),
    path(
        "obligations/<int:obligation_id>/waive/<int:agency_id>/cancel/",
        obligations.obligation_waiver_cancel,
        name="obligation_waiver_cancel",
    ),
    path(
        "obligations/agency/<int:agency_id>/",
        obligations.agency_obligations,
        name="agency_obligations",
    ),
    path(
        "obligations/agency/<int:agency_id>/<int:obligation_id>/",
        obligations.obligation_acknowledge,
        name="obligation_acknowledge",
    ),
    path(
        "obligations/agency/<int:agency_id>/<int:obligation_id>/done/",
        obligations.obligation_done,
        name="obligation_done",
    ),
    path(
        "obligations/agency/<int:agency_id>/<int:obligation_id>/evidence/",
        obligations.obligation_evidence,
        name="obligation_evidence",
    ),
]
