from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from directives.documents.forms import date_input
from staffing.toolkit.dates import in_range, out_of_range_message

from .constants import AssignmentStatus, Priority, Quality

FILE_ACCEPT = "application/pdf,image/png,image/jpeg"


class StaffChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, member):
        return f"{member.full_name} – {member.position}" if member.position else member.full_name


class BoundedDateField(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(widget=date_input(), **kwargs)

    def clean(self, value):
        day = super().clean(value)
        if day and not in_range(day):
            raise ValidationError(out_of_range_message(), code="out_of_range")
        return day


class AssignmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    leads = StaffChoiceField(
        label=_("Lead assignee"),
        queryset=None,
        help_text=_("Choose several people to hand each of them the same task."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    supporters = StaffChoiceField(
        label=_("Supporting assignees"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    start_date = BoundedDateField(label=_("Start date"))
    due_date = BoundedDateField(label=_("Due date"), required=False)
    due_in_working_days = forms.IntegerField(
        label=_("or: due in working days"),
        min_value=1,
        max_value=250,
        required=False,
        help_text=_("Counted from the start date on the district's working-day calendar."),
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial=Priority.NORMAL)
    statutory = forms.BooleanField(label=_("Time limit set by law"), required=False)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=255, required=False)
    dossier_code = forms.CharField(
        label=_("Dossier code (if the work serves a dossier)"), max_length=32, required=False
    )
    attachment = forms.FileField(
        label=_("Attachment (PDF, PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leads"].queryset = staff
        self.fields["supporters"].queryset = staff

    def service_kwargs(self) -> dict:
        """The form's values as assignment_create takes them (the service counts working days)."""
        return dict(self.cleaned_data)


class ReportForm(forms.Form):
    percent_complete = forms.IntegerField(
        label=_("Percent complete"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    done = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(
        label=_("What is next or blocked"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    attachment = forms.FileField(
        label=_("Attachment (PDF, PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )


class ActionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    quality = forms.ChoiceField(
        label=_("Quality of the work"), choices=[("", "—"), *Quality.choices], required=False
    )
    comment = forms.CharField(
        label=_("Comment or reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BoardFilterForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("Everyone")
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All open")), *AssignmentStatus.choices]
    )
    due_within = forms.IntegerField(label=_("Due within (days)"), min_value=0, max_value=366, required=False)
    statutory = forms.BooleanField(label=_("Statutory time limit only"), required=False)

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff
        self.fields["assignee"].label_from_instance = lambda m: m.full_name


class ThresholdsForm(forms.Form):
    due_within_working_days = forms.IntegerField(
        label=_("Due within (working days)"), min_value=0, max_value=60
    )
    silent_days = forms.IntegerField(label=_("Days without a progress report"), min_value=1, max_value=60)


class DeputyForm(forms.Form):
    staff = forms.ModelChoiceField(label=_("Deputy"), queryset=None, empty_label=_("Choose a staff member"))

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff
        self.fields["staff"].label_from_instance = lambda m: m.full_name
