"""Public JSON API of the catalogue (clause 4 of 2629/UBND asks agencies to publish it on their websites
and apps): no login, lightly throttled. The urgent-list and intake APIs build on the public view here."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ParseError
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from staffing.toolkit.throttles import CountingThrottle

from . import selectors
from .filters import ProcedureApiFilter
from .serializers import ProcedureSerializer

DATE_PARAMETER = OpenApiParameter(
    "date", OpenApiTypes.DATE, description="Day as YYYY-MM-DD; today (Asia/Ho_Chi_Minh) when omitted."
)


class PublicCatalogueThrottle(CountingThrottle):
    """The public catalogue and urgent-list API at DEFAULT_THROTTLE_RATES["public_catalogue"] per client."""

    scope = "public_catalogue"


class PublicAPIView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicCatalogueThrottle]


def day_param(request) -> datetime.date:
    raw = request.query_params.get("date", "").strip()
    if not raw:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(raw) if len(raw) == 10 else _bad_date(raw)
    except ValueError:
        return _bad_date(raw)


def _bad_date(raw: str):
    raise ParseError(_("“%(value)s” is not a date in the form YYYY-MM-DD.") % {"value": raw})


@extend_schema_view(get=extend_schema(summary="The public procedure catalogue"))
class ProcedureListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicCatalogueThrottle]
    serializer_class = ProcedureSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProcedureApiFilter

    def get_queryset(self):
        return selectors.procedures_public()
