"""The inbox for apps: the signed-in person's own notifications; another's id is 404."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .constants import NotificationKind, ReadState
from .forms import InboxFilterForm
from .serializers import NotificationSerializer


class MyNotifications(APIView):
    @extend_schema(
        operation_id="my_notifications",
        summary="My notifications",
        description="The signed-in person's notifications, newest first; filter by kind and by read state.",
        parameters=[
            OpenApiParameter("kind", enum=NotificationKind.values, required=False),
            OpenApiParameter("state", enum=ReadState.values, required=False),
        ],
        responses={200: NotificationSerializer(many=True)},
        tags=["notifications"],
    )
    def get(self, request):
        form = InboxFilterForm(request.query_params)
        filters = form.cleaned_data if form.is_valid() else {"kind": "", "state": ""}
        rows = selectors.inbox(request.user, kind=filters["kind"], state=filters["state"])
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(NotificationSerializer(page, many=True).data)


class NotificationRead(APIView):
    @extend_schema(
        operation_id="notification_read",
        summary="Mark one of my notifications read",
        request=None,
        responses={200: NotificationSerializer, 404: OpenApiResponse(description="Not the user's own.")},
        tags=["notifications"],
    )
    def post(self, request, pk):
        notification = selectors.notification_for_user(request.user, pk)
        services.notifications_mark_read(notification=notification, user=request.user)
        return Response(NotificationSerializer(notification).data)
