from django.urls import path

from . import office_views as office
from . import public_views as public
from .feeds import UrgentListFeed

urlpatterns = [
    # Public pages: no login (clause 4 of 2629/UBND).
    path("urgent-list/", public.urgent_list, name="public-urgent-list"),
    path("urgent-list/feed/", UrgentListFeed(), name="public-urgent-list-feed"),
    path("urgent-list/versions/", public.urgent_list_versions, name="public-urgent-list-versions"),
    path(
        "urgent-list/versions/<int:version>/", public.urgent_list_version, name="public-urgent-list-version"
    ),
    path("urgent-list/compare/", public.urgent_list_diff, name="public-urgent-list-diff"),
    # The district office.
    path("urgent-lists/", office.urgent_list_index, name="urgent-list-index"),
    path("urgent-lists/new/", office.urgent_list_create, name="urgent-list-create"),
    path("urgent-lists/new/compose/", office.urgent_list_new, name="urgent-list-new"),
    path("urgent-lists/<int:pk>/", office.urgent_list_detail, name="urgent-list-detail"),
    path("urgent-lists/<int:pk>/compose/", office.urgent_list_compose, name="urgent-list-compose"),
    path("urgent-lists/<int:pk>/publish/", office.urgent_list_publish, name="urgent-list-publish"),
    path("urgent-lists/<int:pk>/discard/", office.urgent_list_discard, name="urgent-list-discard"),
]
