"""Two people registering one tax code at the same moment: one company is saved, the other gets the
message at the tax code (never a 500). The unique index decides; this runs on PostgreSQL."""

import os
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from staffing.companies.models import Company
from staffing.companies.services import company_save
from staffing.registry.constants import AgencyKind
from tests.factories import AgencyFactory

from .conftest import tax_code

THREADS = 8

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only(db):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("REQUIRE_POSTGRES is set but the tests run on " + connection.vendor)
        pytest.skip("the race needs PostgreSQL (set DATABASE_URL=postgres://...)")


def test_one_tax_code_saved_at_once_by_many_gives_one_company():
    communes = [AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE) for _ in range(2)]
    barrier = threading.Barrier(THREADS)
    outcomes = [None] * THREADS

    def worker(index):
        try:
            barrier.wait(timeout=30)
            company_save(
                commune=communes[index % 2], name=f"Công ty {index}", tax_code=tax_code(1), workforce=5
            )
            outcomes[index] = "saved"
        except ValidationError as error:
            outcomes[index] = "refused" if "tax_code" in error.message_dict else repr(error)
        except Exception as error:  # noqa: BLE001 - any other failure must show in the assertion below
            outcomes[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(outcomes) == ["refused"] * (THREADS - 1) + ["saved"]
    assert Company.objects.filter(tax_code=tax_code(1)).count() == 1
