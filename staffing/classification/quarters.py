"""Quarters as the classification counts them: "2021-Q2" in links, dd/mm/yyyy on pages. The first quarter
under 2629/UBND starts on the letter's date (04/06/2021), not on 01/04/2021."""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings

QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
FIRST_DAY = datetime.date(2021, 6, 4)


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, value: str | None) -> "Quarter | None":
        match = QUARTER_RE.match((value or "").strip())
        if not match:
            return None
        quarter = cls(int(match[1]), int(match[2]))
        if not (quarter.end >= settings.DATE_MIN and quarter.start <= settings.DATE_MAX):
            return None
        return quarter

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        return f"Q{self.number}/{self.year}"

    @property
    def start(self) -> datetime.date:
        first = datetime.date(self.year, 3 * self.number - 2, 1)
        return FIRST_DAY if first <= FIRST_DAY <= self.end else first

    @property
    def end(self) -> datetime.date:
        if self.number == 4:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, 3 * self.number + 1, 1) - datetime.timedelta(days=1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
