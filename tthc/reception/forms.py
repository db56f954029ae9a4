"""Forms of the reception pages: validation and layout only; the rules live in tthc.reception.services."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .constants import PetitionStatus, Weekday


class PetitionForm(forms.Form):
    filer_name = forms.CharField(label=_("Your full name"), max_length=128)
    filer_phone = forms.CharField(
        label=_("Your mobile phone"),
        max_length=20,
        help_text=_("You will need it, with the petition code, to follow your petition."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    filer_email = forms.EmailField(label=_("E-mail (optional)"), required=False)
    filer_address = forms.CharField(label=_("Address (optional)"), max_length=255, required=False)
    content = forms.CharField(
        label=_("Your petition or feedback"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, where and when, and what you ask the agency to do."),
    )
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.PETITION_CONTENT_MAX_CHARS
        self.fields["content"].max_length = limit
        self.fields["content"].widget.attrs["maxlength"] = str(limit)
        self.fields["attachment"].help_text = _("A PDF, PNG or JPEG file of at most %(size)s.") % {
            "size": filesizeformat(settings.PETITION_ATTACHMENT_MAX_BYTES)
        }
        self.fields["attachment"].widget.attrs["accept"] = (
            ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        )


class PetitionLookupForm(forms.Form):
    code = forms.CharField(
        label=capfirst(_("petition code")),
        max_length=40,
        help_text=_("Printed on your petition receipt, for example KN-27526-210607-0001."),
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    phone = forms.CharField(
        label=_("Your mobile phone"),
        max_length=20,
        help_text=_("The number given when the petition was filed."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )


class PetitionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=capfirst(_("status")),
        required=False,
        choices=[("", _("All statuses")), *PetitionStatus.choices],
    )
    overdue = forms.BooleanField(label=_("Overdue petitions only"), required=False)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, empty_label=_("Choose a staff member")
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff
        self.fields["assignee"].label_from_instance = lambda m: m.full_name


class AnswerForm(forms.Form):
    answer = forms.CharField(label=capfirst(_("answer")), widget=forms.Textarea(attrs={"rows": 5}))


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Reason or note"),
        required=False,
        help_text=_("Needed when the petition was not answered (a duplicate, for example)."),
    )


class SlotForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Day of the week"), choices=Weekday.choices, coerce=int)
    starts_at = forms.TimeField(label=_("From"), help_text=_("hh:mm"), widget=forms.TimeInput(format="%H:%M"))
    ends_at = forms.TimeField(label=_("Until"), help_text=_("hh:mm"), widget=forms.TimeInput(format="%H:%M"))
    place = forms.CharField(label=_("Place"), max_length=255)
    officer = forms.ModelChoiceField(
        label=_("Officer in charge"), queryset=None, required=False, empty_label=_("Not named")
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = staff
        self.fields["officer"].label_from_instance = lambda m: m.full_name


class ChannelsForm(forms.Form):
    hotline = forms.CharField(
        label=_("Reception hotline"),
        max_length=32,
        required=False,
        help_text=_("Leave empty to publish the agency's phone from the registry."),
    )
    email = forms.EmailField(
        label=_("Reception e-mail"),
        required=False,
        help_text=_("Leave empty to publish the agency's e-mail from the registry."),
    )
    note = forms.CharField(
        label=_("Note for citizens"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SettingsForm(forms.Form):
    answer_within_working_days = forms.IntegerField(
        label=_("Answer within (working days)"), min_value=1, max_value=90
    )


class OfficeFilterForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=capfirst(_("agency")), queryset=None, required=False, empty_label=_("All agencies")
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
