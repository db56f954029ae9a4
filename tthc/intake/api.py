"""Public JSON API of an agency's intake arrangements on a day (clause 4 of 2629/UBND: publish them)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from tthc.catalogue.api import DATE_PARAMETER, PublicAPIView, day_param
from tthc.catalogue.serializers import ErrorSerializer

from . import selectors
from .serializers import IntakeArrangementsSerializer


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
        arrangements = selectors.intake_arrangements(agency, day_param(request))
        return Response(IntakeArrangementsSerializer(arrangements).data)
