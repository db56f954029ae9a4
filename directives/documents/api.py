"""Public JSON API of the register: directives are public documents, so no login is needed."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from .filters import DirectiveApiFilter
from .selectors import published_documents, with_references
from .serializers import DirectiveDetailSerializer, DirectiveSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Published directives",
        description="Published and revoked documents (revoked ones carry `status` and `revoked_on`), newest "
        "first, each with its references to other public documents in both directions.",
    ),
    retrieve=extend_schema(summary="One published directive with its clauses"),
)
class DirectiveViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    authentication_classes = []
    filter_backends = [DjangoFilterBackend]
    filterset_class = DirectiveApiFilter

    def get_queryset(self):
        return with_references(published_documents(), public_only=True).order_by("-issued_on", "-id")

    def filter_queryset(self, queryset):
        # The filters narrow the list; one directive is found by its id alone.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_serializer_class(self):
        return DirectiveDetailSerializer if self.action == "retrieve" else DirectiveSerializer
