"""JSON shapes of citizen reception and petitions."""

from django.urls import reverse
from rest_framework import serializers

from tthc.catalogue.serializers import DirectiveRefSerializer


class ReceptionSlotSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 = Monday … 6 = Sunday")
    weekday_label = serializers.CharField(source="get_weekday_display")
    starts_at = serializers.TimeField(format="%H:%M")
    ends_at = serializers.TimeField(format="%H:%M")
    place = serializers.CharField()
    officer = serializers.SerializerMethodField()

    def get_officer(self, slot) -> str:
        return slot.officer.full_name if slot.officer else ""


class ReceptionStatusSerializer(serializers.Serializer):
    agency = serializers.SerializerMethodField()
    date = serializers.DateField(source="day")
    suspended = serializers.BooleanField(help_text="In-person citizen reception is suspended by a policy.")
    suspended_from = serializers.DateField(allow_null=True)
    directive = DirectiveRefSerializer(allow_null=True)
    hotline = serializers.CharField()
    email = serializers.CharField()
    note = serializers.CharField()
    petition_form_url = serializers.SerializerMethodField()
    schedule = ReceptionSlotSerializer(source="slots", many=True)

    def get_agency(self, status) -> dict:
        return {"id": status.agency.pk, "name": status.agency.name}

    def get_petition_form_url(self, status) -> str:
        url = reverse("tthc:petition-file", args=[status.agency.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class PetitionFileSerializer(serializers.Serializer):
    agency = serializers.IntegerField()
    name = serializers.CharField(max_length=128)
    phone = serializers.CharField(max_length=20)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    content = serializers.CharField()
    attachment = serializers.FileField(required=False, allow_null=True, default=None)


class PetitionLimitsSerializer(serializers.Serializer):
    content_max_chars = serializers.IntegerField()
    attachment_max_bytes = serializers.IntegerField()
    attachment_types = serializers.ListField(child=serializers.CharField())
    answer_within_working_days = serializers.IntegerField()


class PetitionFiledSerializer(serializers.Serializer):
    code = serializers.CharField()
    agency = serializers.CharField(source="agency.name")
    filed_at = serializers.DateTimeField()
    due_date = serializers.DateField()


class PetitionPublicStatusSerializer(serializers.Serializer):
    code = serializers.CharField()
    agency = serializers.CharField(source="agency.name")
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    filed_at = serializers.DateTimeField()
    due_date = serializers.DateField()
    answer = serializers.CharField()
    answered_at = serializers.DateTimeField(allow_null=True)


class PetitionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    agency = serializers.IntegerField(source="agency_id")
    status = serializers.CharField()
    filed_at = serializers.DateTimeField()
    due_date = serializers.DateField()
    overdue = serializers.BooleanField(source="is_overdue", default=False)
    assignee = serializers.SerializerMethodField()

    def get_assignee(self, petition) -> dict | None:
        member = petition.assignee
        return {"id": member.pk, "full_name": member.full_name} if member else None


class PetitionDetailSerializer(PetitionSerializer):
    name = serializers.CharField(source="filer_name")
    phone = serializers.CharField(source="filer_phone")
    email = serializers.CharField(source="filer_email")
    address = serializers.CharField(source="filer_address")
    content = serializers.CharField()
    has_attachment = serializers.SerializerMethodField()
    answer = serializers.CharField()
    answered_at = serializers.DateTimeField(allow_null=True)
    history = serializers.SerializerMethodField()

    def get_has_attachment(self, petition) -> bool:
        return bool(petition.attachment)

    def get_history(self, petition) -> list[dict]:
        return [
            {
                "action": event.action,
                "status": event.status_to,
                "note": event.note,
                "at": serializers.DateTimeField().to_representation(event.at),
                "by": event.by.get_username() if event.by else "",
            }
            for event in petition.events.select_related("by").order_by("at", "id")
        ]


class AssignSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(help_text="Id of a staff member of the petition's agency.")


class PetitionAnswerSerializer(serializers.Serializer):
    answer = serializers.CharField()


class CloseSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")
