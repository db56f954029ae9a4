"""Admin for inspection teams: a save goes through team_check and team_save, so the participants cap of the
policy in force is refused here too, at the participants field."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance

from staffing.toolkit.history_admin import HistoryAdmin

from .models import InspectionTeam, OutsideParticipant
from .services import team_check, team_save

FIELDS = [
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
]


class InspectionTeamAdminForm(forms.ModelForm):
    """Validates through team_check (outside participants as stored: they are edited on the agency's page);
    InspectionTeamAdmin.save_model then writes through team_save."""

    class Meta:
        model = InspectionTeam
        fields = FIELDS

    def outsiders(self) -> list[dict]:
        if not self.instance.pk:
            return []
        return [
            {"full_name": o.full_name, "organisation": o.organisation} for o in self.instance.outsiders.all()
        ]

    def clean(self):
        cleaned = super().clean()
        agency = cleaned.get("agency") or getattr(self.instance, "agency", None)
        if self.errors or agency is None:
            return cleaned
        try:
            team_check(
                agency=agency,
                planned_start=cleaned.get("planned_start"),
                planned_end=cleaned.get("planned_end"),
                necessity=cleaned.get("necessity"),
                necessity_reason=cleaned.get("necessity_reason", ""),
                participants=list(cleaned.get("participants") or []),
                outsiders=self.outsiders(),
                decision_date=cleaned.get("decision_date"),
                team=self.instance if self.instance.pk else None,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned

    def _post_clean(self):
        """The values go onto the instance; the rules were checked by team_check, not again by the model."""
        self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)

    def save(self, commit=True):
        """Nothing is written here: InspectionTeamAdmin.save_model writes through team_save."""
        self.save_m2m = lambda: None
        return self.instance


class OutsideParticipantInline(admin.TabularInline):
    model = OutsideParticipant
    extra = 0
    fields = ["full_name", "organisation"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(InspectionTeam)
class InspectionTeamAdmin(HistoryAdmin):
    form = InspectionTeamAdminForm
    list_display = [
        "decision_number",
        "subject",
        "agency",
        "kind",
        "planned_start",
        "planned_end",
        "necessity",
        "status",
    ]
    list_filter = ["status", "necessity", "kind", "agency__kind"]
    search_fields = ["subject", "decision_number", "inspected_organisation", "agency__name"]
    list_select_related = ["agency"]
    date_hierarchy = "planned_start"
    filter_horizontal = ["participants"]
    readonly_fields = ["status", "started_on", "created_by", "created_at"]
    inlines = [OutsideParticipantInline]

    def save_model(self, request, obj, form, change):
        """Write what the form validated, through the one write path of teams."""
        cleaned = form.cleaned_data
        saved = team_save(
            agency=cleaned.get("agency") or obj.agency,
            actor=request.user,
            team=obj if change else None,
            kind=cleaned["kind"],
            subject=cleaned["subject"],
            inspected_organisation=cleaned["inspected_organisation"],
            decision_number=cleaned["decision_number"],
            decision_date=cleaned["decision_date"],
            planned_start=cleaned["planned_start"],
            planned_end=cleaned["planned_end"],
            necessity=cleaned["necessity"],
            necessity_reason=cleaned.get("necessity_reason", ""),
            participants=list(cleaned.get("participants") or []),
            outsiders=form.outsiders(),
        )
        obj.pk, obj._state.adding = saved.pk, False

    def save_related(self, request, form, formsets, change):
        """team_save set the participants; outside participants are read-only here, so nothing of theirs
        changed (the change message reads the inline's lists)."""
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "agency"] if obj else self.readonly_fields
