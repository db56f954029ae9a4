from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import NotificationKind, ReadState


class InboxFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *NotificationKind.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("Show"), choices=[("", _("Read and unread")), *ReadState.choices], required=False
    )


class PreferencesForm(forms.Form):
    """A checkbox per kind: e-mail on or off. The hidden field tells a submitted form (all boxes cleared)
    from an empty request, which changes nothing."""

    save = forms.CharField(widget=forms.HiddenInput, initial="1")

    def __init__(self, *args, current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.BooleanField(
                label=kind.label,
                required=False,
                initial=current[kind],
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )

    def email_by_kind(self) -> dict[str, bool]:
        return {kind: self.cleaned_data[kind] for kind in NotificationKind.values}
