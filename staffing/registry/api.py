"""JSON API of agencies: each user sees the agencies in their scope (district-wide roles: all)."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics

from .filters import AgencyApiFilter
from .selectors import agencies_visible_to
from .serializers import AgencySerializer


class AgencyListView(generics.ListAPIView):
    serializer_class = AgencySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = AgencyApiFilter

    def get_queryset(self):
        return agencies_visible_to(self.request.user).order_by("name")
