"""Serializers of the dossier API: the shape of the JSON only; the intake rules live in the services."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from staffing.registry.models import Agency
from staffing.toolkit.api_fields import IdField
from tthc.catalogue.models import Procedure
from tthc.intake.constants import Channel

from .constants import DossierStatus
from .models import Dossier


class ApplicantSerializer(serializers.Serializer):
    full_name = serializers.CharField(label=_("applicant's full name"), max_length=128)
    id_number = serializers.CharField(label=_("ID number"), max_length=12, help_text=_("9 or 12 digits."))
    phone = serializers.CharField(label=_("mobile phone"), max_length=20)
    email = serializers.EmailField(label=_("email"), required=False, allow_blank=True, default="")
    address = serializers.CharField(
        label=_("address"), max_length=255, required=False, allow_blank=True, default=""
    )


class DossierReceiveSerializer(serializers.Serializer):
    procedure = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Procedure.objects.all(),
        help_text=_("National procedure code, e.g. 1.001193."),
    )
    agency = IdField(queryset=Agency.objects.all(), help_text=_("Receiving agency id."))
    channel = serializers.ChoiceField(choices=Channel.choices)
    applicant = ApplicantSerializer()
    received_at = serializers.DateTimeField()
    result_delivery = serializers.ChoiceField(choices=Channel.choices, required=False, allow_null=True)
    special_case_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Clause 3.1 b: why an off-list procedure is received in person."),
    )
    documents_received = serializers.CharField(required=False, allow_blank=True, default="")

    def service_kwargs(self) -> dict:
        data = self.validated_data
        applicant = data["applicant"]
        return {
            "agency": data["agency"],
            "procedure": data["procedure"],
            "channel": data["channel"],
            "received_at": data["received_at"],
            "result_delivery": data.get("result_delivery") or None,
            "special_case_reason": data["special_case_reason"],
            "documents_received": data["documents_received"],
            "applicant_name": applicant["full_name"],
            "applicant_id_number": applicant["id_number"],
            "applicant_phone": applicant["phone"],
            "applicant_email": applicant["email"],
            "applicant_address": applicant["address"],
        }


class DossierReceivedSerializer(serializers.ModelSerializer):
    procedure = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Dossier
        fields = [
            "code",
            "due_date",
            "due_date_unverified",
            "status",
            "agency",
            "procedure",
            "channel",
            "received_at",
            "result_delivery",
            "free_postage",
            "special_case_reason",
        ]
        read_only_fields = fields


class DossierStatusSerializer(serializers.ModelSerializer):
    procedure = serializers.CharField(source="procedure.name", read_only=True)
    agency = serializers.CharField(source="agency.name", read_only=True)
    status = serializers.ChoiceField(choices=DossierStatus.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    result_delivery_label = serializers.CharField(source="get_result_delivery_display", read_only=True)

    class Meta:
        model = Dossier
        fields = [
            "code",
            "procedure",
            "agency",
            "status",
            "status_label",
            "due_date",
            "result_delivery",
            "result_delivery_label",
            "free_postage",
        ]
        read_only_fields = fields
