"""JSON shapes of an agency's intake arrangements."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tthc.catalogue.serializers import DirectiveRefSerializer

from .constants import Channel


class ChannelSerializer(serializers.Serializer):
    channel = serializers.CharField(help_text="online, postal or in_person")
    label = serializers.CharField()
    open = serializers.BooleanField()
    procedures = serializers.IntegerField(
        help_text="Number of this agency's procedures open on this channel."
    )
    restricted_to_urgent_list = serializers.BooleanField()


class ProcedureChannelsSerializer(serializers.Serializer):
    code = serializers.CharField(source="procedure.code")
    name = serializers.CharField(source="procedure.name")
    online = serializers.BooleanField()
    postal = serializers.BooleanField()
    in_person = serializers.BooleanField()
    conditions = serializers.SerializerMethodField()

    def get_conditions(self, row) -> str:
        return row.urgent_item.conditions if row.urgent_item else ""


class PolicyRefSerializer(serializers.Serializer):
    directive = DirectiveRefSerializer()
    effective_from = serializers.DateField()
    effective_until = serializers.DateField(allow_null=True)
    pre_cutoff_date = serializers.DateField(allow_null=True)


class UrgentListRefSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    effective_from = serializers.DateField()


class IntakeArrangementsSerializer(serializers.Serializer):
    agency = serializers.SerializerMethodField()
    date = serializers.DateField(source="day")
    channels = serializers.SerializerMethodField()
    in_person_restricted = serializers.BooleanField()
    urgent_list = UrgentListRefSerializer(allow_null=True)
    hotline = serializers.CharField()
    email = serializers.CharField()
    citizen_reception_suspended = serializers.BooleanField()
    inspections_restricted = serializers.BooleanField()
    free_postal_return = serializers.BooleanField()
    policy = PolicyRefSerializer(allow_null=True)
    procedures = ProcedureChannelsSerializer(many=True)

    def get_agency(self, arrangements) -> dict:
        agency = arrangements.agency
        return {"id": agency.pk, "name": agency.name, "kind": agency.kind, "address": agency.address}

    @extend_schema_field(ChannelSerializer(many=True))
    def get_channels(self, arrangements) -> list[dict]:
        return [
            {
                "channel": channel.value,
                "label": str(channel.label),
                "open": bool(arrangements.channels.get(channel.value)),
                "procedures": arrangements.channels.get(channel.value, 0),
                "restricted_to_urgent_list": channel == Channel.IN_PERSON
                and arrangements.in_person_restricted,
            }
            for channel in Channel
        ]
