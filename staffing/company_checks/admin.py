from django.contrib import admin

from staffing.toolkit.history_admin import HistoryAdmin

from .forms import CriteriaSetForm
from .models import CheckAnswer, CompanyCheck, CriteriaSet, RiskBand
from .services import criteria_set_save


@admin.register(CriteriaSet)
class CriteriaSetAdmin(HistoryAdmin):
    """The office's checklists, saved through criteria_set_save (a used version stays as it was)."""

    form = CriteriaSetForm
    fields = ["name", "workplace_kind", "effective_from", "note", "criteria_text"]
    list_display = ["name", "workplace_kind", "version", "effective_from"]
    list_filter = ["workplace_kind"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        criteria_set_save(actor=request.user, criteria_set=obj, criteria=form.cleaned_data["criteria_text"])

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_used


@admin.register(RiskBand)
class RiskBandAdmin(HistoryAdmin):
    """For reading and history: the office sets the bands as a whole on its page (risk_bands_set checks
    that they run from 0 to 100%)."""

    list_display = ["upper_percent", "label"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AnswerInline(admin.TabularInline):
    model = CheckAnswer
    fields = ["criterion", "at_risk"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CompanyCheck)
class CompanyCheckAdmin(HistoryAdmin):
    """For reading and history: the commune records and corrects checks on its pages or the API
    (check_record), and closes follow-ups there (follow_up_close)."""

    list_display = ["company", "commune", "checked_on", "outcome", "risk_level", "follow_up_on"]
    list_filter = ["outcome", "risk_level", "mode", "commune"]
    search_fields = ["company__name", "company__tax_code"]
    list_select_related = ["company", "commune"]
    date_hierarchy = "checked_on"
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
