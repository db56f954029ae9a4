"""Checks API: a commune's checks (list, create), one check, the criteria sets. The same service and
refusals as the pages (400 with a message per field), 404 outside the user's communes."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.companies.models import Company
from staffing.registry.models import StaffMember

from . import selectors, services
from .models import CompanyCheck, CriteriaSet
from .serializers import CompanyCheckCreateSerializer, CompanyCheckSerializer, CriteriaSetSerializer

NOT_FOUND = OpenApiResponse(description="Outside the user's communes.")
ERRORS = OpenApiResponse(
    inline_serializer(
        "CompanyCheckErrors", fields={"field": serializers.ListField(child=serializers.CharField())}
    ),
    description="A message per field.",
)
LIST_LIMIT = 200


def _errors(exc: ValidationError) -> dict:
    body = dict(exc.message_dict)
    if "__all__" in body:
        body["non_field_errors"] = body.pop("__all__")
    return body


def _commune(user, pk):
    try:
        return selectors.get_commune_for_user(user, pk)
    except Http404:
        raise NotFound from None


class CommuneChecks(APIView):
    @extend_schema(
        operation_id="commune_company_checks_list",
        summary="A commune's checks of companies",
        description=f"Newest first, at most {LIST_LIMIT}; `?company=<id>` for one company's.",
        responses={200: CompanyCheckSerializer(many=True), 404: NOT_FOUND},
        tags=["company checks"],
    )
    def get(self, request, commune_id):
        commune = _commune(request.user, commune_id)
        qs = (
            CompanyCheck.objects.filter(commune=commune)
            .select_related("company", "checked_by")
            .prefetch_related("answers")
            .order_by("-checked_on", "-pk")
        )
        company = request.query_params.get("company")
        if company:
            qs = qs.filter(company_id=int(company) if company.isdigit() else 0)
        return Response(CompanyCheckSerializer(qs[:LIST_LIMIT], many=True).data)

    @extend_schema(
        operation_id="commune_company_checks_create",
        summary="Record a check of a company",
        description="For the commune's chairman or head (and the district office). The criteria set is the "
        "one in force on `checked_on`; `at_risk` lists the ids of its criteria found at risk.",
        request=CompanyCheckCreateSerializer,
        responses={201: CompanyCheckSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["company checks"],
    )
    def post(self, request, commune_id):
        commune = _commune(request.user, commune_id)
        if not selectors.may_record(request.user, commune.pk):
            raise NotFound
        serializer = CompanyCheckCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        # Only the commune's own companies and staff are looked up: another commune's id reads as unknown.
        company = Company.objects.filter(commune=commune, pk=data.pop("company")).first()
        checked_by = StaffMember.objects.filter(agency=commune, pk=data.pop("checked_by")).first()
        errors = {}
        if company is None:
            errors["company"] = [_("No such company in this commune.")]
        if checked_by is None:
            errors["checked_by"] = [_("No such staff member in this commune.")]
        if errors:
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        try:
            check = services.check_record(actor=request.user, company=company, checked_by=checked_by, **data)
        except DjangoPermissionDenied:
            raise NotFound from None
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(CompanyCheckSerializer(check).data, status=status.HTTP_201_CREATED)


class CheckDetail(APIView):
    @extend_schema(
        operation_id="company_check_detail",
        summary="One check of a company",
        responses={200: CompanyCheckSerializer, 404: NOT_FOUND},
        tags=["company checks"],
    )
    def get(self, request, pk):
        try:
            check = selectors.get_check_for_user(request.user, pk)
        except Http404:
            raise NotFound from None
        return Response(CompanyCheckSerializer(check).data)


class CriteriaSets(APIView):
    @extend_schema(
        operation_id="company_check_criteria_sets",
        summary="Criteria sets for checks of companies",
        description="Every version with its criteria and weights, newest first.",
        responses={200: CriteriaSetSerializer(many=True)},
        tags=["company checks"],
    )
    def get(self, request):
        sets = CriteriaSet.objects.prefetch_related("criteria").order_by("workplace_kind", "-effective_from")
        return Response(CriteriaSetSerializer(sets, many=True).data)
