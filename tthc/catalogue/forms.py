"""Forms of the catalogue: a spreadsheet row of the import, and the procedure choice of other pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from staffing.registry.constants import AgencyKind
from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.importing import ChoiceLabelField
from staffing.toolkit.importing.fields import fold
from tthc.calendar.constants import ProcessingTimeUnit

from .constants import ProcedureLevel
from .services import procedure_values


class ProcedureChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.name}"


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
