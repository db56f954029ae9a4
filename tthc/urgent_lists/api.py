"""Public JSON API of the urgent in-person list in force on a day (clause 4 of 2629/UBND: publish it)."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from tthc.catalogue.api import DATE_PARAMETER, PublicAPIView, day_param
from tthc.catalogue.serializers import ErrorSerializer

from . import selectors
from .models import UrgentListItem
from .serializers import UrgentListSerializer


class UrgentListView(PublicAPIView):
    @extend_schema(
        summary="The urgent in-person list in force on a day",
        description="The published version of the list of special, urgent procedures received in person "
        "(clause 3.1 of 2629/UBND) in force that day, with its directive and items.",
        parameters=[DATE_PARAMETER],
        responses={
            200: UrgentListSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Malformed date."),
            404: OpenApiResponse(ErrorSerializer, description="No version is in force that day."),
        },
    )
    def get(self, request):
        day = day_param(request)
        urgent_list = selectors.urgent_list_in_force(day)
        if urgent_list is None:
            raise NotFound(
                _("No list of special, urgent procedures is in force on %(day)s.") % {"day": day.isoformat()}
            )
        prefetch_related_objects(
            [urgent_list],
            Prefetch(
                "items",
                queryset=UrgentListItem.objects.select_related("procedure").order_by("procedure__code"),
            ),
        )
        return Response(UrgentListSerializer(urgent_list).data)
