"""The demo catalogue, the 2021 calendar and version 1 of the urgent list under 2629/UBND."""

import datetime

import pytest

from directives.documents.constants import DocumentStatus
from staffing.registry.constants import Role
from tests.factories import DocumentFactory, user_with_role
from tthc.calendar import demo as calendar_demo
from tthc.calendar.models import CalendarDay
from tthc.calendar.working_days import add_working_days
from tthc.catalogue import demo as catalogue_demo
from tthc.catalogue.models import Procedure
from tthc.urgent_lists import demo as urgent_list_demo
from tthc.urgent_lists.models import UrgentList

pytestmark = pytest.mark.django_db


def seed_catalogue():
    """The catalogue, the 2021 calendar and version 1 of the urgent list, in the order seed_demo runs them."""
    catalogue_demo.seed()
    calendar_demo.seed()
    urgent_list_demo.seed()


def test_without_2629_the_list_is_skipped_gracefully():
    seed_catalogue()
    assert Procedure.objects.count() == 12
    assert not UrgentList.objects.exists()


def test_demo_list_and_calendar_and_second_run_changes_nothing():
    user_with_role(Role.DISTRICT_OFFICE, username="vanphong")
    DocumentFactory(number="2629/UBND", status=DocumentStatus.PUBLISHED)
    seed_catalogue()
    counts = (Procedure.objects.count(), CalendarDay.objects.count(), UrgentList.objects.count())
    history = (Procedure.history.count(), UrgentList.history.count())
    seed_catalogue()
    assert (Procedure.objects.count(), CalendarDay.objects.count(), UrgentList.objects.count()) == counts
    assert (Procedure.history.count(), UrgentList.history.count()) == history

    urgent = UrgentList.objects.get()
    assert (urgent.version, urgent.effective_from, urgent.directive.number) == (
        1,
        datetime.date(2021, 6, 4),
        "2629/UBND",
    )
    codes = set(urgent.items.values_list("procedure__code", flat=True))
    assert codes == {"1.001193", "1.000656", "2.000815", "2.000884", "2.001019", "1.001699"}
    assert "1.000894" not in codes
    assert add_working_days(datetime.date(2021, 2, 9), 3) == datetime.date(2021, 2, 19)


def test_in_person_by_law_procedures_carry_their_legal_basis():
    seed_catalogue()
    by_law = Procedure.objects.filter(result_in_person_by_law=True)
    assert {"1.000894", "2.000884", "2.001019"} <= set(by_law.values_list("code", flat=True))
    assert all(p.in_person_legal_basis and not p.postal_return_offered for p in by_law)
