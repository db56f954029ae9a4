"""The reception API: an agency's public reception status, public filing and status look-up of petitions,
and the agency's petitions with their actions (the same services and refusals as the pages)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.registry.models import Agency, StaffMember
from staffing.toolkit.throttles import PublicFilingThrottle, PublicLookupThrottle
from tthc.catalogue.api import DATE_PARAMETER, PublicAPIView, day_param
from tthc.catalogue.serializers import ErrorSerializer

from . import selectors, services
from .models import PetitionSettings
from .serializers import (
    AssignSerializer,
    CloseSerializer,
    PetitionAnswerSerializer,
    PetitionDetailSerializer,
    PetitionFiledSerializer,
    PetitionFileSerializer,
    PetitionLimitsSerializer,
    PetitionPublicStatusSerializer,
    PetitionSerializer,
    ReceptionStatusSerializer,
)

ERRORS = OpenApiResponse(
    inline_serializer(
        "PetitionErrors", fields={"field": serializers.ListField(child=serializers.CharField())}
    ),
    description="A message per field.",
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Unknown, or outside the user's scope.")
# The service's field names, as the API names them.
API_FIELDS = {
    "filer_name": "name",
    "filer_phone": "phone",
    "filer_email": "email",
    "filer_address": "address",
}


def _errors(exc: ValidationError) -> dict:
    body = {}
    for name, messages in exc.message_dict.items():
        body[API_FIELDS.get(name, "non_field_errors" if name == "__all__" else name)] = messages
    return body


class AgencyReceptionView(PublicAPIView):
    @extend_schema(
        summary="An agency's citizen reception",
        description="While a policy suspends in-person citizen reception (clause 2, third dash of 2629/UBND): "
        "since when, under which directive, and the hotline, e-mail and online petition form to use instead; "
        "otherwise the regular schedule.",
        parameters=[DATE_PARAMETER],
        responses={200: ReceptionStatusSerializer, 404: NOT_FOUND},
        tags=["reception"],
    )
    def get(self, request, pk):
        agency = Agency.objects.active().filter(pk=pk).first()
        if agency is None:
            raise NotFound(_("No active agency has this id."))
        result = selectors.reception_status(agency, day_param(request))
        return Response(ReceptionStatusSerializer(result, context={"request": request}).data)


class PetitionFileView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicFilingThrottle]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_throttles(self):
        # Reading the limits costs nothing: only filings count against the client's allowance.
        return super().get_throttles() if self.request.method == "POST" else []

    @extend_schema(
        operation_id="petitions_limits",
        summary="What a petition may hold",
        description="No login. The limits the filing checks: content length, attachment size and types, and "
        "the time limit of an answer in working days.",
        responses={200: PetitionLimitsSerializer},
        tags=["reception"],
    )
    def get(self, request):
        return Response(
            PetitionLimitsSerializer(
                {
                    "content_max_chars": services.content_max_chars(),
                    "attachment_max_bytes": services.attachment_max_bytes(),
                    "attachment_types": ["application/pdf", "image/png", "image/jpeg"],
                    "answer_within_working_days": PetitionSettings.current().answer_within_working_days,
                }
            ).data
        )

    @extend_schema(
        operation_id="petitions_file",
        summary="File a petition",
        description="No login. The same checks as the form: a Vietnamese mobile phone, a bounded content, an "
        "optional PDF/PNG/JPEG attachment checked by its content and size; a few filings per client "
        "(429 beyond). Answers 201 with the code to look the petition up.",
        request={"multipart/form-data": PetitionFileSerializer, "application/json": PetitionFileSerializer},
        responses={201: PetitionFiledSerializer, 400: ERRORS, 429: OpenApiResponse(ErrorSerializer)},
        tags=["reception"],
    )
    def post(self, request):
        serializer = PetitionFileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        agency = Agency.objects.active().filter(pk=data["agency"]).first()
        if agency is None:
            return Response(
                {"agency": [_("No active agency has this id.")]}, status=status.HTTP_400_BAD_REQUEST
            )
        try:
            petition = services.petition_file(
                agency=agency,
                filer_name=data["name"],
                filer_phone=data["phone"],
                filer_email=data["email"],
                filer_address=data["address"],
                content=data["content"],
                attachment=data["attachment"],
            )
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(PetitionFiledSerializer(petition).data, status=status.HTTP_201_CREATED)


class PetitionStatusView(APIView):
    """Public: a petition's status for whoever holds its code and the filer's phone."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicLookupThrottle]

    @extend_schema(
        operation_id="petitions_status",
        summary="Look up a petition's status",
        description="No login. A missing code and a wrong phone give the same 404; the look-ups share the "
        "dossier look-up's allowance per client (429 beyond).",
        parameters=[OpenApiParameter("phone", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True)],
        responses={
            200: PetitionPublicStatusSerializer,
            404: NOT_FOUND,
            429: OpenApiResponse(ErrorSerializer),
        },
        tags=["reception"],
    )
    def get(self, request, code):
        petition = selectors.lookup_petition(code=code, phone=request.query_params.get("phone", ""))
        if petition is None:
            raise NotFound(_("No petition matches this code and phone number."))
        response = Response(PetitionPublicStatusSerializer(petition).data)
        response["Cache-Control"] = "no-store"
        return response


