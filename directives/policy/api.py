"""Public JSON API of the policy in force: the same answer the whole product uses, no login needed."""

import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.registry.models import Agency

from .selectors import policy_in_force
from .serializers import PolicyErrorSerializer, PolicySerializer

ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PolicyView(APIView):
    """The work-mode policy in force for an agency on a day: the same answer the whole product uses."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        summary="Policy in force for an agency on a day",
        parameters=[
            OpenApiParameter("agency", OpenApiTypes.INT, required=True, description="Agency id."),
            OpenApiParameter(
                "date",
                OpenApiTypes.DATE,
                description="Day as YYYY-MM-DD; today (Asia/Ho_Chi_Minh) when omitted.",
            ),
        ],
        responses={
            200: PolicySerializer,
            400: OpenApiResponse(
                PolicyErrorSerializer, description="Malformed date, or missing or unknown agency."
            ),
            404: OpenApiResponse(
                PolicyErrorSerializer, description="No policy in force: normal operations, no cap."
            ),
        },
    )
    def get(self, request):
        raw_agency = request.query_params.get("agency", "").strip()
        if not raw_agency:
            return Response({"detail": _("The agency parameter is required.")}, status=400)
        agency = None
        if raw_agency.isdigit() and len(raw_agency) <= 18:
            agency = Agency.objects.filter(pk=int(raw_agency)).first()
        if agency is None:
            return Response({"detail": _("Unknown agency: %(agency)s.") % {"agency": raw_agency}}, status=400)
        raw_date = request.query_params.get("date", "").strip()
        if raw_date:
            try:
                if not ISO_DATE_RE.match(raw_date):
                    raise ValueError(raw_date)
                day = datetime.date.fromisoformat(raw_date)
            except ValueError:
                return Response(
                    {"detail": _("Malformed date %(date)s: write it as YYYY-MM-DD.") % {"date": raw_date}},
                    status=400,
                )
        else:
            day = timezone.localdate()
        policy = policy_in_force(agency=agency, day=day)
        if policy is None:
            return Response(
                {
                    "detail": _(
                        "No work-mode policy is in force for %(agency)s on %(day)s: normal operations."
                    )
                    % {"agency": agency.name, "day": day.strftime("%d/%m/%Y")}
                },
                status=404,
            )
        return Response(PolicySerializer(policy).data)
