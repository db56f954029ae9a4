"""Petition codes are unique per agency and day even when 20 citizens file at the same moment."""

import datetime
import os
import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from tests.tthc.reception.factories import at, commune_with_reception, file
from tthc.reception.models import Petition

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not ON_POSTGRES and not os.environ.get("REQUIRE_POSTGRES"), reason="row locks need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]
THREADS = 20


@pytest.fixture(autouse=True)
def _postgres_required():
    if connection.vendor != "postgresql":
        pytest.fail("PostgreSQL is required (REQUIRE_POSTGRES is set)")


def test_twenty_concurrent_filings_get_twenty_distinct_consecutive_codes():
    agency = commune_with_reception().agency
    filed_at = at(datetime.date(2021, 6, 7))
    barrier = threading.Barrier(THREADS)
    failures = []

    def citizen():
        try:
            barrier.wait()
            file(agency, filed_at=filed_at)
        except Exception as exc:  # any failure of a thread is reported by the assertion below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=citizen) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    codes = sorted(Petition.objects.values_list("code", flat=True))
    assert codes == [f"KN-27526-210607-{n:04d}" for n in range(1, THREADS + 1)]
