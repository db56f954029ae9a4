"""Checks of companies (clause 5) at a commune of 20 companies and 100 checks vs one of 2,000 companies and
10,000 checks (five per company): the district office's commune table and the commune's checks list (its
companies with their latest check, 50 a page).

The floor is the query count at the small commune: both pages read a fixed number of queries whatever the
numbers of companies and checks, so the ratio at the large one should stay 1.00. Time grows with the rows
the database aggregates (the table counts every company's latest check); the last column compares it with
100× the small commune's time, the rows being a hundred times as many.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from bench.bench_work_modes import make_agency, timed
from bench.tables import Table
from staffing.companies.constants import Sector
from staffing.companies.models import Company
from staffing.companies.taxcodes import check_digit
from staffing.company_checks.constants import DEFAULT_BANDS, Outcome
from staffing.company_checks.models import CompanyCheck, CriteriaSet, Criterion
from staffing.registry.constants import AgencyKind, Role, StaffCategory
from staffing.registry.models import RoleAssignment, StaffMember

CHECKS_EACH = 5
FIRST_DAY = datetime.date(2021, 6, 4)


def _tax_codes(start: int):
    number = start
    while True:
        nine = f"{number:09d}"
        if check_digit(nine) < 10:
            yield nine + str(check_digit(nine))
        number += 1


def _seed(companies: int, criteria_set, office, rng, codes) -> tuple:
    commune = make_agency(f"UBND xã Thử Nghiệm {companies}", kind=AgencyKind.COMMUNE_COMMITTEE)
    inspector = StaffMember.objects.create(
        agency=commune,
        staff_code=f"KT{companies}",
        full_name=f"Cán bộ kiểm tra {companies}",
        category=StaffCategory.CIVIL_SERVANT,
    )
    chairman = get_user_model().objects.create_user(f"bench-chairman-{companies}", password="x")
    RoleAssignment.objects.create(user=chairman, role=Role.COMMUNE_CHAIRMAN, agency=commune)
    Company.objects.bulk_create(
        [
            Company(
                commune=commune,
                name=f"Công ty TNHH Thử Nghiệm {companies}-{n:05d}",
                tax_code=next(codes),
                sector=rng.choice(Sector.values),
                workforce=(workforce := rng.randrange(10, 400)),
                working_online=rng.randrange(0, workforce),
            )
            for n in range(companies)
        ],
        batch_size=2000,
    )
    maximum = sum(criteria_set.criteria.values_list("weight", flat=True))
    checks = []
    for company in Company.objects.filter(commune=commune).only("pk", "workforce", "working_online"):
        for n in range(CHECKS_EACH):
            day = FIRST_DAY + datetime.timedelta(days=20 * n + rng.randrange(0, 15))
            outcome = rng.choice(Outcome.values)
            score = rng.randrange(0, maximum + 1)
            label = next(label for upper, label in DEFAULT_BANDS if score * 100 <= upper * maximum)
            checks.append(
                CompanyCheck(
                    company=company,
                    commune=commune,
                    checked_on=day,
                    checked_by=inspector,
                    on_site_count=company.workforce - company.working_online,
                    online_count=company.working_online,
                    criteria_set=criteria_set,
                    score=score,
                    max_score=maximum,
                    risk_level=label,
                    outcome=outcome,
                    requested="" if outcome == Outcome.PASSED else "Khắc phục",
                    follow_up_on=None if outcome == Outcome.PASSED else day + datetime.timedelta(days=7),
                    recorded_by=office,
                )
            )
    CompanyCheck.objects.bulk_create(checks, batch_size=5000)
    client = Client()
    client.force_login(chairman)
    return commune, client


def run():
    rng = random.Random(2629)
    office = get_user_model().objects.create_user("bench-office-checks", password="x")
    RoleAssignment.objects.create(user=office, role=Role.DISTRICT_OFFICE)
    criteria_set = CriteriaSet.objects.create(
        name="Bộ tiêu chí thử nghiệm", version=1, effective_from=FIRST_DAY
    )
    Criterion.objects.bulk_create(
        Criterion(criteria_set=criteria_set, position=n, text=f"Tiêu chí {n}", weight=rng.randrange(1, 5))
        for n in range(1, 11)
    )
    office_client = Client()
    office_client.force_login(office)
    codes = _tax_codes(980_000_000)
    measured = {}
    for companies in (20, 2000):
        commune, client = _seed(companies, criteria_set, office, rng, codes)
        commune_url = reverse("company_checks:commune", args=[commune.pk])
        district_url = reverse("company_checks:district")
        measured[companies] = {
            "district table (office)": timed(lambda c=office_client, u=district_url: c.get(u)),
            "commune's checks list": timed(lambda c=client, u=commune_url: c.get(u)),
        }
    table = Table(
        "Checks of companies: the commune's companies × 5 checks each (the district table counts all)",
        [
            "page",
            "companies",
            "checks",
            "seconds",
            "queries",
            "query floor (20)",
            "query ratio",
            "time ratio vs 100x",
        ],
    )
    for page in ("district table (office)", "commune's checks list"):
        base_seconds, base_queries, _ = measured[20][page]
        for companies in (20, 2000):
            seconds, queries, response = measured[companies][page]
            assert response.status_code == 200, (page, companies, response.status_code)
            table.rows.append(
                [
                    page,
                    companies,
                    companies * CHECKS_EACH,
                    seconds,
                    queries,
                    base_queries,
                    queries / base_queries,
                    seconds / (base_seconds * companies / 20),
                ]
            )
    return table
