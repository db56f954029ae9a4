"""The dossier API: intake by one-stop officers, and the public status look-up."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.toolkit.throttles import PublicLookupThrottle

from .receive import dossier_receive
from .selectors import lookup_dossier, may_read_dossiers, may_receive_dossiers
from .serializers import DossierReceivedSerializer, DossierReceiveSerializer, DossierStatusSerializer

# Service fields that sit inside the nested "applicant" object of the API.
APPLICANT_FIELDS = {
    "applicant_name": "full_name",
    "applicant_id_number": "id_number",
    "applicant_phone": "phone",
    "applicant_email": "email",
    "applicant_address": "address",
}
API_FIELDS = {"procedure", "agency", "channel", "received_at", "result_delivery", "special_case_reason"}

ERRORS = inline_serializer(
    "DossierErrors",
    fields={"channel": serializers.ListField(child=serializers.CharField(), required=False)},
)
DETAIL = inline_serializer("Detail", fields={"detail": serializers.CharField()})


def service_errors(exc: ValidationError) -> dict:
    """The service's errors keyed as the API's fields (the applicant's nested), others as non_field_errors."""
    body: dict = {}
    for name, messages in exc.message_dict.items():
        if name in APPLICANT_FIELDS:
            body.setdefault("applicant", {})[APPLICANT_FIELDS[name]] = messages
        elif name in API_FIELDS:
            body[name] = messages
        else:
            body.setdefault("non_field_errors", []).extend(messages)
    return body


def _agency_id(data) -> int | None:
    try:
        return int(data.get("agency"))
    except (TypeError, ValueError, OverflowError):
        return None


class DossierReceiveView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="dossiers_receive",
        summary="Receive a dossier",
        description=(
            "For one-stop officers of the agency. The intake follows the policy and the urgent list in force "
            "on the day of `received_at`: a refused channel is a 400 on `channel` saying why and which "
            "channels are open; nothing is saved."
        ),
        request=DossierReceiveSerializer,
        responses={
            201: DossierReceivedSerializer,
            400: OpenApiResponse(ERRORS, description="A message per field."),
            403: OpenApiResponse(DETAIL, description="Not a one-stop officer of this agency."),
            404: OpenApiResponse(DETAIL, description="The agency is outside the user's scope."),
        },
        tags=["dossiers"],
    )
    def post(self, request):
        if not isinstance(request.data, Mapping):
            return Response(
                {"non_field_errors": [_("Send the dossier as a JSON object of its fields.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        agency_id = _agency_id(request.data)
        if agency_id is not None and not may_receive_dossiers(request.user, agency_id):
            if may_read_dossiers(request.user, agency_id):
                raise PermissionDenied(_("Only the agency's one-stop officers receive its dossiers."))
            raise NotFound
        serializer = DossierReceiveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            dossier = dossier_receive(actor=request.user, **serializer.service_kwargs())
        except ValidationError as exc:
            return Response(service_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(DossierReceivedSerializer(dossier).data, status=status.HTTP_201_CREATED)


class DossierStatusView(APIView):
    """Public: the status of a dossier for whoever holds its code and the applicant's phone."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicLookupThrottle]

    @extend_schema(
        operation_id="dossiers_status",
        summary="Look up a dossier's status",
        description=(
            "No login. A missing code and a wrong phone give the same 404, so the answer reveals nothing; "
            "each client has a limited number of look-ups (429 beyond)."
        ),
        parameters=[
            OpenApiParameter("phone", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True),
        ],
        responses={
            200: DossierStatusSerializer,
            404: OpenApiResponse(DETAIL, description="No dossier with this code and phone."),
            429: OpenApiResponse(DETAIL, description="Too many look-ups."),
        },
        tags=["dossiers"],
    )
    def get(self, request, code):
        dossier = lookup_dossier(code=code, phone=request.query_params.get("phone", ""))
        if dossier is None:
            raise NotFound(_("No dossier matches this code and phone number."))
        response = Response(DossierStatusSerializer(dossier).data)
        response["Cache-Control"] = "no-store"
        return response
