from django import forms
from django.utils.translation import gettext_lazy as _

from staffing.registry.forms import DATE_WIDGET
from staffing.registry.models import StaffMember

from .constants import CheckMode, Outcome
from .models import CriteriaSet
from .scoring import Band


def criterion_field(pk) -> str:
    return f"risk_{pk}"


class CheckForm(forms.Form):
    """The check's fields and one box per criterion of `criteria` (the set in force on the date)."""

    checked_on = forms.DateField(label=_("Check date"), widget=DATE_WIDGET)
    mode = forms.ChoiceField(label=_("How"), choices=CheckMode.choices, widget=forms.RadioSelect)
    checked_by = forms.ModelChoiceField(label=_("Checked by"), queryset=StaffMember.objects.none())
    on_site_count = forms.IntegerField(label=_("Workers on site"), min_value=0, max_value=1_000_000)
    online_count = forms.IntegerField(label=_("Workers working online"), min_value=0, max_value=1_000_000)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    requested = forms.CharField(
        label=_("What the company is asked to do"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required unless the check passed."),
    )
    follow_up_on = forms.DateField(
        label=_("Follow-up date"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Required unless the check passed; after the check date."),
    )

    def __init__(self, *args, commune, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_by"].queryset = StaffMember.objects.filter(agency=commune).order_by("full_name")
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[criterion_field(criterion.pk)] = forms.BooleanField(
                label=criterion.text, required=False
            )

    def criterion_rows(self):
        return [(c, self[criterion_field(c.pk)]) for c in self.criteria]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        at_risk = [c.pk for c in self.criteria if data.pop(criterion_field(c.pk), False)]
        return {**data, "at_risk": at_risk}


class FollowUpCloseForm(forms.Form):
    note = forms.CharField(
        label=_("How the follow-up was closed"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CriteriaSetForm(forms.ModelForm):
    criteria_text = forms.CharField(
        label=_("Criteria, one a line: weight | text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "For example “3 | Workers do not wear masks at work”. The weight is a whole number of at least 1."
        ),
    )

    class Meta:
        model = CriteriaSet
        fields = ["name", "workplace_kind", "effective_from", "note"]
        widgets = {"effective_from": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, copy_from: CriteriaSet | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.instance if self.instance.pk else copy_from
        if source is not None and not self.initial.get("criteria_text"):
            self.initial["criteria_text"] = "\n".join(f"{c.weight} | {c.text}" for c in source.criteria.all())
            if not self.instance.pk:
                self.initial.setdefault("name", source.name)
                self.initial.setdefault("workplace_kind", source.workplace_kind)

    def clean_criteria_text(self):
        rows, errors = [], []
        for number, line in enumerate(self.cleaned_data["criteria_text"].splitlines(), start=1):
            if not line.strip():
                continue
            weight, sep, text = line.partition("|")
            if not sep or not weight.strip().isdigit() or int(weight) < 1 or not text.strip():
                errors.append(
                    _("Line %(n)s: write the weight (a whole number of at least 1), “|” and the text.")
                    % {"n": number}
                )
                continue
            rows.append((text.strip(), int(weight)))
        if not rows and not errors:
            errors.append(_("Give at least one criterion."))
        if errors:
            raise forms.ValidationError(errors)
        return rows


class BandsForm(forms.Form):
    bands_text = forms.CharField(
        label=_("Bands, one a line from the lowest: upper bound in percent | risk level"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Each band runs from above the bound of the band before it; the last reaches 100."),
    )

    def clean_bands_text(self):
        bands, errors = [], []
        for number, line in enumerate(self.cleaned_data["bands_text"].splitlines(), start=1):
            if not line.strip():
                continue
            upper, sep, label = line.partition("|")
            upper = upper.strip().rstrip("%").strip()
            if not sep or not upper.isdigit():
                errors.append(
                    _("Line %(n)s: write the upper bound in percent, “|” and the level.") % {"n": number}
                )
                continue
            bands.append(Band(int(upper), label.strip()))
        if errors:
            raise forms.ValidationError(errors)
        return bands
