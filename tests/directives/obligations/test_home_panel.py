"""The head's home panel lists the open obligations of every agency they head."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from directives.obligations.panels import home_panels
from staffing.registry.constants import Role
from staffing.registry.roles import roles_for
from tests.directives.factories import ClauseFactory, ObligationFactory
from tests.factories import AgencyFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _obligation_panel(user):
    request = RequestFactory().get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        panels = home_panels(request, roles_for(user))
    panel = next(
        p for p in panels if p["template"] == "directives/obligations/panels/agency_obligations.html"
    )
    obligation_queries = [q for q in queries.captured_queries if 'FROM "directives_obligation"' in q["sql"]]
    return panel, len(obligation_queries)


def _head_of(*names):
    user = UserFactory()
    for name in names:
        RoleAssignmentFactory(user=user, role=Role.AGENCY_HEAD, agency=AgencyFactory(name=name))
    return user


def test_head_of_several_agencies_sees_each_ones_obligations_without_more_queries():
    ObligationFactory.create_batch(2, clause=ClauseFactory(document__issued_on=datetime.date(2021, 6, 4)))
    _one_panel, one = _obligation_panel(_head_of("Phòng Tư pháp"))
    panel, several = _obligation_panel(_head_of("Phòng Y tế", "Phòng Nội vụ", "Phòng Tài chính"))
    assert several == one
    assert [block["agency"].name for block in panel["agencies"]] == [
        "Phòng Nội vụ",
        "Phòng Tài chính",
        "Phòng Y tế",
    ]
    assert all(len(block["rows"]) == 2 for block in panel["agencies"])
