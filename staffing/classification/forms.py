from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import Level


class ConfirmForm(forms.Form):
    staff = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    reason = forms.CharField(label=_("Reason (if not the suggested level)"), required=False, max_length=2000)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 2}))
