"""Dossier codes are unique per agency and day even when 20 desks receive at the same moment."""

import datetime
import os
import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.dossiers.models import Dossier

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
# Skipped at collection, before pytest-django sets up (and later flushes) a transactional database.
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


def test_twenty_concurrent_intakes_get_twenty_distinct_consecutive_codes():
    district = district_under_2629()
    received_at = at(datetime.date(2021, 6, 7))
    barrier = threading.Barrier(THREADS)
    failures = []

    def desk(n):
        try:
            barrier.wait()
            receive(district, received_at=received_at, applicant_id_number=f"{n:012d}")
        except Exception as exc:  # any failure of a thread is reported by the assertion below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    codes = sorted(Dossier.objects.values_list("code", flat=True))
    assert codes == [f"27526-210607-{n:04d}" for n in range(1, THREADS + 1)]
