from rest_framework import serializers

from directives.documents.models import Document

from .models import WorkModePolicy


class PolicyDirectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["number", "issuer"]


class PolicySerializer(serializers.ModelSerializer):
    max_remote_ratio = serializers.DecimalField(
        max_digits=3,
        decimal_places=2,
        read_only=True,
        help_text="Largest share of counted staff that may work from home, e.g. 0.50 for 1/2 (people rounded down).",
    )
    ratio = serializers.CharField(
        source="ratio_display", read_only=True, help_text='The share as the directive writes it, e.g. "2/3".'
    )
    exempt_duty_groups = serializers.ListField(
        child=serializers.CharField(), help_text="Duty groups outside the cap (clause 6 of 2629/UBND)."
    )
    directive = PolicyDirectiveSerializer(read_only=True)

    class Meta:
        model = WorkModePolicy
        fields = [
            "max_remote_ratio",
            "ratio",
            "remote_cap_numerator",
            "remote_cap_denominator",
            "exempt_duty_groups",
            "effective_from",
            "effective_until",
            "citizen_reception_suspended",
            "inspections_restricted",
            "in_person_intake_restricted",
            "pre_cutoff_date",
            "directive",
        ]


class PolicyErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
