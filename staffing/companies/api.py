"""JSON API of the companies register: the same service (company_save) and scope as the pages (400 with a
message per field, 404 for another commune's register or company)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from .filters import CompanyApiFilter
from .models import Company
from .selectors import companies_visible_to, get_commune_for_user, get_company_for_user
from .serializers import CompanySerializer, CompanyWriteSerializer
from .services import CREATED, company_save

NOT_FOUND = OpenApiResponse(description="Outside the user's scope.")
ERRORS = OpenApiResponse(
    inline_serializer(
        "CompanyErrors", fields={"field": serializers.ListField(child=serializers.CharField())}
    ),
    description="A message per field.",
)


def _errors(exc: ValidationError) -> dict:
    body = dict(exc.message_dict)
    if "__all__" in body:
        body["non_field_errors"] = body.pop("__all__")
    return body


def _commune(request, commune_id, *, manage=False):
    try:
        return get_commune_for_user(request.user, commune_id, manage=manage)
    except Http404:
        raise NotFound from None


class CommuneCompanies(generics.ListAPIView):
    serializer_class = CompanySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = CompanyApiFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator reads the model only
            return Company.objects.none()
        commune = _commune(self.request, self.kwargs["commune_id"])
        return companies_visible_to(self.request.user).filter(commune=commune).order_by("name", "id")

    @extend_schema(
        operation_id="commune_companies_list",
        summary="A commune's companies",
        description="The commune's register (clause 5 of 2629/UBND), by name; 404 outside the user's scope.",
        responses={200: CompanySerializer(many=True), 404: NOT_FOUND},
        tags=["companies"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="commune_companies_create",
        summary="Register a company",
        description="For the commune's chairman or head and the district office; refusals are a 400 with a "
        "message per field (tax code and its check digit, online within the workforce, closing date).",
        request=CompanyWriteSerializer,
        responses={201: CompanySerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["companies"],
    )
    def post(self, request, commune_id):
        commune = _commune(request, commune_id, manage=True)
        serializer = CompanyWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            saved = company_save(commune=commune, **serializer.validated_data)
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        code = status.HTTP_201_CREATED if saved.outcome == CREATED else status.HTTP_200_OK
        return Response(CompanySerializer(saved.company).data, status=code)


class CompanyDetail(generics.GenericAPIView):
    serializer_class = CompanySerializer

    def _company(self, pk, *, manage=False):
        try:
            return get_company_for_user(self.request.user, pk, manage=manage)
        except Http404:
            raise NotFound from None

    @extend_schema(
        operation_id="company_detail",
        summary="A company of the register",
        responses={200: CompanySerializer, 404: NOT_FOUND},
        tags=["companies"],
    )
    def get(self, request, pk):
        return Response(CompanySerializer(self._company(pk)).data)

    def _update(self, request, pk, *, partial):
        company = self._company(pk, manage=True)
        data = {**CompanyWriteSerializer.initial_for(company), **request.data} if partial else request.data
        serializer = CompanyWriteSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        try:
            saved = company_save(commune=company.commune, company=company, **serializer.validated_data)
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(CompanySerializer(saved.company).data)

    @extend_schema(
        operation_id="company_update",
        summary="Update a company",
        description="Every field; the same rules as the register's form.",
        request=CompanyWriteSerializer,
        responses={200: CompanySerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["companies"],
    )
    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    @extend_schema(
        operation_id="company_partial_update",
        summary="Update some fields of a company",
        description="Only the fields sent change (for example the employees working online).",
        request=CompanyWriteSerializer(partial=True),
        responses={200: CompanySerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["companies"],
    )
    def patch(self, request, pk):
        return self._update(request, pk, partial=True)
