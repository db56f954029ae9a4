"""Inspection teams API: the same services and refusals as the pages (400 with a message per field, 404
outside the user's scope)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .serializers import TeamActionSerializer, TeamSerializer, TeamWriteSerializer

NOT_FOUND = OpenApiResponse(description="Outside the user's scope.")
ERRORS = OpenApiResponse(
    inline_serializer(
        "InspectionTeamErrors", fields={"field": serializers.ListField(child=serializers.CharField())}
    ),
    description="A message per field (the participants cap names its clause and directive).",
)


def _errors(exc: ValidationError) -> dict:
    body = dict(exc.message_dict)
    if "__all__" in body:
        body["non_field_errors"] = body.pop("__all__")
    return body


def _agency(request, agency_id, *, manage=False):
    try:
        return selectors.agency_for_user(request.user, agency_id, manage=manage)
    except Http404:
        raise NotFound from None


def _team(request, pk):
    try:
        return selectors.team_for_user(request.user, pk)
    except Http404:
        raise NotFound from None


class AgencyTeams(APIView):
    @extend_schema(
        operation_id="agency_inspection_teams_list",
        summary="An agency's inspection teams",
        responses={200: TeamSerializer(many=True), 404: NOT_FOUND},
        tags=["inspections"],
    )
    def get(self, request, agency_id):
        agency = _agency(request, agency_id)
        return Response(TeamSerializer(selectors.agency_teams(agency), many=True).data)

    @extend_schema(
        operation_id="agency_inspection_teams_create",
        summary="Set up an inspection team",
        description="Refused (400) over the participants cap of the policy in force, naming the clause.",
        request=TeamWriteSerializer,
        responses={201: TeamSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["inspections"],
    )
    def post(self, request, agency_id):
        agency = _agency(request, agency_id, manage=True)
        serializer = TeamWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            team = services.team_save(agency=agency, actor=request.user, **serializer.service_kwargs())
        except DjangoPermissionDenied:
            raise NotFound from None
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(TeamSerializer(selectors.team_for_user(request.user, team.pk)).data, status=201)


class TeamDetail(APIView):
    @extend_schema(
        operation_id="inspection_team_detail",
        summary="One inspection team",
        responses={200: TeamSerializer, 404: NOT_FOUND},
        tags=["inspections"],
    )
    def get(self, request, pk):
        return Response(TeamSerializer(_team(request, pk)).data)


class TeamActions(APIView):
    @extend_schema(
        operation_id="inspection_team_act",
        summary="Start, suspend, resume, finish or cancel a team",
        description="A team not marked necessary cannot start or resume while inspections are restricted.",
        request=TeamActionSerializer,
        responses={200: TeamSerializer, 400: ERRORS, 404: NOT_FOUND},
        tags=["inspections"],
    )
    def post(self, request, pk):
        team = _team(request, pk)
        serializer = TeamActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.team_act(team=team, actor=request.user, action=serializer.validated_data["action"])
        except DjangoPermissionDenied:
            raise NotFound from None
        except ValidationError as exc:
            return Response(_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(TeamSerializer(selectors.team_for_user(request.user, pk)).data)
