import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from staffing.constants import AgencyKind, DutyGroup
from staffing.models import Agency

from .constants import AcknowledgementMethod, ReferenceRelation
from .models import Document
from .validators import max_upload_bytes, validate_evidence_upload, validate_pdf_upload

RATIO_RE = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
EXEMPTABLE_DUTY_GROUPS = [(v, label) for v, label in DutyGroup.choices if v != DutyGroup.REGULAR]


def date_input():
    return forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


def add_service_errors(form, exc: ValidationError, field_map: dict | None = None) -> None:
    """Put a service's errors on the form's fields (renamed by `field_map`), the rest above the form."""
    field_map = field_map or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        target = field_map.get(field, field)
        form.add_error(target if target in form.fields else None, errors)


class DocumentForm(forms.ModelForm):
    remove_attachment = forms.BooleanField(label=_("Remove the attached PDF"), required=False)

    class Meta:
        model = Document
        fields = ["kind", "number", "issuer", "issued_on", "subject", "attachment"]
        widgets = {
            "issued_on": date_input(),
            "subject": forms.Textarea(attrs={"rows": 3}),
            "attachment": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
            "issuer": forms.TextInput(attrs={"list": "issuer-list"}),
        }

    def __init__(self, *args, frozen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _("PDF only, at most %(size)s MB.") % {
            "size": max_upload_bytes() // (1024 * 1024)
        }
        self.fields["attachment"].widget = forms.FileInput(attrs={"accept": "application/pdf"})
        if not (self.instance.pk and self.instance.attachment):
            del self.fields["remove_attachment"]
        if frozen:
            for field in self.fields.values():
                field.disabled = True

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment and attachment != self.initial.get("attachment"):
            validate_pdf_upload(attachment)
        return attachment

    def _post_clean(self):
        # The service validates the model (and the uniqueness of the number) inside its transaction.
        pass


class ClauseForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    number = forms.CharField(label=_("Clause"), max_length=32, required=False)
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("text") and not data.get("number"):
            self.add_error("number", _("Enter the clause number, for example 2 or 3.1 a."))
        if data.get("number") and not data.get("text"):
            self.add_error("text", _("Enter the text of the clause."))
        return data


class BaseClauseFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = {}
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("number"):
                continue
            key = " ".join(data["number"].split()).lower()
            if key in seen:
                form.add_error("number", _("This clause number is used twice."))
            seen[key] = form

    def clauses(self) -> list[dict]:
        """The clauses for the service, in the order shown; blank rows are skipped."""
        result = []
        for form in self.forms:
            data = form.cleaned_data
            if not data or (not data.get("number") and not data.get("text")):
                if data and data.get("id") and data.get("DELETE"):
                    result.append({"id": data["id"], "number": "", "text": "", "delete": True})
                continue
            result.append(
                {
                    "id": data.get("id"),
                    "number": data["number"],
                    "text": data["text"],
                    "delete": bool(data.get("DELETE")),
                }
            )
        return result


ClauseFormSet = forms.formset_factory(ClauseForm, formset=BaseClauseFormSet, extra=3, can_delete=True)


def clause_formset(*, document=None, data=None, frozen: bool = False):
    initial = []
    if document is not None and document.pk:
        initial = [{"id": c.pk, "number": c.number, "text": c.text} for c in document.clauses.all()]
    formset = ClauseFormSet(data=data, initial=initial, prefix="clauses")
    if frozen:
        formset.extra = 0
        for form in formset.forms:
            for field in form.fields.values():
                field.disabled = True
    return formset


class RevokeForm(forms.Form):
    revoked_on = forms.DateField(label=_("Revoked from"), widget=date_input())
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class ReferenceForm(forms.Form):
    relation = forms.ChoiceField(label=_("This document"), choices=ReferenceRelation.choices)
    target = forms.ModelChoiceField(label=_("Document"), queryset=Document.objects.none())

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda d: (
            f"{d.number} · {d.issuer} · {d.issued_on:%d/%m/%Y}"
        )


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
        return data


POLICY_FIELD_MAP = {"remote_cap_numerator": "ratio", "remote_cap_denominator": "ratio"}


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
