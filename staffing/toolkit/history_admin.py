"""The admin's history pages, read by a Vietnamese administrator: each changed value shown as the product
shows it (dd/mm/yyyy, local time, choice labels, Có/Không) and an empty value as a dash, never "None"."""

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "" or getattr(value, "pk", 0) is None:
            return EMPTY
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, datetime.datetime):
            moment = timezone.localtime(value) if timezone.is_aware(value) else value
            return formats.date_format(moment, "d/m/Y H:i")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "d/m/Y")
        if getattr(field, "choices", None) and not isinstance(field, models.ForeignKey):
            return dict(field.flatchoices).get(value, value)
        return value


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history pages speak the product's language."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)
