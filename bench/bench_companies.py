"""The commune's register of companies (clause 5) at 50 vs 2,000 companies: the register page, a search on it
and the XLSX export, as the commune chairman opens them.

The floor is the run at 50 companies (one full page of 50 rows): the page reads a fixed number of queries
whatever the register's size, so the query ratio at 2,000 should stay 1.00, and its time should approach
the floor's (only the count and the sums run over the whole register). The export writes every row, so its
time floor is 40× the time at 50.
"""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from bench.bench_work_modes import make_agency, timed
from bench.tables import Table
from staffing.companies.constants import Sector
from staffing.companies.models import Company
from staffing.companies.taxcodes import check_digit
from staffing.registry.constants import AgencyKind, Role
from staffing.registry.models import RoleAssignment

SIZES = (50, 2000)


def _tax_code(serial: int) -> str:
    number = 960_000_000 + serial * 10
    while check_digit(f"{number:09d}") == 10:
        number += 1
    nine = f"{number:09d}"
    return nine + str(check_digit(nine))


def _seed(size: int, first_serial: int) -> Client:
    commune = make_agency(f"UBND xã Thử nghiệm {size}", kind=AgencyKind.COMMUNE_COMMITTEE)
    sectors = Sector.values
    Company.objects.bulk_create(
        [
            Company(
                commune=commune,
                name=f"Công ty TNHH Thử nghiệm {first_serial + n:05d}",
                tax_code=_tax_code(first_serial + n),
                sector=sectors[n % len(sectors)],
                workforce=10 + n % 300,
                working_online=(10 + n % 300) // 3,
                is_active=n % 17 != 0,
                closed_on=None if n % 17 else "2021-05-31",
            )
            for n in range(size)
        ],
        batch_size=1000,
    )
    chairman = get_user_model().objects.create_user(f"bench-chairman-{size}", password="x")
    RoleAssignment.objects.create(user=chairman, role=Role.COMMUNE_CHAIRMAN, agency=commune)
    client = Client()
    client.force_login(chairman)
    return client


def run():
    pages = {
        "register": reverse("companies:list"),
        "register, search and sector": reverse("companies:list") + "?q=C%C3%B4ng&sector=manufacturing",
        "XLSX export": reverse("companies:export"),
    }
    measured = {}
    for index, size in enumerate(SIZES):
        client = _seed(size, first_serial=index * 10_000)
        measured[size] = {name: timed(lambda url=url, c=client: c.get(url)) for name, url in pages.items()}
    table = Table(
        "Companies register of one commune: 50 vs 2,000 companies (floor: the run at 50)",
        ["page", "companies", "seconds", "time floor", "time ratio", "queries", "query floor", "query ratio"],
    )
    for name in pages:
        base_seconds, base_queries, _ = measured[SIZES[0]][name]
        for size in SIZES:
            seconds, queries, response = measured[size][name]
            assert response.status_code == 200, (name, size, response.status_code)
            floor = base_seconds * (size / SIZES[0] if name == "XLSX export" else 1)
            table.rows.append(
                [name, size, seconds, floor, seconds / floor, queries, base_queries, queries / base_queries]
            )
    return table
