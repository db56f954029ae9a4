from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directives.documents.forms import date_input
from staffing.toolkit.dates import in_range, out_of_range_message

from .constants import Necessity, TeamKind, TeamStatus


class BoundedDateField(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(widget=date_input(), **kwargs)

    def clean(self, value):
        day = super().clean(value)
        if day and not in_range(day):
            raise forms.ValidationError(out_of_range_message(), code="out_of_range")
        return day


class ParticipantField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, member):
        agency = member.agency.short_name or member.agency.name
        return (
            f"{member.full_name} – {member.position}, {agency}"
            if member.position
            else f"{member.full_name} – {agency}"
        )


class TeamForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TeamKind.choices, widget=forms.RadioSelect)
    subject = forms.CharField(label=pgettext_lazy("inspection team", "Subject"), max_length=255)
    inspected_organisation = forms.CharField(label=_("Organisation inspected"), max_length=255)
    decision_number = forms.CharField(label=_("Decision number"), max_length=64)
    decision_date = BoundedDateField(label=_("Decision date"))
    planned_start = BoundedDateField(label=_("Planned start"))
    planned_end = BoundedDateField(label=_("Planned end"))
    necessity = forms.ChoiceField(label=_("Necessity"), choices=Necessity.choices, widget=forms.RadioSelect)
    necessity_reason = forms.CharField(
        label=_("Why the team is necessary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for a necessary team: while inspections are restricted only these may run."),
    )
    participants = ParticipantField(
        label=_("Participants (staff of the district's agencies)"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Hold Ctrl (or ⌘) to choose several people."),
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = staff


class OutsiderForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=255, required=False)
    organisation = forms.CharField(label=_("Organisation or role"), max_length=255, required=False)


OutsiderFormSet = forms.formset_factory(OutsiderForm, extra=2)


def outsider_formset(*, team=None, data=None):
    initial = (
        [{"full_name": o.full_name, "organisation": o.organisation} for o in team.outsiders.all()]
        if team
        else []
    )
    return OutsiderFormSet(data=data, initial=initial, prefix="outsiders")


def outsider_rows(formset) -> list[dict]:
    """The filled rows (an empty row is no participant)."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data.get("full_name") or form.cleaned_data.get("organisation")
    ]


class ActionForm(forms.Form):
    action = forms.CharField()


class DistrictFilterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None, required=False, empty_label=_("All"))
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + TeamStatus.choices, required=False
    )
    start = BoundedDateField(label=_("From"), required=False)
    end = BoundedDateField(label=_("To"), required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
