import pytest

from staffing.companies.models import Company
from staffing.companies.taxcodes import check_digit
from staffing.registry.constants import AgencyKind, Role
from tests.factories import AgencyFactory, user_with_role


def tax_code(serial: int) -> str:
    """A code built here (starting 98): passes the check digit, belongs to no real company."""
    number = 980_000_000 + serial * 10
    while check_digit(f"{number:09d}") == 10:
        number += 1
    nine = f"{number:09d}"
    return nine + str(check_digit(nine))


def make_company(commune, serial, **fields):
    values = {
        "name": f"Công ty TNHH Thử nghiệm {serial}",
        "tax_code": tax_code(serial),
        "sector": "manufacturing",
        "workforce": 100,
        "working_online": 25,
    }
    values.update(fields)
    return Company.objects.create(commune=commune, **values)


@pytest.fixture
def commune(db):
    return AgencyFactory(name="UBND xã Phước Thạnh", kind=AgencyKind.COMMUNE_COMMITTEE)


@pytest.fixture
def other_commune(db):
    return AgencyFactory(name="UBND xã Bình Mỹ", kind=AgencyKind.COMMUNE_COMMITTEE)


@pytest.fixture
def chairman(commune):
    return user_with_role(Role.COMMUNE_CHAIRMAN, commune, username="chu-tich")


@pytest.fixture
def other_chairman(other_commune):
    return user_with_role(Role.COMMUNE_CHAIRMAN, other_commune, username="chu-tich-khac")


@pytest.fixture
def chairman_client(client, chairman):
    client.force_login(chairman)
    return client
