"""Quarters as the classification counts them: "2021-Q2" in links, dd/mm/yyyy on pages. A quarter in which
the first work-mode policy took effect counts from that day (04/06/2021 under 2629/UBND, not 01/04/2021):
selectors.counted() reads that day from the policies and sets `counts_from`."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings

QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int
    counts_from: datetime.date | None = field(default=None, compare=False)

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
        return self.counts_from if self.counts_from and first <= self.counts_from <= self.end else first

    @property
    def end(self) -> datetime.date:
        if self.number == 4:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, 3 * self.number + 1, 1) - datetime.timedelta(days=1)

    def previous(self) -> "Quarter":
        year, number = (self.year - 1, 4) if self.number == 1 else (self.year, self.number - 1)
        return Quarter(year, number, self.counts_from)

    def next(self) -> "Quarter":
        year, number = (self.year + 1, 1) if self.number == 4 else (self.year, self.number + 1)
        return Quarter(year, number, self.counts_from)
