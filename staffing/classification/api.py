"""Classification API: the quarter's table of an agency, as its page shows it."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.registry.roles import roles_for
from staffing.registry.selectors import get_agency_for_user

from .quarters import Quarter
from .selectors import quarter_table

ROW = inline_serializer(
    "ClassificationRow",
    fields={
        "staff": serializers.IntegerField(),
        "full_name": serializers.CharField(),
        "figures": serializers.DictField(),
        "suggested_level": serializers.CharField(),
        "confirmed_level": serializers.CharField(allow_null=True),
        "override_reason": serializers.CharField(),
        "frozen": serializers.BooleanField(),
    },
)


class AgencyClassifications(APIView):
    @extend_schema(
        operation_id="agency_classifications",
        summary="An agency's quarterly classification",
        description="Per staff member: the figures, the suggested level and the confirmed one. `quarter` as 2021-Q2.",
        parameters=[OpenApiParameter("quarter", OpenApiTypes.STR, required=True)],
        responses={200: ROW, 400: OpenApiResponse(description="No valid quarter."), 404: OpenApiResponse()},
        tags=["classification"],
    )
    def get(self, request, agency_id):
        agency = get_agency_for_user(request.user, agency_id)
        roles = roles_for(request.user)
        if not (roles.sees_all_agencies or agency.pk in roles.managed_agency_ids):
            raise NotFound
        quarter = Quarter.parse(request.query_params.get("quarter"))
        if quarter is None:
            raise ValidationError({"quarter": [_("Give the quarter as 2021-Q2.")]})
        rows, _rules = quarter_table(agency, quarter)
        return Response(
            [
                {
                    "staff": row.member.pk,
                    "full_name": row.member.full_name,
                    "figures": row.figures.as_dict(),
                    "suggested_level": row.suggested,
                    "confirmed_level": row.classification.level if row.classification else None,
                    "override_reason": row.classification.override_reason if row.classification else "",
                    "frozen": bool(row.classification and row.classification.frozen),
                }
                for row in rows
            ]
        )
