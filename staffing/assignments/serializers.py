from rest_framework import serializers

from staffing.registry.models import StaffMember

from .constants import Priority
from .models import Assignment, ProgressReport


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = StaffMember
        fields = ["id", "full_name", "position"]


class AssignmentSerializer(serializers.ModelSerializer):
    lead = PersonSerializer(read_only=True)
    supporters = PersonSerializer(many=True, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Assignment
        fields = [
            "id",
            "agency",
            "title",
            "description",
            "lead",
            "supporters",
            "start_date",
            "due_date",
            "priority",
            "statutory",
            "legal_basis",
            "dossier_code",
            "status",
            "status_display",
            "percent_complete",
            "last_report_on",
            "quality",
            "review_comment",
        ]


class AssignmentCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    leads = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)
    supporters = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    start_date = serializers.DateField()
    due_date = serializers.DateField()
    priority = serializers.ChoiceField(choices=Priority.choices, default=Priority.NORMAL)
    statutory = serializers.BooleanField(default=False)
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)
    dossier_code = serializers.CharField(required=False, allow_blank=True, default="", max_length=32)

    def service_kwargs(self, agency) -> dict:
        data = dict(self.validated_data)
        ids = set(data["leads"]) | set(data["supporters"])
        # Staff of other agencies are looked up too, so the service can say who is not of this agency.
        people = StaffMember.objects.in_bulk(ids)
        missing = sorted(ids - set(people))
        if missing:
            raise serializers.ValidationError({"leads": [f"#{pk}" for pk in missing]})
        data["leads"] = [people[pk] for pk in data["leads"]]
        data["supporters"] = [people[pk] for pk in data["supporters"]]
        return data


class ProgressReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressReport
        fields = ["id", "assignment", "staff", "day", "percent_complete", "done", "next_steps"]
        read_only_fields = ["id", "assignment", "staff", "day"]
