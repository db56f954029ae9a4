from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import DocumentStatus, ReferenceRelation
from .models import Document
from .validators import max_upload_bytes, validate_pdf_upload


def date_input():
    return forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


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
        if self.instance.pk is None:
            # Registering a later letter names what it replaces in the same step (more on its page later).
            published = Document.objects.filter(status=DocumentStatus.PUBLISHED).order_by(
                "-issued_on", "number"
            )
            self.fields["supersedes"] = forms.ModelChoiceField(
                label=_("Supersedes"),
                queryset=published,
                required=False,
                empty_label=_("(none)"),
                help_text=_(
                    "The letter whose rules this one replaces from the day its own policy takes effect."
                ),
            )
            self.fields["amends"] = forms.ModelChoiceField(
                label=_("Amends"), queryset=published, required=False, empty_label=_("(none)")
            )
        self.fields["attachment"].help_text = _("PDF only, at most %(size)s MB.") % {
            "size": max_upload_bytes() // (1024 * 1024)
        }
        self.fields["attachment"].widget = forms.FileInput(attrs={"accept": "application/pdf"})
        if not (self.instance.pk and self.instance.attachment):
            del self.fields["remove_attachment"]
        if frozen:
            for field in self.fields.values():
                field.disabled = True

    def references(self) -> list[tuple[str, Document]]:
        return [
            (relation, self.cleaned_data[name])
            for name, relation in (
                ("supersedes", ReferenceRelation.SUPERSEDES),
                ("amends", ReferenceRelation.AMENDS),
            )
            if self.cleaned_data.get(name) is not None
        ]

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
