from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.importing import ChoiceLabelField
from staffing.toolkit.phones import normalize_mobile_phone, validate_mobile_phone

from .constants import CompanyStatus, Sector
from .models import Company
from .services import COMPANY_FIELDS, company_prepare, tax_code_taken
from .taxcodes import normalize_tax_code, validate_tax_code

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


def _model_field(name, **kwargs):
    return Company._meta.get_field(name).formfield(**kwargs)


class TaxCodeField(forms.CharField):
    """A tax code as people type it ("0312 345 678", "0312.345.678-001"), kept as the service stores it."""

    def to_python(self, value):
        return normalize_tax_code(super().to_python(value))


class PhoneField(forms.CharField):
    def to_python(self, value):
        phone = normalize_mobile_phone(super().to_python(value))
        # A number typed into a spreadsheet's number cell loses its leading zero (912345678).
        if len(phone) == 9 and phone.isdigit() and phone[0] in "35789":
            phone = "0" + phone
        return phone


class CompanyForm(forms.Form):
    """The fields of company_save; the service checks the rules between fields and the tax code's use."""

    name = _model_field("name", label=_("Company name"))
    tax_code = TaxCodeField(
        label=_("Tax code"),
        max_length=16,
        validators=[validate_tax_code],
        help_text=_("10 digits, or 13 for a branch (10 digits, a dash and 3 digits)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    address = _model_field("address")
    sector = _model_field("sector")
    workforce = _model_field("workforce", min_value=0)
    working_online = _model_field(
        "working_online",
        min_value=0,
        label=_("Working online"),
        help_text=_("Employees working online, at most the workforce."),
    )
    contact_person = _model_field("contact_person")
    contact_phone = PhoneField(
        label=_("Contact phone"),
        max_length=20,
        required=False,
        validators=[validate_mobile_phone],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=CompanyStatus.choices, initial=CompanyStatus.ACTIVE)
    closed_on = _model_field("closed_on", widget=DATE_WIDGET, help_text=_("Only for a closed company."))

    def __init__(self, *args, communes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if communes is not None:
            # A user who runs several communes (the district office) picks the company's one.
            self.fields["commune"] = forms.ModelChoiceField(label=_("Commune"), queryset=communes)
            self.order_fields(["commune"])

    @cached_property
    def helper(self):
        helper = FormHelper()
        helper.attrs = {"novalidate": ""}
        rows = []
        if "commune" in self.fields:
            rows.append(Div(Div("commune", css_class="col-sm-6"), css_class="row"))
        rows += [
            Div(Div("name", css_class="col-sm-8"), Div("tax_code", css_class="col-sm-4"), css_class="row"),
            Div(Div("address", css_class="col-sm-8"), Div("sector", css_class="col-sm-4"), css_class="row"),
            Div(
                Div("workforce", css_class="col-6 col-sm-3"),
                Div("working_online", css_class="col-6 col-sm-3"),
                Div("contact_person", css_class="col-sm-3"),
                Div("contact_phone", css_class="col-sm-3"),
                css_class="row",
            ),
            Div(
                Div("status", css_class="col-6 col-sm-3"),
                Div("closed_on", css_class="col-6 col-sm-3"),
                css_class="row",
            ),
            Submit("save", _("Save")),
        ]
        helper.layout = Layout(*rows)
        return helper

    def service_fields(self) -> dict:
        data = self.cleaned_data
        values = {name: data[name] for name in COMPANY_FIELDS if name in data}
        values["is_active"] = data["status"] == CompanyStatus.ACTIVE
        values["workforce"] = data.get("workforce") or 0
        values["working_online"] = data.get("working_online") or 0
        return values

    @classmethod
    def initial_for(cls, company: Company) -> dict:
        initial = {name: getattr(company, name) for name in COMPANY_FIELDS}
        initial["status"] = CompanyStatus.ACTIVE if company.is_active else CompanyStatus.CLOSED
        return initial


class CompanyRowForm(CompanyForm):
    """One row of a companies spreadsheet: sector and status may be typed as labels; empty means
    "Other" and operating."""

    sector = ChoiceLabelField(
        choices=Sector.choices, required=False, empty_value=Sector.OTHER, label=_("sector")
    )
    status = ChoiceLabelField(
        choices=CompanyStatus.choices, required=False, empty_value=CompanyStatus.ACTIVE, label=_("Status")
    )
    workforce = forms.IntegerField(label=_("workforce"), min_value=0, required=False)
    working_online = forms.IntegerField(label=_("employees working online"), min_value=0, required=False)

    def __init__(self, *args, commune=None, taken_elsewhere=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.commune = commune
        self.taken_elsewhere = taken_elsewhere

    def clean(self):
        """The service's rules between fields, and a tax code of another commune's register, checked with
        the row, so one pass names every wrong row (company_save checks them again when saving)."""
        cleaned = super().clean()
        if self.commune is None or self.errors:
            return cleaned
        if cleaned["tax_code"] in self.taken_elsewhere:
            self.add_error(None, tax_code_taken(cleaned["tax_code"], None, self.commune))
            return cleaned
        try:
            company_prepare(commune=self.commune, **self.service_fields())
        except ValidationError as exc:
            add_service_errors(self, exc, {"is_active": "status"})
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet file (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def __init__(self, *args, communes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if communes is not None:
            self.fields["commune"] = forms.ModelChoiceField(label=_("Commune"), queryset=communes)
            self.order_fields(["commune", "file"])
