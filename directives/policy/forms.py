import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from directives.documents.forms import date_input
from directives.documents.models import Clause
from staffing.registry.constants import AgencyKind, DutyGroup

RATIO_RE = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
EXEMPTABLE_DUTY_GROUPS = [(v, label) for v, label in DutyGroup.choices if v != DutyGroup.REGULAR]


def _clause_choice(clause) -> str:
    text = " ".join(clause.text.split())
    return f"{clause.number} – {text[:70]}{'…' if len(text) > 70 else ''}"


class PolicyForm(forms.Form):
    effective_from = forms.DateField(label=_("Effective from"), widget=date_input())
    effective_until = forms.DateField(
        label=_("Effective until"),
        required=False,
        widget=date_input(),
        help_text=_("Leave empty for “until further notice”."),
    )
    ratio = forms.CharField(
        label=_("Maximum share of staff working from home"),
        max_length=9,
        help_text=_(
            "A fraction such as 1/2 or 2/3 of the counted staff; the number of people is rounded down."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "1/2"}),
    )
    agency_kinds = forms.MultipleChoiceField(
        label=_("Agency kinds it applies to"),
        required=False,
        choices=AgencyKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every kind of agency."),
    )
    exempt_duty_groups = forms.MultipleChoiceField(
        label=_("Duty groups outside the cap"),
        required=False,
        choices=EXEMPTABLE_DUTY_GROUPS,
        widget=forms.CheckboxSelectMultiple,
    )
    citizen_reception_suspended = forms.BooleanField(
        label=_("In-person citizen reception suspended"), required=False
    )
    inspections_restricted = forms.BooleanField(
        label=_("Unnecessary inspections suspended, necessary ones limited"), required=False
    )
    inspection_max_participants = forms.IntegerField(
        label=_("Maximum participants of a necessary inspection"), required=False, min_value=1, max_value=999
    )
    in_person_intake_restricted = forms.BooleanField(
        label=_("In-person intake only for the urgent list"), required=False
    )
    pre_cutoff_date = forms.DateField(
        label=_("Dossiers received before this date are returned by post"),
        required=False,
        widget=date_input(),
    )
    free_postal_return = forms.BooleanField(label=_("Free postal return encouraged"), required=False)

    CLAUSE_LABELS = {
        "cap": _("Clause stating the share"),
        "exempt": _("Clause stating the exempt duty groups"),
        "intake": _("Clause stating the in-person intake rule"),
        "cutoff": _("Clause stating the cut-off date"),
        "reception": _("Clause stating the citizen reception rule"),
        "inspections": _("Clause stating the inspection rule"),
    }

    def __init__(self, *args, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        clauses = (
            document.clauses.order_by("position", "pk") if document is not None else Clause.objects.none()
        )
        for rule, label in self.CLAUSE_LABELS.items():
            self.fields[f"{rule}_clause"] = forms.ModelChoiceField(
                queryset=clauses,
                required=False,
                label=label,
                empty_label=_("(not stated in a clause)"),
            )
            self.fields[f"{rule}_clause"].label_from_instance = _clause_choice

    @classmethod
    def initial_for(cls, policy) -> dict:
        if policy is None:
            return {}
        return {
            "effective_from": policy.effective_from,
            "effective_until": policy.effective_until,
            "ratio": policy.ratio_display,
            "agency_kinds": policy.agency_kinds,
            "exempt_duty_groups": policy.exempt_duty_groups,
            "citizen_reception_suspended": policy.citizen_reception_suspended,
            "inspections_restricted": policy.inspections_restricted,
            "inspection_max_participants": policy.inspection_max_participants,
            "in_person_intake_restricted": policy.in_person_intake_restricted,
            "pre_cutoff_date": policy.pre_cutoff_date,
            "free_postal_return": policy.free_postal_return,
            **{f"{rule}_clause": getattr(policy, f"{rule}_clause_id") for rule in cls.CLAUSE_LABELS},
        }

    def clean_ratio(self):
        match = RATIO_RE.match(self.cleaned_data["ratio"])
        if not match:
            raise ValidationError(
                _("Write the share as a fraction of two whole numbers, for example 1/2."),
                code="invalid_ratio",
            )
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if denominator == 0:
            raise ValidationError(_("The denominator cannot be 0."), code="invalid_ratio")
        if numerator > denominator:
            raise ValidationError(
                _("The share working from home cannot be more than the whole staff."), code="invalid_ratio"
            )
        return numerator, denominator

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["remote_cap_numerator"], data["remote_cap_denominator"] = data.pop("ratio")
        data["clauses"] = {rule: data.pop(f"{rule}_clause", None) for rule in self.CLAUSE_LABELS}
        return data


POLICY_FIELD_MAP = {"remote_cap_numerator": "ratio", "remote_cap_denominator": "ratio"}
