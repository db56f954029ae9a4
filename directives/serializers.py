from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Clause, Document, WorkModePolicy


class ReferenceSerializer(serializers.Serializer):
    relation = serializers.CharField(help_text="implements, refers_to, amends or supersedes.")
    direction = serializers.ChoiceField(
        choices=["outgoing", "incoming"],
        help_text="outgoing: this document implements/refers to/amends/supersedes the other one; "
        "incoming: the other document does so to this one.",
    )
    id = serializers.IntegerField(help_text="The other document's id.")
    number = serializers.CharField(help_text="The other document's number and symbol.")


class ClauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Clause
        fields = ["number", "text"]


def _references(document) -> list[dict]:
    outgoing = [
        {"relation": r.relation, "direction": "outgoing", "id": r.target_id, "number": r.target.number}
        for r in document.outgoing_references.all()
    ]
    incoming = [
        {"relation": r.relation, "direction": "incoming", "id": r.source_id, "number": r.source.number}
        for r in document.incoming_references.all()
    ]
    return outgoing + incoming


class DirectiveSerializer(serializers.ModelSerializer):
    references = serializers.SerializerMethodField()
    revoked_on = serializers.DateField(allow_null=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "number",
            "issuer",
            "issued_on",
            "subject",
            "kind",
            "status",
            "revoked_on",
            "references",
        ]

    @extend_schema_field(ReferenceSerializer(many=True))
    def get_references(self, document):
        return ReferenceSerializer(_references(document), many=True).data


class DirectiveDetailSerializer(DirectiveSerializer):
    clauses = ClauseSerializer(many=True, read_only=True)

    class Meta(DirectiveSerializer.Meta):
        fields = [*DirectiveSerializer.Meta.fields, "clauses"]


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
    exempt_duty_groups = serializers.ListField(
        child=serializers.CharField(), help_text="Duty groups outside the cap (clause 6 of 2629/UBND)."
    )
    directive = PolicyDirectiveSerializer(read_only=True)

    class Meta:
        model = WorkModePolicy
        fields = [
            "max_remote_ratio",
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
