"""Assignments API for apps: the same services and refusals as the pages (400 with a message per field, 404
outside the user's scope)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.registry.roles import roles_for
from staffing.registry.selectors import get_agency_for_user

from . import selectors, services
from .serializers import AssignmentCreateSerializer, AssignmentSerializer, ProgressReportSerializer

NOT_FOUND = OpenApiResponse(description="Outside the user's scope.")
ERRORS = OpenApiResponse(
    inline_serializer(
        "AssignmentErrors", fields={"field": serializers.ListField(child=serializers.CharField())}
    ),
    description="A message per field.",
)


def _errors(exc: ValidationError) -> dict:
    body = dict(exc.message_dict)
    if "__all__" in body:
        body["non_field_errors"] = body.pop("__all__")
    return body


class MyAssignments(APIView):
    @extend_schema(
        operation_id="my_assignments",
        summary="My assigned work",
        description="The assignments the signed-in staff member leads or supports, open ones first.",
        responses={200: AssignmentSerializer(many=True)},
        tags=["assignments"],
    )
    def get(self, request):
        staff_id = roles_for(request.user).staff_member_id
        if not staff_id:
            return Response([])
        rows = sorted(
            selectors.assignments_of_staff(staff_id), key=lambda a: (not a.is_open, a.due_date, a.pk)
        )
        return Response(AssignmentSerializer(rows, many=True).data)


class AssignmentReports(APIView):
    @extend_schema(
        operation_id="assignment_report",
        summary="Report progress on an assignment",
        description="For the lead or a supporting assignee; today's date; an assigned task starts.",
        request=ProgressReportSerializer,
        responses={201: ProgressReportSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["assignments"],
    )
    def post(self, request, pk):
        try:
            assignment = selectors.assignment_for_user(request.user, pk)
        except Http404:
            raise NotFound from None
        serializer = ProgressReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            report = services.progress_report(
                assignment=assignment, actor=request.user, **serializer.validated_data
            )
        except DjangoPermissionDenied:
            raise NotFound from None
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(ProgressReportSerializer(report).data, status=status.HTTP_201_CREATED)


class AgencyAssignments(APIView):
    @extend_schema(
        operation_id="agency_assignments_list",
        summary="An agency's open assignments",
        description="For the agency's head (and district roles): overdue and stalling work first.",
        responses={200: AssignmentSerializer(many=True), 404: NOT_FOUND},
        tags=["assignments"],
    )
    def get(self, request, agency_id):
        agency = get_agency_for_user(request.user, agency_id)
        if agency.pk not in selectors.board_agency_ids(request.user):  # as the board page: deputies too
            raise NotFound
        rows = selectors.board(agency, today=timezone.localdate())
        return Response(AssignmentSerializer([a for a, _flags in rows], many=True).data)

    @extend_schema(
        operation_id="agency_assignments_create",
        summary="Assign work",
        description="One assignment per lead in `leads`; refusals are a 400 with a message per field.",
        request=AssignmentCreateSerializer,
        responses={201: AssignmentSerializer(many=True), 400: ERRORS, 404: NOT_FOUND},
        tags=["assignments"],
    )
    def post(self, request, agency_id):
        agency = get_agency_for_user(request.user, agency_id)
        if not services.may_assign(request.user, agency):  # as the page: heads and their deputies
            raise NotFound
        serializer = AssignmentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            created = services.assignment_create(
                agency=agency, actor=request.user, **serializer.service_kwargs(agency)
            )
        except DjangoPermissionDenied:
            raise NotFound from None
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(AssignmentSerializer(created, many=True).data, status=status.HTTP_201_CREATED)
