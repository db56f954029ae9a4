from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.importing import ChoiceLabelField
from staffing.toolkit.phones import normalize_mobile_phone, validate_mobile_phone

from .constants import DutyGroup, StaffCategory
from .models import StaffMember
from .services import STAFF_MEMBER_FIELDS


def _model_field(name, **kwargs):
    return StaffMember._meta.get_field(name).formfield(**kwargs)


class MobilePhoneField(forms.CharField):
    """A mobile number as people write it ("+84 912 345 678"), kept as the 10 digits the validator checks."""

    def to_python(self, value):
        return normalize_mobile_phone(super().to_python(value))


class SpreadsheetPhoneField(MobilePhoneField):
    def to_python(self, value):
        phone = super().to_python(value)
        # A number typed into a spreadsheet's number cell loses its leading zero (912345678).
        if len(phone) == 9 and phone.isdigit() and phone[0] in "35789":
            phone = "0" + phone
        return phone


DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class StaffMemberForm(forms.Form):
    """The fields of staff_member_save; the service checks the code and the period, the form the rest."""

    staff_code = _model_field("staff_code")
    full_name = _model_field("full_name")
    position = _model_field("position")
    category = _model_field("category")
    duty_group = _model_field("duty_group")
    mobile_phone = _model_field(
        "mobile_phone",
        form_class=MobilePhoneField,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        validators=[validate_mobile_phone],
    )
    email = _model_field("email")
    active_from = _model_field("active_from", widget=DATE_WIDGET)
    active_until = _model_field("active_until", widget=DATE_WIDGET)

    @cached_property
    def helper(self):
        # Built when a page renders the form, not for each of the thousands of rows of an import.
        helper = FormHelper()
        # The server's messages, in Vietnamese and at the field, rather than the browser's own.
        helper.attrs = {"novalidate": ""}
        helper.layout = Layout(
            Div(
                Div("staff_code", css_class="col-sm-4"),
                Div("full_name", css_class="col-sm-8"),
                css_class="row",
            ),
            Div(
                Div("position", css_class="col-sm-6"),
                Div("category", css_class="col-sm-3"),
                Div("duty_group", css_class="col-sm-3"),
                css_class="row",
            ),
            Div(
                Div("mobile_phone", css_class="col-sm-6"), Div("email", css_class="col-sm-6"), css_class="row"
            ),
            Div(
                Div("active_from", css_class="col-6"), Div("active_until", css_class="col-6"), css_class="row"
            ),
            Submit("save", _("Save")),
        )
        return helper

    @classmethod
    def initial_for(cls, member: StaffMember) -> dict:
        return {name: getattr(member, name) for name in STAFF_MEMBER_FIELDS}


class StaffRowForm(StaffMemberForm):
    """One row of a staff spreadsheet: choices may be typed as labels, an empty duty group means regular."""

    category = ChoiceLabelField(choices=StaffCategory.choices, label=_("category"))
    duty_group = ChoiceLabelField(
        choices=DutyGroup.choices, required=False, empty_value=DutyGroup.REGULAR, label=_("duty group")
    )
    mobile_phone = SpreadsheetPhoneField(
        label=_("mobile phone"), max_length=15, required=False, validators=[validate_mobile_phone]
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet file (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )


class AgencyPickForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
