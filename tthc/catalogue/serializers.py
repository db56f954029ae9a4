"""JSON shapes of the public catalogue, and the shapes the urgent-list and intake APIs share with it."""

from rest_framework import serializers

from .models import Procedure


class ProcedureSerializer(serializers.ModelSerializer):
    level_display = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Procedure
        fields = [
            "code",
            "name",
            "field",
            "level",
            "level_display",
            "processing_time_unit",
            "processing_time_value",
            "fee_text",
            "online_level",
            "postal_intake_accepted",
            "postal_return_offered",
            "result_in_person_by_law",
            "in_person_legal_basis",
            "agency_kinds",
        ]


class DirectiveRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    issuer = serializers.CharField()
    issued_on = serializers.DateField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
