"""JSON shapes of the urgent in-person list."""

from rest_framework import serializers

from tthc.catalogue.serializers import DirectiveRefSerializer

from .models import UrgentList, UrgentListItem


class UrgentListItemSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="procedure.code")
    name = serializers.CharField(source="procedure.name")
    field = serializers.CharField(source="procedure.field")

    class Meta:
        model = UrgentListItem
        fields = ["code", "name", "field", "conditions"]


class UrgentListSerializer(serializers.ModelSerializer):
    directive = DirectiveRefSerializer()
    items = UrgentListItemSerializer(many=True)

    class Meta:
        model = UrgentList
        fields = ["version", "title", "effective_from", "published_at", "directive", "items"]
