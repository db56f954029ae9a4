"""Forms of the urgent-list pages: validation and layout only; the rules live in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from directives.documents.constants import DocumentStatus
from directives.documents.selectors import published_documents
from tthc.catalogue.models import Procedure

from .constants import UrgentListStatus
from .models import UrgentList, UrgentListItem

CONDITIONS_MAX_LENGTH = UrgentListItem._meta.get_field("conditions").max_length


def directive_choices():
    """Published directives, newest first: a list is decided by a directive anyone may read."""
    return published_documents().filter(status=DocumentStatus.PUBLISHED).order_by("-issued_on", "number")


class UrgentListHeaderForm(forms.Form):
    directive = forms.ModelChoiceField(
        label=_("Directive or letter deciding the list"),
        queryset=None,
        required=False,
        help_text=_("The directive that decides this list; required before publishing."),
    )
    title = forms.CharField(label=_("Title of the list"), max_length=255, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directive"].queryset = directive_choices()


class UrgentListCreateForm(UrgentListHeaderForm):
    copy_in_force = forms.BooleanField(
        label=_("Start from the version in force (its procedures and conditions)"),
        required=False,
        initial=True,
    )


class UrgentListItemsForm(UrgentListHeaderForm):
    """The compose form: header fields, the chosen procedures and a condition per chosen procedure.

    Each procedure's condition comes in as ``conditions-<id>``; only those of chosen procedures are kept.
    """

    procedures = forms.ModelMultipleChoiceField(
        label=_("procedures"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    effective_from = forms.DateField(
        label=_("Effective from (dd/mm/yyyy)"),
        required=False,
        help_text=_("Only for “Save and publish”: the day this version takes over."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedures"].queryset = Procedure.objects.filter(is_active=True).order_by("code")

    def clean(self):
        cleaned = super().clean()
        for procedure in cleaned.get("procedures") or []:
            if len(self.data.get(f"conditions-{procedure.pk}") or "") > CONDITIONS_MAX_LENGTH:
                self.add_error(
                    "procedures",
                    _("The conditions of %(code)s are longer than %(max)s characters.")
                    % {"code": procedure.code, "max": CONDITIONS_MAX_LENGTH},
                )
        return cleaned

    def items(self) -> list[tuple[Procedure, str]]:
        return [(p, self.data.get(f"conditions-{p.pk}") or "") for p in self.cleaned_data["procedures"]]


class UrgentListPublishForm(forms.Form):
    effective_from = forms.DateField(label=_("Effective from (dd/mm/yyyy)"))


class UrgentListDiffForm(forms.Form):
    old = forms.ModelChoiceField(label=_("Compare version"), queryset=None)
    new = forms.ModelChoiceField(label=_("with version"), queryset=None)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            self.fields[name].queryset = versions
            self.fields[name].to_field_name = "version"
            self.fields[name].label_from_instance = _version_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old") and cleaned.get("old") == cleaned.get("new"):
            raise ValidationError(_("Choose two different versions."), code="same_version")
        return cleaned


def _version_label(urgent_list: UrgentList) -> str:
    if urgent_list.status == UrgentListStatus.PUBLISHED:
        return _("Version %(version)s (from %(date)s)") % {
            "version": urgent_list.version,
            "date": urgent_list.effective_from.strftime("%d/%m/%Y"),
        }
    return str(urgent_list)
