"""The calendar importer: next year's days matched by date, all or nothing."""

from django.utils.translation import gettext_lazy as _

from staffing.toolkit.importing import Column, Importer, Row

from .forms import CalendarDayRowForm
from .models import CalendarDay
from .services import calendar_day_save


class CalendarDayImporter(Importer):
    """Next year's holidays, days off in lieu and working Saturdays, as the government announces them."""

    columns = (
        Column(
            "date", _("Date"), required=True, aliases=("ngày",), example="01/01/2022", width=14, text=True
        ),
        Column(
            "kind",
            _("Kind of day"),
            required=True,
            aliases=("loại", "loại ngày"),
            example="Ngày lễ, Tết",
            width=30,
        ),
        Column(
            "name",
            _("Name"),
            aliases=("tên", "tên ngày", "tên ngày nghỉ", "ghi chú"),
            example="Tết Dương lịch",
            width=32,
        ),
    )
    row_form = CalendarDayRowForm
    natural_key = ("date",)

    def __init__(self, *, user=None):
        self.user = user

    def existing(self, keys):
        return {(day.date,): day for day in CalendarDay.objects.filter(date__in=[d for (d,) in keys])}

    def save_row(self, row: Row) -> str:
        _day, outcome = calendar_day_save(by=self.user, **row.data)
        return outcome
