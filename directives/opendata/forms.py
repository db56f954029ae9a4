"""The period asked of the open data: ?from= and ?to= (dd/mm/yyyy, or yyyy-mm-dd as links carry them)."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.dates import in_range, out_of_range_message

DEFAULT_DAYS = 30
MAX_DAYS = 92  # a quarter: what one download of the per-day compliance may cover


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = {"start": data.get("from", ""), "end": data.get("to", "")}
        super().__init__(data, **kwargs)

    def _bounded(self, name):
        day = self.cleaned_data.get(name)
        if day is not None and not in_range(day):
            raise forms.ValidationError(out_of_range_message())
        return day

    def clean_start(self):
        return self._bounded("start")

    def clean_end(self):
        day = self._bounded("end")
        if day is not None and day > timezone.localdate():
            raise forms.ValidationError(_("The open data ends today: enter a day up to today."))
        return day

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self.add_error("start", _("The first day comes after the last day."))
            elif (end - start).days + 1 > MAX_DAYS:
                self.add_error(
                    "start",
                    _("One download covers at most %(days)s days: shorten the period.") % {"days": MAX_DAYS},
                )
        return cleaned

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The period asked (valid form) or the default: the 30 days up to today, or up to the last day."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or max(end - datetime.timedelta(days=DEFAULT_DAYS - 1), settings.DATE_MIN)
        if (end - start).days + 1 > MAX_DAYS:  # a first day alone, far back: the quarter from it
            end = start + datetime.timedelta(days=MAX_DAYS - 1)
        return start, end
