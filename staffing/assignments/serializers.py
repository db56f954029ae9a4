from django.utils.translation import gettext as _
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
    due_date = serializers.DateField(required=False, allow_null=True, default=None)
    due_in_working_days = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=250
    )
    priority = serializers.ChoiceField(choices=Priority.choices, default=Priority.NORMAL)
    statutory = serializers.BooleanField(default=False)
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)
    dossier_code = serializers.CharField(required=False, allow_blank=True, default="", max_length=32)

    def service_kwargs(self, agency) -> dict:
        data = dict(self.validated_data)
        # Only the agency's own staff are looked up: an id of another agency's staff reads as unknown, so
        # the API never tells one agency the names of another's people.
        people = StaffMember.objects.filter(agency=agency).in_bulk(
            set(data["leads"]) | set(data["supporters"])
        )
        errors = {}
        for field in ("leads", "supporters"):
            missing = [pk for pk in data[field] if pk not in people]
            if missing:
                errors[field] = [
                    _("No staff member #%(id)s in %(agency)s.") % {"id": pk, "agency": agency}
                    for pk in missing
                ]
            data[field] = [people[pk] for pk in data[field] if pk in people]
        if errors:
            raise serializers.ValidationError(errors)
        return data


class ProgressReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressReport
        fields = ["id", "assignment", "staff", "day", "percent_complete", "done", "next_steps"]
        read_only_fields = ["id", "assignment", "staff", "day"]
