"""Forms of the catalogue and urgent-list pages: validation and layout only; the rules live in the services."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from directives.constants import DocumentStatus
from directives.selectors import published_documents
from staffing.constants import AgencyKind
from staffing.importing import ChoiceLabelField
from staffing.importing.fields import fold

from .calendar_services import calendar_day_values
from .catalogue_services import procedure_values
from .constants import CalendarDayKind, ProcedureLevel, ProcessingTimeUnit, UrgentListStatus
from .models import Procedure, UrgentList, UrgentListItem

CONDITIONS_MAX_LENGTH = UrgentListItem._meta.get_field("conditions").max_length


def directive_choices():
    """Published directives, newest first: a list is decided by a directive anyone may read."""
    return published_documents().filter(status=DocumentStatus.PUBLISHED).order_by("-issued_on", "number")


def add_service_errors(form, exc: ValidationError, *, field_map: dict | None = None) -> None:
    """Show a service's ValidationError at the field it names (renamed through field_map), or above the
    form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        name = (field_map or {}).get(name, name)
        form.add_error(name if name in form.fields else None, errors)


class PublicDateForm(forms.Form):
    date = forms.DateField(label=_("On the day"), required=False)


# Import ------------------------------------------------------------------------------------------

YES_WORDS = {"co", "x", "1", "yes", "true", "dung", "y"}
NO_WORDS = {"khong", "0", "no", "false", "sai", "n", ""}


class YesNoField(forms.Field):
    """A yes/no spreadsheet cell: "Có"/"Không", "x"/empty, yes/no, 1/0; an empty cell takes the default."""

    default_error_messages = {"invalid": _("Write “Có” or “Không”.")}

    def __init__(self, *, default: bool, **kwargs):
        self.default = default
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        folded = fold(value)
        if not folded:
            return self.default
        if folded in YES_WORDS:
            return True
        if folded in NO_WORDS:
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class AgencyKindsField(forms.Field):
    """Agency kinds separated by commas or semicolons, as codes or labels; empty means every kind."""

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        parts = [p.strip() for p in str(value or "").replace(";", ",").split(",") if p.strip()]
        label_field = ChoiceLabelField(choices=AgencyKind.choices)
        return sorted({label_field.clean(part) for part in parts})


class ProcedureRowForm(forms.Form):
    """One row of a catalogue spreadsheet."""

    code = forms.CharField(label=_("procedure code"), max_length=32)
    name = forms.CharField(label=_("name"), max_length=500)
    field = forms.CharField(label=_("field"), max_length=128, required=False)
    level = ChoiceLabelField(label=_("level"), choices=ProcedureLevel.choices)
    processing_time_unit = ChoiceLabelField(
        label=_("processing time unit"), choices=ProcessingTimeUnit.choices
    )
    processing_time_value = forms.IntegerField(
        label=_("processing time"), required=False, min_value=0, max_value=365
    )
    fee_text = forms.CharField(label=_("fees and charges"), max_length=255, required=False)
    online_level = forms.IntegerField(label=_("online service level"), min_value=1, max_value=4)
    postal_intake_accepted = YesNoField(label=_("postal intake accepted"), default=True)
    postal_return_offered = YesNoField(label=_("postal return offered"), default=True)
    result_in_person_by_law = YesNoField(label=_("must be handled in person by law"), default=False)
    in_person_legal_basis = forms.CharField(
        label=_("legal basis for in-person handling"), max_length=255, required=False
    )
    agency_kinds = AgencyKindsField(label=_("agency kinds handling it"), required=False)
    is_active = YesNoField(label=_("active"), default=True)

    def clean(self):
        # The catalogue rules are checked with the row, so every wrong row of a file is listed at once.
        cleaned = super().clean()
        if not self.errors:
            try:
                procedure_values(**cleaned)
            except ValidationError as exc:
                add_service_errors(self, exc)
        return cleaned


class CalendarDayRowForm(forms.Form):
    """One row of a calendar spreadsheet: a holiday, a day off in lieu or a working weekend day."""

    date = forms.DateField(label=_("date"))
    kind = ChoiceLabelField(label=_("kind"), choices=CalendarDayKind.choices)
    name = forms.CharField(label=_("name"), max_length=128, required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                calendar_day_values(**cleaned)
            except ValidationError as exc:
                add_service_errors(self, exc)
        return cleaned


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet file (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(
                _("The file is %(size)s; files over %(limit)s are refused.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(settings.IMPORT_MAX_BYTES)},
                code="file_too_large",
            )
        return file


# Urgent list -------------------------------------------------------------------------------------


class UrgentListHeaderForm(forms.Form):
    directive = forms.ModelChoiceField(
        label=_("Directive or letter deciding the list"),
        queryset=None,
        required=False,
        help_text=_("The directive that decides this list; required before publishing."),
    )
    title = forms.CharField(label=_("Title of the list"), max_length=255, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directive"].queryset = directive_choices()


class UrgentListCreateForm(UrgentListHeaderForm):
    copy_in_force = forms.BooleanField(
        label=_("Start from the version in force (its procedures and conditions)"),
        required=False,
        initial=True,
    )


class UrgentListItemsForm(UrgentListHeaderForm):
    """The compose form: header fields, the chosen procedures and a condition per chosen procedure.

    Each procedure's condition comes in as ``conditions-<id>``; only those of chosen procedures are kept.
    """

    procedures = forms.ModelMultipleChoiceField(
        label=_("procedures"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedures"].queryset = Procedure.objects.filter(is_active=True).order_by("code")

    def clean(self):
        cleaned = super().clean()
        for procedure in cleaned.get("procedures") or []:
            if len(self.data.get(f"conditions-{procedure.pk}") or "") > CONDITIONS_MAX_LENGTH:
                self.add_error(
                    "procedures",
                    _("The conditions of %(code)s are longer than %(max)s characters.")
                    % {"code": procedure.code, "max": CONDITIONS_MAX_LENGTH},
                )
        return cleaned

    def items(self) -> list[tuple[Procedure, str]]:
        return [(p, self.data.get(f"conditions-{p.pk}") or "") for p in self.cleaned_data["procedures"]]


class UrgentListPublishForm(forms.Form):
    effective_from = forms.DateField(label=_("Effective from (dd/mm/yyyy)"))


class UrgentListDiffForm(forms.Form):
    old = forms.ModelChoiceField(label=_("Compare version"), queryset=None)
    new = forms.ModelChoiceField(label=_("with version"), queryset=None)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            self.fields[name].queryset = versions
            self.fields[name].to_field_name = "version"
            self.fields[name].label_from_instance = _version_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old") and cleaned.get("old") == cleaned.get("new"):
            raise ValidationError(_("Choose two different versions."), code="same_version")
        return cleaned


def _version_label(urgent_list: UrgentList) -> str:
    if urgent_list.status == UrgentListStatus.PUBLISHED:
        return _("Version %(version)s (from %(date)s)") % {
            "version": urgent_list.version,
            "date": urgent_list.effective_from.strftime("%d/%m/%Y"),
        }
    return str(urgent_list)
