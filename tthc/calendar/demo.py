"""Demo calendar for `manage.py seed_demo`: the holidays and days off in lieu of 2021; idempotent."""

import datetime

from .constants import CalendarDayKind
from .models import CalendarDay
from .services import calendar_day_save

D = datetime.date
HOLIDAY, DAY_OFF = CalendarDayKind.PUBLIC_HOLIDAY, CalendarDayKind.COMPENSATORY_DAY_OFF
CALENDAR_2021 = [
    (D(2021, 1, 1), HOLIDAY, "Tết Dương lịch"),
    (D(2021, 2, 10), DAY_OFF, "Nghỉ Tết Nguyên đán (nghỉ bù)"),
    *[(D(2021, 2, day), HOLIDAY, "Tết Nguyên đán Tân Sửu") for day in range(11, 16)],
    (D(2021, 2, 16), DAY_OFF, "Nghỉ Tết Nguyên đán (nghỉ bù)"),
    (D(2021, 4, 21), HOLIDAY, "Giỗ Tổ Hùng Vương"),
    (D(2021, 4, 30), HOLIDAY, "Ngày Chiến thắng"),
    (D(2021, 5, 1), HOLIDAY, "Ngày Quốc tế Lao động"),
    (D(2021, 5, 3), DAY_OFF, "Nghỉ bù Ngày Quốc tế Lao động"),
    (D(2021, 9, 2), HOLIDAY, "Quốc khánh"),
    (D(2021, 9, 3), HOLIDAY, "Quốc khánh"),
]


def seed() -> None:
    stored = set(CalendarDay.objects.filter(date__year=2021).values_list("date", flat=True))
    for day, kind, name in CALENDAR_2021:
        if day not in stored:
            calendar_day_save(date=day, kind=kind, name=name)