class AgencyPetitionsView(APIView):
    @extend_schema(
        operation_id="agency_petitions",
        summary="An agency's petitions",
        description="For the agency's people and the district: newest first, each marked overdue when past "
        "its due date without an answer.",
        parameters=[
            OpenApiParameter(
                "status", OpenApiTypes.STR, description="received, assigned, answered or closed"
            ),
            OpenApiParameter("overdue", OpenApiTypes.BOOL),
        ],
        responses={200: PetitionSerializer(many=True), 404: NOT_FOUND},
        tags=["reception"],
    )
    def get(self, request, agency_id):
        if not selectors.may_read_petitions(request.user, agency_id):
            raise NotFound
        agency = Agency.objects.filter(pk=agency_id).first()
        if agency is None:
            raise NotFound
        rows = selectors.petitions_for_agency(
            agency,
            today=timezone.localdate(),
            status=request.query_params.get("status", ""),
            overdue=request.query_params.get("overdue", "").lower() in ("1", "true", "on"),
        )[:500]
        return Response(PetitionSerializer(rows, many=True).data)


def _petition(request, pk):
    petition = selectors.petition_in_scope(request.user, pk)
    if petition is None:
        raise NotFound
    return petition


class PetitionDetailView(APIView):
    @extend_schema(
        operation_id="petition_detail",
        summary="One petition with its history",
        responses={200: PetitionDetailSerializer, 404: NOT_FOUND},
        tags=["reception"],
    )
    def get(self, request, pk):
        return Response(PetitionDetailSerializer(_petition(request, pk)).data)


class _PetitionAction(APIView):
    input_serializer = None

    def act(self, petition, request, data):
        raise NotImplementedError

    def post(self, request, pk):
        petition = _petition(request, pk)
        if not selectors.may_handle_petitions(request.user, petition.agency_id):
            raise NotFound
        serializer = self.input_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            petition = self.act(petition, request, serializer.validated_data)
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        except DjangoPermissionDenied as exc:
            raise NotFound from exc
        petition = selectors.petition_in_scope(request.user, petition.pk)
        return Response(PetitionDetailSerializer(petition).data)


class PetitionAssignView(_PetitionAction):
    input_serializer = AssignSerializer

    @extend_schema(
        operation_id="petition_assign",
        summary="Assign a petition to a staff member of its agency",
        request=AssignSerializer,
        responses={200: PetitionDetailSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["reception"],
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, petition, request, data):
        # A staff member of another agency is unknown here, never named.
        assignee = StaffMember.objects.filter(pk=data["assignee"], agency_id=petition.agency_id).first()
        if assignee is None:
            raise ValidationError({"assignee": _("Choose a staff member of this agency.")})
        return services.petition_assign(petition=petition, actor=request.user, assignee=assignee)


class PetitionAnswerView(_PetitionAction):
    input_serializer = PetitionAnswerSerializer

    @extend_schema(
        operation_id="petition_answer",
        summary="Record the answer to a petition",
        request=PetitionAnswerSerializer,
        responses={200: PetitionDetailSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["reception"],
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, petition, request, data):
        return services.petition_answer(petition=petition, actor=request.user, answer=data["answer"])


class PetitionCloseView(_PetitionAction):
    input_serializer = CloseSerializer

    @extend_schema(
        operation_id="petition_close",
        summary="Close a petition",
        description="An answered petition closes as it is; an unanswered one needs the reason in `note`.",
        request=CloseSerializer,
        responses={200: PetitionDetailSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["reception"],
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, petition, request, data):
        return services.petition_close(petition=petition, actor=request.user, note=data["note"])
