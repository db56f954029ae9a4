"""Checks of one company recorded at the same moment by several people: each is saved, the open follow-up
is closed once, and the register keeps the online count of the latest check, whatever the order the
writers finish in. check_record locks the company's row; this runs on PostgreSQL."""

import datetime
import os
import threading

import pytest
from django.db import connection, connections

from staffing.company_checks.models import CompanyCheck
from staffing.company_checks.services import check_record
from staffing.registry.constants import Role
from tests.factories import user_with_role

from .factories import commune_setup, criteria

THREADS = 6
D = datetime.date

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only(db):
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("REQUIRE_POSTGRES is set but the tests run on " + connection.vendor)
        pytest.skip("the race needs PostgreSQL (set DATABASE_URL=postgres://...)")


def _record(world, day, online, **extra):
    return check_record(
        actor=world.chairman,
        company=world.company,
        checked_on=day,
        checked_by=world.inspector,
        on_site_count=0,
        online_count=online,
        outcome=extra.pop("outcome", "passed"),
        **extra,
    )


def test_checks_of_one_company_at_once_close_the_follow_up_once_and_leave_the_latest_count():
    world = commune_setup()
    criteria(user_with_role(Role.DISTRICT_OFFICE, username="van-phong"))
    first = _record(
        world, D(2021, 6, 5), 1, outcome="remedy", requested="Giãn cách", follow_up_on=D(2021, 6, 12)
    )
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            _record(world, D(2021, 6, 10 + index), 10 + index)
        except Exception as error:  # noqa: BLE001 - any failure must show in the assertion below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert CompanyCheck.objects.count() == THREADS + 1
    first.refresh_from_db()
    assert not first.follow_up_open and first.follow_up_check is not None
    closings = first.history.filter(follow_up_closed_on__isnull=False)
    assert closings.count() == 1, [h.follow_up_check_id for h in closings]
    world.company.refresh_from_db()
    assert world.company.working_online == 10 + THREADS - 1
