"""Forms of the calendar: a spreadsheet row of the import, the uploaded file of every tthc import page, and
the day picker of the public pages."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.importing import ChoiceLabelField
from staffing.toolkit.sizes import sizes_apart

from .constants import CalendarDayKind
from .services import calendar_day_values


class PublicDateForm(forms.Form):
    date = forms.DateField(label=_("On the day"), required=False)


def day_asked(data) -> tuple[datetime.date, PublicDateForm]:
    """The day asked for with ?date=dd/mm/yyyy (today when absent); a malformed date is the form's error."""
    form = PublicDateForm(data or None)
    if form.is_valid() and form.cleaned_data["date"]:
        return form.cleaned_data["date"], form
    return timezone.localdate(), form


class CalendarDayRowForm(forms.Form):
    """One row of a calendar spreadsheet: a holiday, a day off in lieu or a working weekend day."""

    date = forms.DateField(label=_("date"))
    kind = ChoiceLabelField(label=_("kind"), choices=CalendarDayKind.choices)
    name = forms.CharField(label=_("name"), max_length=128, required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                calendar_day_values(**cleaned)
            except ValidationError as exc:
                add_service_errors(self, exc)
        return cleaned


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet file (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(
                _("The file is %(size)s; files over %(limit)s are refused.")
                % sizes_apart(file.size, settings.IMPORT_MAX_BYTES),
                code="file_too_large",
            )
        return file
