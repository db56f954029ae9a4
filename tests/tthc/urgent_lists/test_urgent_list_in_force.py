"""Which version of the urgent in-person list is in force on a day (clause 3.1 of 2629/UBND)."""

import datetime

import pytest

from tests.factories import ProcedureFactory, urgent_list_published
from tthc.urgent_lists.models import UrgentList
from tthc.urgent_lists.selectors import urgent_item_for, urgent_list_in_force

D = datetime.date
pytestmark = pytest.mark.django_db


def test_no_list_means_none():
    assert urgent_list_in_force(D(2021, 6, 4)) is None
    assert urgent_item_for(ProcedureFactory(), D(2021, 6, 4)) is None


def test_a_list_published_for_a_later_date_does_not_apply_today():
    birth = ProcedureFactory(code="1.001193")
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 10))
    assert urgent_list_in_force(D(2021, 6, 4)) is None
    assert urgent_item_for(birth, D(2021, 6, 4)) is None
    assert urgent_item_for(birth, D(2021, 6, 10)) is not None


def test_a_new_version_supersedes_the_previous_from_its_date():
    birth = ProcedureFactory(code="1.001193")
    marriage = ProcedureFactory(code="1.000894")
    first = urgent_list_published(procedures=[birth, marriage], effective_from=D(2021, 6, 4))
    second = urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 15))
    assert urgent_list_in_force(D(2021, 6, 14)) == first
    assert urgent_list_in_force(D(2021, 6, 15)) == second
    assert urgent_item_for(marriage, D(2021, 6, 14)) is not None
    assert urgent_item_for(marriage, D(2021, 6, 15)) is None


def test_a_draft_is_never_in_force():
    birth = ProcedureFactory(code="1.001193")
    draft = urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4))
    UrgentList.objects.filter(pk=draft.pk).update(status="draft")
    assert urgent_list_in_force(D(2021, 6, 20)) is None


def test_the_item_carries_its_conditions():
    birth = ProcedureFactory(code="1.001193")
    urgent_list_published(
        procedures=[birth], effective_from=D(2021, 6, 4), conditions={"1.001193": "Trẻ sinh trong tháng"}
    )
    assert urgent_item_for(birth, D(2021, 6, 5)).conditions == "Trẻ sinh trong tháng"


def test_urgent_item_lookup_is_one_query(django_assert_num_queries):
    birth = ProcedureFactory(code="1.001193")
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4))
    with django_assert_num_queries(1):
        item = urgent_item_for(birth, D(2021, 6, 5))
        assert item.urgent_list.version == 1
