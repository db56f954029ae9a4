from rest_framework import serializers

from .constants import CheckMode, Outcome
from .models import CheckAnswer, CompanyCheck, CriteriaSet, Criterion


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "position", "text", "weight"]


class CriteriaSetSerializer(serializers.ModelSerializer):
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = CriteriaSet
        fields = ["id", "name", "workplace_kind", "version", "effective_from", "criteria"]


class AnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = CheckAnswer
        fields = ["criterion", "at_risk"]


class CompanyCheckSerializer(serializers.ModelSerializer):
    company_name = serializers.CharField(source="company.name", read_only=True)
    checked_by_name = serializers.CharField(source="checked_by.full_name", read_only=True)
    answers = AnswerSerializer(many=True, read_only=True)
    follow_up_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = CompanyCheck
        fields = [
            "id",
            "company",
            "company_name",
            "commune",
            "checked_on",
            "mode",
            "checked_by",
            "checked_by_name",
            "on_site_count",
            "online_count",
            "criteria_set",
            "score",
            "max_score",
            "risk_level",
            "outcome",
            "requested",
            "follow_up_on",
            "follow_up_open",
            "follow_up_closed_on",
            "follow_up_check",
            "answers",
        ]


class CompanyCheckCreateSerializer(serializers.Serializer):
    company = serializers.IntegerField()
    checked_on = serializers.DateField()
    mode = serializers.ChoiceField(choices=CheckMode.choices, default=CheckMode.ON_SITE)
    checked_by = serializers.IntegerField()
    on_site_count = serializers.IntegerField(min_value=0)
    online_count = serializers.IntegerField(min_value=0)
    at_risk = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="Ids of the criteria found at risk.",
    )
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    requested = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    follow_up_on = serializers.DateField(required=False, allow_null=True, default=None)
