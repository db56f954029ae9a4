"""JSON API of agencies: each user sees the agencies in their scope (district-wide roles: all)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from .constants import AgencyKind
from .selectors import agencies_visible_to
from .serializers import AgencySerializer


@extend_schema(
    parameters=[
        OpenApiParameter("kind", str, enum=AgencyKind.values, description="Only agencies of this kind.")
    ]
)
class AgencyListView(generics.ListAPIView):
    serializer_class = AgencySerializer

    def get_queryset(self):
        agencies = agencies_visible_to(self.request.user).order_by("name")
        kind = self.request.query_params.get("kind")
        if kind in AgencyKind.values:
            agencies = agencies.filter(kind=kind)
        return agencies
