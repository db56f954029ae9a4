"""Work-mode API: the same service and the same refusals as the week page (clauses 2 and 6 of 2629/UBND)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from staffing.registry.roles import roles_for
from staffing.registry.selectors import get_agency_for_user

from .selectors import agency_staff_active_on, sees_whole_agency, work_mode_days, work_mode_entries
from .serializers import (
    AgencyStaffSerializer,
    CapExceededSerializer,
    EntriesErrorSerializer,
    StaffListQuerySerializer,
    WorkModeDaysSerializer,
    WorkModeRangeQuerySerializer,
    WorkModeRangeSerializer,
    WorkModeSubmissionSerializer,
)
from .services import WorkModeCapExceeded, work_modes_set

NOT_FOUND = OpenApiResponse(description="The agency does not exist or is outside the user's scope.")


class AgencyStaffList(APIView):
    @extend_schema(
        operation_id="agency_staff_list",
        summary="Active staff of an agency",
        description=(
            "The agency's staff active on `date` (today by default), not paginated: an agency has at most a "
            "few hundred staff and a planning app needs all of them. Plain staff members get 403."
        ),
        parameters=[OpenApiParameter("date", OpenApiTypes.DATE, required=False)],
        responses={200: AgencyStaffSerializer(many=True), 403: OpenApiResponse(), 404: NOT_FOUND},
        tags=["work modes"],
    )
    def get(self, request, agency_id):
        agency = get_agency_for_user(request.user, agency_id)
        if not sees_whole_agency(request.user, agency):
            raise PermissionDenied(_("Only roles that see the whole agency may list its staff."))
        query = StaffListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        day = query.validated_data.get("date") or timezone.localdate()
        staff = agency_staff_active_on(agency=agency, day=day)
        return Response(AgencyStaffSerializer(staff, many=True).data)


class AgencyWorkModes(APIView):
    @extend_schema(
        operation_id="agency_work_modes_read",
        summary="Work modes of an agency over a range of days",
        description=(
            "Per day the counted staff, how many of them work from home and the cap of the policy in force "
            "(null without a policy); `over_cap` flags a day that went over the cap after it was planned "
            "(staff left or joined). Plain staff members see the days and only their own entries."
        ),
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, required=True),
            OpenApiParameter(
                "to", OpenApiTypes.DATE, required=True, description="At most 62 days after from."
            ),
        ],
        responses={200: WorkModeRangeSerializer, 400: OpenApiResponse(), 404: NOT_FOUND},
        tags=["work modes"],
    )
    def get(self, request, agency_id):
        agency = get_agency_for_user(request.user, agency_id)
        query = WorkModeRangeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        start, end = query.validated_data["from"], query.validated_data["to"]
        days = work_mode_days(agency=agency, start=start, end=end)
        entries = work_mode_entries(agency=agency, start=start, end=end)
        if not sees_whole_agency(request.user, agency):
            entries = entries.filter(staff_id=roles_for(request.user).staff_member_id)
        payload = {"days": list(days.values()), "entries": entries}
        return Response(WorkModeRangeSerializer(payload).data)

    @extend_schema(
        operation_id="agency_work_modes_set",
        summary="Set work modes (all or nothing, never above the cap)",
        description=(
            "Saves every entry or none. A day that would have more counted staff at home than the cap is "
            "refused with 409 and the reason per day, in the user's language (Vietnamese by default). "
            "`mode: null` clears a staff member's day. Requires running the agency (head, commune chairman, "
            "district office)."
        ),
        request=WorkModeSubmissionSerializer,
        responses={
            200: WorkModeDaysSerializer,
            400: EntriesErrorSerializer,
            404: NOT_FOUND,
            409: CapExceededSerializer,
        },
        examples=[
            OpenApiExample(
                "Refused day",
                response_only=True,
                status_codes=["409"],
                value={
                    "detail": "Vượt mức tối đa làm việc tại nhà; không lưu thay đổi nào.",
                    "errors": [
                        {
                            "date": "2021-06-07",
                            "remote": 12,
                            "cap": 10,
                            "counted_staff": 21,
                            "message": "Thứ Hai 07/06/2021: 12 người làm việc tại nhà, vượt mức tối đa 10 "
                            "(1/2 của 21 người)",
                        }
                    ],
                },
            )
        ],
        tags=["work modes"],
    )
    def post(self, request, agency_id):
        agency = get_agency_for_user(request.user, agency_id, manage=True)
        submission = WorkModeSubmissionSerializer(data=request.data)
        submission.is_valid(raise_exception=True)
        try:
            days = work_modes_set(agency=agency, entries=submission.service_entries(), actor=request.user)
        except WorkModeCapExceeded as refusal:
            body = {
                "detail": _("Above the work-from-home cap; nothing was saved."),
                "errors": refusal.days,
            }
            return Response(CapExceededSerializer(body).data, status=status.HTTP_409_CONFLICT)
        except ValidationError as error:
            return Response({"entries": error.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(WorkModeDaysSerializer({"days": list(days.values())}).data)
