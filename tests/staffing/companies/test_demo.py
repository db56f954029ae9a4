"""The demo's companies: thirty invented ones in three communes, codes that pass the check, idempotent."""

import pytest

from staffing.companies import demo
from staffing.companies.models import Company
from staffing.companies.taxcodes import validate_tax_code
from staffing.registry import demo as registry_demo

pytestmark = pytest.mark.django_db


def test_demo_companies_are_valid_and_a_second_run_writes_nothing():
    registry_demo.seed(password="mat-khau-demo")
    demo.seed(password="mat-khau-demo")
    companies = list(Company.objects.select_related("commune"))
    assert len(companies) == 30
    assert len({c.commune_id for c in companies}) == 3
    assert all(c.commune.is_commune_level for c in companies)
    for company in companies:
        validate_tax_code(company.tax_code)
        assert company.tax_code.startswith("99")
        assert company.working_online <= company.workforce
    assert any(c.commune.statistics_code == "27526" for c in companies)  # the demo chairman's commune
    history = Company.history.count()
    demo.seed(password="mat-khau-demo")
    assert Company.objects.count() == 30 and Company.history.count() == history
