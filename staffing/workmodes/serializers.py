"""Shapes of the work-mode API (staffing/workmode_api.py); dates are ISO 8601 (YYYY-MM-DD) on the wire."""

import datetime

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from staffing.registry.models import StaffMember

from .constants import WorkModeKind
from .models import WorkMode

MAX_RANGE_DAYS = 62
MAX_ENTRIES = 10_000


class AgencyStaffSerializer(serializers.ModelSerializer):
    class Meta:
        model = StaffMember
        fields = ["id", "staff_code", "full_name", "position", "category", "duty_group"]


class StaffListQuerySerializer(serializers.Serializer):
    date = serializers.DateField(
        required=False, help_text=_("Staff active on this day (YYYY-MM-DD); today when omitted.")
    )


class WorkModeRangeQuerySerializer(serializers.Serializer):
    """The `from` and `to` query parameters (`from` is a Python keyword, hence the explicit field names)."""

    def get_fields(self):
        return {
            "from": serializers.DateField(help_text=_("First day (YYYY-MM-DD).")),
            "to": serializers.DateField(
                help_text=_("Last day (YYYY-MM-DD), at most 62 days after the first.")
            ),
        }

    def validate(self, attrs):
        start, end = attrs["from"], attrs["to"]
        if end < start:
            raise serializers.ValidationError({"to": _("The last day must not be before the first day.")})
        if (end - start).days + 1 > MAX_RANGE_DAYS:
            raise serializers.ValidationError(
                {"to": _("Ask for at most %(days)d days at a time.") % {"days": MAX_RANGE_DAYS}}
            )
        return attrs


class DaySummarySerializer(serializers.Serializer):
    """One day of an agency (reads a staffing.workmode_selectors.DaySummary)."""

    date = serializers.DateField(source="day")
    counted_staff = serializers.IntegerField(
        source="counted", help_text=_("Active staff that day outside the exempt duty groups.")
    )
    remote = serializers.IntegerField(help_text=_("Counted staff working from home."))
    cap = serializers.IntegerField(
        allow_null=True, help_text=_("Most counted staff allowed at home; null when no policy is in force.")
    )
    over_cap = serializers.BooleanField(
        help_text=_("More counted staff at home than the cap (staff left or joined after planning).")
    )
    ratio = serializers.CharField(source="ratio_display", help_text=_('Share of the policy, e.g. "1/2".'))
    exempt_staff = serializers.IntegerField(
        source="exempt", help_text=_("Active staff of exempt duty groups.")
    )
    exempt_remote = serializers.IntegerField(help_text=_("Exempt staff working from home."))
    planned = serializers.IntegerField(help_text=_("Active staff with a work mode set that day."))


class WorkModeEntryOutSerializer(serializers.ModelSerializer):
    staff = serializers.IntegerField(source="staff_id")
    date = serializers.DateField(source="day")

    class Meta:
        model = WorkMode
        fields = ["staff", "date", "mode"]


class WorkModeRangeSerializer(serializers.Serializer):
    days = DaySummarySerializer(many=True)
    entries = WorkModeEntryOutSerializer(many=True)


class WorkModeEntryInSerializer(serializers.Serializer):
    staff = serializers.IntegerField(min_value=1, help_text=_("Id of a staff member of the agency."))
    date = serializers.DateField(help_text=_("YYYY-MM-DD"))
    mode = serializers.ChoiceField(
        choices=WorkModeKind.choices, allow_null=True, help_text=_("null clears the day's work mode.")
    )


class WorkModeSubmissionSerializer(serializers.Serializer):
    entries = WorkModeEntryInSerializer(many=True, allow_empty=False, max_length=MAX_ENTRIES)

    def validate_entries(self, entries):
        days = [entry["date"] for entry in entries]
        if max(days) - min(days) > datetime.timedelta(days=MAX_RANGE_DAYS - 1):
            raise serializers.ValidationError(
                _("Submit at most %(days)d days at a time.") % {"days": MAX_RANGE_DAYS}
            )
        return entries

    def service_entries(self) -> list:
        return [(entry["staff"], entry["date"], entry["mode"]) for entry in self.validated_data["entries"]]


class WorkModeDaysSerializer(serializers.Serializer):
    days = DaySummarySerializer(many=True)


class CapErrorSerializer(serializers.Serializer):
    """One refused day (reads a DaySummary): the day, how many would be at home, the cap, the counted staff."""

    date = serializers.DateField(source="day")
    remote = serializers.IntegerField()
    cap = serializers.IntegerField()
    counted_staff = serializers.IntegerField(source="counted")
    message = serializers.SerializerMethodField(help_text=_("The refusal in the user's language."))

    def get_message(self, summary) -> str:
        return summary.message()


class CapExceededSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = CapErrorSerializer(many=True)


class EntriesErrorSerializer(serializers.Serializer):
    entries = serializers.ListField(child=serializers.JSONField())
