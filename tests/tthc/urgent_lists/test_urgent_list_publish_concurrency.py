"""Office staff publishing several drafts at the same moment get distinct, consecutive version numbers.

There is no parent row to lock, so urgent_list_publish takes a PostgreSQL advisory lock; these tests skip
elsewhere, and fail instead when REQUIRE_POSTGRES is set (CI).
"""

import datetime
import os
import threading

import pytest
from django.db import connection, connections

from tests.factories import DocumentFactory, ProcedureFactory, UserFactory
from tthc.urgent_lists.models import UrgentList
from tthc.urgent_lists.services import urgent_list_create_draft, urgent_list_publish, urgent_list_set_items

THREADS = 12
DAY = datetime.date(2021, 6, 4)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only(db):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("REQUIRE_POSTGRES is set but the tests run on " + connection.vendor)
        pytest.skip("advisory locks need PostgreSQL (set DATABASE_URL=postgres://...)")


def test_concurrent_publications_get_distinct_consecutive_versions():
    user, letter, birth = UserFactory(), DocumentFactory(), ProcedureFactory()
    drafts = []
    for _ in range(THREADS):
        draft = urgent_list_create_draft(by=user, directive=letter)
        urgent_list_set_items(urgent_list=draft, items=[(birth, "")], by=user)
        drafts.append(draft)
    barrier = threading.Barrier(THREADS)
    failures = []

    def publish(draft):
        try:
            barrier.wait()
            urgent_list_publish(urgent_list=draft, effective_from=DAY, actor=user, today=DAY)
        except Exception as exc:  # a failed publication is what the test looks for
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    versions = sorted(UrgentList.objects.values_list("version", flat=True))
    assert versions == list(range(1, THREADS + 1))
