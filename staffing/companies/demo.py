"""Demo companies for `manage.py seed_demo`: ten invented companies in each of three communes of Củ Chi.

Names are made up; tax codes are built here (starting 99, which no province uses) so that they pass the
check digit yet belong to nobody. A second run finds every code in place and writes nothing.
"""

import datetime
import random

from staffing.registry.demo import mobile_number, synthetic_name
from staffing.registry.models import Agency

from .constants import Sector
from .models import Company
from .services import company_save
from .taxcodes import check_digit

# The communes' statistics codes: Phước Thạnh (the demo chairman's), Thị trấn Củ Chi, Tân Thạnh Đông.
COMMUNE_CODES = ("27526", "27496", "27547")

KINDS = [
    ("Công ty TNHH Bao bì", Sector.MANUFACTURING),
    ("Công ty Cổ phần Xây dựng", Sector.CONSTRUCTION),
    ("Công ty TNHH Thương mại", Sector.TRADE),
    ("Công ty TNHH Nhà hàng", Sector.FOOD_ACCOMMODATION),
    ("Công ty TNHH Vận tải", Sector.TRANSPORT),
    ("Hợp tác xã Nông nghiệp", Sector.AGRICULTURE),
    ("Công ty TNHH Dịch vụ", Sector.SERVICES),
    ("Công ty TNHH May mặc", Sector.MANUFACTURING),
    ("Công ty Cổ phần Chế biến Nông sản", Sector.AGRICULTURE),
    ("Doanh nghiệp tư nhân Cơ khí", Sector.MANUFACTURING),
]
WORDS = ["Sao Mai Lục", "Hòa Khánh Tiến", "Minh An Phúc", "Bình Tâm Lộc", "Thanh Vân Đạt"]
# (workforce, working online) per company, the share online ranging from none to most.
STAFFING = [(180, 20), (95, 10), (24, 12), (40, 0), (60, 6), (35, 0), (18, 15), (320, 16), (75, 5), (12, 0)]


def demo_tax_code(commune_index: int, serial: int) -> str:
    """99, the commune's index, a serial: the first code from there whose check digit is not 10."""
    number = 990_000_000 + commune_index * 10_000 + serial * 10
    while check_digit(f"{number:09d}") == 10:
        number += 1
    nine = f"{number:09d}"
    return nine + str(check_digit(nine))


def seed(*, password: str) -> list[dict]:
    communes = {a.statistics_code: a for a in Agency.objects.filter(statistics_code__in=COMMUNE_CODES)}
    stored = set(Company.objects.values_list("tax_code", flat=True))
    rng = random.Random(2629_5)  # the same invented contacts on every run
    for index, code in enumerate(COMMUNE_CODES):
        commune = communes.get(code)
        if commune is None:
            continue
        for serial, ((kind, sector), (workforce, online)) in enumerate(zip(KINDS, STAFFING, strict=True)):
            tax_code = demo_tax_code(index, serial)
            contact, phone = synthetic_name(rng), mobile_number(rng, 50_000 + index * 100 + serial)
            if tax_code in stored:
                continue
            closed = index == 1 and serial == 9  # one closed company shows the status
            company_save(
                commune=commune,
                name=f"{kind} {WORDS[(serial + index) % len(WORDS)]}",
                tax_code=tax_code,
                address=f"Ấp {serial % 5 + 1}, {commune.name.removeprefix('UBND ')}",
                sector=sector,
                workforce=workforce,
                working_online=online,
                contact_person=contact,
                contact_phone=phone,
                is_active=not closed,
                closed_on=datetime.date(2021, 5, 31) if closed else None,
            )
    return []
