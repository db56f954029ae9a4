from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction

from staffing.toolkit.history_admin import HistoryAdmin
from staffing.toolkit.phones import normalize_mobile_phone

from .models import Company
from .services import COMPANY_FIELDS, company_check, company_save
from .taxcodes import normalize_tax_code


class CompanyAdminForm(forms.ModelForm):
    """Validates through company_check (the rules and the tax code's use), so a refusal shows at its field;
    CompanyAdmin.save_model then writes through company_save."""

    class Meta:
        model = Company
        fields = ["commune", *COMPANY_FIELDS]

    def clean_tax_code(self):
        return normalize_tax_code(self.cleaned_data["tax_code"])

    def clean_contact_phone(self):
        return normalize_mobile_phone(self.cleaned_data["contact_phone"])

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        stored = Company.objects.get(pk=self.instance.pk) if self.instance.pk else None
        try:
            company_check(
                commune=cleaned["commune"], company=stored, **{name: cleaned[name] for name in COMPANY_FIELDS}
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def validate_unique(self):
        """The service checks the tax code's use."""

    def save(self, commit=True):
        """Nothing is written here: CompanyAdmin.save_model writes through company_save."""
        self.save_m2m = lambda: None
        return self.instance


@admin.register(Company)
class CompanyAdmin(HistoryAdmin):
    form = CompanyAdminForm
    list_display = ["name", "tax_code", "commune", "sector", "workforce", "working_online", "is_active"]
    list_filter = ["is_active", "sector", "commune"]
    search_fields = ["name", "tax_code", "contact_person", "commune__name"]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune"]
    list_per_page = 50

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        cleaned = form.cleaned_data
        saved = company_save(
            commune=cleaned["commune"],
            company=Company.objects.get(pk=obj.pk) if obj.pk else None,
            **{name: cleaned[name] for name in COMPANY_FIELDS},
        )
        obj.pk, obj._state.adding = saved.company.pk, False
