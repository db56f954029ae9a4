from django import forms
from django.utils.translation import gettext_lazy as _

from directives.documents.forms import date_input
from directives.documents.validators import max_upload_bytes, validate_evidence_upload
from staffing.registry.constants import AgencyKind
from staffing.registry.models import Agency

from .constants import AcknowledgementMethod


class ObligationForm(forms.Form):
    clause = forms.ModelChoiceField(label=_("Clause"), queryset=None)
    title = forms.CharField(label=_("Obligation"), max_length=255)
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_on = forms.DateField(label=_("Due date"), widget=date_input())
    agency_kinds = forms.MultipleChoiceField(
        label=_("Addressed agency kinds"),
        required=False,
        choices=AgencyKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Addressed agencies"),
        required=False,
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("With no kind and no agency chosen, every agency is addressed."),
    )

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = document.clauses.all()
        self.fields["clause"].label_from_instance = lambda c: f"{c.number}. {c.text[:80]}"
        self.fields["agencies"].queryset = Agency.objects.active().order_by("name")


class AcknowledgeForm(forms.Form):
    acknowledged_on = forms.DateField(label=_("Disseminated on"), widget=date_input())
    method = forms.ChoiceField(label=_("How"), choices=[("", "---------"), *AcknowledgementMethod.choices])
    evidence_text = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the meeting minutes number or the dissemination letter."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_file"].help_text = _("PDF, PNG or JPEG, at most %(size)s MB.") % {
            "size": max_upload_bytes() // (1024 * 1024)
        }

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            validate_evidence_upload(upload)
        return upload


class DoneForm(forms.Form):
    done_on = forms.DateField(
        label=_("Done on"), required=False, widget=date_input(), help_text=_("Empty means today.")
    )
    note = forms.CharField(label=_("Result"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the agency and kept in the history."),
    )
