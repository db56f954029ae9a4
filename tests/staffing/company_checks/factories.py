"""A commune with its chairman, staff, companies and the checklist, for the checks' tests."""

import datetime
from dataclasses import dataclass

from staffing.companies.services import company_save
from staffing.companies.taxcodes import check_digit
from staffing.company_checks.models import CriteriaSet
from staffing.company_checks.services import criteria_set_save
from staffing.registry.constants import AgencyKind, Role, StaffCategory
from staffing.registry.services import staff_member_save
from tests.factories import AgencyFactory, user_with_role

D = datetime.date
FIRST_DAY = D(2021, 6, 4)
# Ten criteria of weights 1..10 (sum 55) would not hit every edge; weights summing to 100 do: a set of
# criteria whose weights add up to any percent.
WEIGHTS = (1, 2, 4, 8, 15, 20, 25, 25)  # sum 100


def tax_code(n: int) -> str:
    """A valid code built from the published rule (never a real company's): distinct n, distinct codes."""
    for k in range(300_000_000 + 20 * n, 300_000_000 + 20 * n + 20):
        if check_digit(str(k)) < 10:
            return f"{k}{check_digit(str(k))}"
    raise AssertionError(n)


_counter = {"n": 0}


def company(commune, *, name=None, workforce=100, working_online=10, sector="manufacturing"):
    _counter["n"] += 1
    n = _counter["n"]
    return company_save(
        commune=commune,
        name=name or f"Công ty TNHH Thử Nghiệm {n}",
        tax_code=tax_code(n),
        sector=sector,
        workforce=workforce,
        working_online=working_online,
    ).company


def criteria(office, *, effective_from=FIRST_DAY, weights=WEIGHTS, name="Bộ tiêu chí nơi làm việc", kind=""):
    return criteria_set_save(
        actor=office,
        criteria_set=CriteriaSet(name=name, workplace_kind=kind, effective_from=effective_from),
        criteria=[(f"Tiêu chí {i}", w) for i, w in enumerate(weights, start=1)],
    )


@dataclass
class Commune:
    commune: object
    chairman: object
    inspector: object
    company: object


def commune_setup(name="UBND xã Phước Thạnh", code="27526", username="chu-tich") -> Commune:
    commune = AgencyFactory(name=name, kind=AgencyKind.COMMUNE_COMMITTEE, statistics_code=code)
    chairman = user_with_role(Role.COMMUNE_CHAIRMAN, commune, username=username)
    inspector = staff_member_save(
        agency=commune,
        staff_code=f"{code}-01",
        full_name=f"Trần Văn Kiểm {code}",
        category=StaffCategory.CIVIL_SERVANT,
        mobile_phone="0903" + code[-5:] + "1",
    )
    return Commune(commune, chairman, inspector, company(commune))
