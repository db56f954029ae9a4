from django import forms
from django.utils.translation import gettext_lazy as _

from directives.documents.forms import date_input

from .constants import Level
from .models import RuleSet


class ConfirmForm(forms.Form):
    staff = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    reason = forms.CharField(label=_("Reason (if not the suggested level)"), required=False, max_length=2000)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 2}))


class RuleSetForm(forms.ModelForm):
    class Meta:
        model = RuleSet
        fields = [
            "name",
            "effective_from",
            "excellent_on_time_percent",
            "excellent_exceeds_percent",
            "good_on_time_percent",
            "good_max_below",
            "done_on_time_percent",
            "report_percent",
        ]
        widgets = {"effective_from": date_input()}
