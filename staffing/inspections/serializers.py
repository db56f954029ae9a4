from django.utils.translation import gettext as _
from rest_framework import serializers

from staffing.registry.models import StaffMember

from .constants import ACTS, Necessity, TeamKind
from .models import InspectionTeam, OutsideParticipant


class ParticipantSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name", read_only=True)

    class Meta:
        model = StaffMember
        fields = ["id", "full_name", "position", "agency"]


class OutsiderSerializer(serializers.ModelSerializer):
    class Meta:
        model = OutsideParticipant
        fields = ["full_name", "organisation"]
        extra_kwargs = {"organisation": {"required": False, "allow_blank": True}}


class TeamSerializer(serializers.ModelSerializer):
    participants = ParticipantSerializer(many=True, read_only=True)
    outsiders = OutsiderSerializer(many=True, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = InspectionTeam
        fields = [
            "id",
            "agency",
            "kind",
            "subject",
            "inspected_organisation",
            "decision_number",
            "decision_date",
            "planned_start",
            "planned_end",
            "necessity",
            "necessity_reason",
            "participants",
            "outsiders",
            "status",
            "status_display",
            "started_on",
        ]


class TeamWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TeamKind.choices)
    subject = serializers.CharField(max_length=255)
    inspected_organisation = serializers.CharField(max_length=255)
    decision_number = serializers.CharField(max_length=64)
    decision_date = serializers.DateField()
    planned_start = serializers.DateField()
    planned_end = serializers.DateField()
    necessity = serializers.ChoiceField(choices=Necessity.choices)
    necessity_reason = serializers.CharField(required=False, allow_blank=True, default="")
    participants = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    outsiders = OutsiderSerializer(many=True, required=False, default=list)

    def service_kwargs(self) -> dict:
        data = dict(self.validated_data)
        people = StaffMember.objects.in_bulk(set(data["participants"]))
        missing = [pk for pk in data["participants"] if pk not in people]
        if missing:
            raise serializers.ValidationError(
                {"participants": [_("No staff member #%(id)s.") % {"id": pk} for pk in missing]}
            )
        data["participants"] = [people[pk] for pk in data["participants"]]
        data["outsiders"] = [dict(row) for row in data["outsiders"]]
        return data


class TeamActionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=[(a.value, a.label) for a in ACTS])
