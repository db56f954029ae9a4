"""Public JSON API of the catalogue, the urgent in-person list and the intake arrangements (clause 4 of
2629/UBND asks agencies to publish them on their websites and apps): no login, lightly throttled.
"""

import datetime

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from . import catalogue_selectors as selectors
from .catalogue_serializers import (
    ErrorSerializer,
    IntakeArrangementsSerializer,
    ProcedureSerializer,
    UrgentListSerializer,
)
from .filters import ProcedureApiFilter
from .models import UrgentListItem

DATE_PARAMETER = OpenApiParameter(
    "date", OpenApiTypes.DATE, description="Day as YYYY-MM-DD; today (Asia/Ho_Chi_Minh) when omitted."
)


class PublicCatalogueThrottle(AnonRateThrottle):
    scope = "public_catalogue"


class PublicAPIView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicCatalogueThrottle]


def _day(request) -> datetime.date:
    raw = request.query_params.get("date", "").strip()
    if not raw:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(raw) if len(raw) == 10 else _bad_date(raw)
    except ValueError:
        return _bad_date(raw)


def _bad_date(raw: str):
    raise ParseError(_("“%(value)s” is not a date in the form YYYY-MM-DD.") % {"value": raw})


@extend_schema_view(get=extend_schema(summary="The public procedure catalogue"))
class ProcedureListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicCatalogueThrottle]
    serializer_class = ProcedureSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProcedureApiFilter

    def get_queryset(self):
        return selectors.procedures_public()


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
        day = _day(request)
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


class AgencyIntakeView(PublicAPIView):
    @extend_schema(
        summary="An agency's intake arrangements on a day",
        description="Channels in use (from the policy in force), the urgent list version, hotline, e-mail, "
        "citizen reception and inspections, and the channels of each of the agency's procedures.",
        parameters=[DATE_PARAMETER],
        responses={
            200: IntakeArrangementsSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Malformed date."),
            404: OpenApiResponse(ErrorSerializer, description="Unknown or inactive agency."),
        },
    )
    def get(self, request, pk):
        agency = selectors.public_agencies().filter(pk=pk).first()
        if agency is None:
            raise NotFound(_("No active agency has this id."))
        arrangements = selectors.intake_arrangements(agency, _day(request))
        return Response(IntakeArrangementsSerializer(arrangements).data)
