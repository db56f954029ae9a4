from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Clause, Document


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
