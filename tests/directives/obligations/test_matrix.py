"""The office's matrix: agencies × obligations in a fixed number of queries."""

import datetime

import pytest

from directives.obligations import services
from directives.obligations.selectors import obligation_matrix
from staffing.registry.constants import AgencyKind, Role
from tests.directives.factories import ClauseFactory, ObligationFactory
from tests.factories import AgencyFactory, user_with_role

pytestmark = pytest.mark.django_db


def _obligations(count):
    clause = ClauseFactory(document__issued_on=datetime.date(2021, 6, 4))
    return [ObligationFactory(clause=clause, due_on=datetime.date(2021, 6, 8 + n)) for n in range(count)]


def test_matrix_states_pending_done_overdue():
    done_agency = AgencyFactory(name="A done")
    AgencyFactory(name="B late")
    commune = AgencyFactory(name="C commune", kind=AgencyKind.COMMUNE_COMMITTEE)
    head = user_with_role(Role.AGENCY_HEAD, done_agency)
    clause = ClauseFactory(document__issued_on=datetime.date(2021, 6, 4))
    offices_only = ObligationFactory(
        clause=clause, due_on=datetime.date(2021, 6, 10), agency_kinds=[AgencyKind.SPECIALISED_OFFICE]
    )
    services.obligation_acknowledge(
        obligation=offices_only,
        agency=done_agency,
        user=head,
        acknowledged_on=datetime.date(2021, 6, 7),
        method="meeting",
        evidence_text="x",
    )
    services.obligation_mark_done(obligation=offices_only, agency=done_agency, user=head)

    matrix = obligation_matrix(today=datetime.date(2021, 6, 12))
    cells = {row["agency"].name: [c and c.state for c in row["cells"]] for row in matrix["rows"]}
    assert cells == {"A done": ["done"], "B late": ["overdue"], "C commune": [None]}
    earlier = obligation_matrix(today=datetime.date(2021, 6, 9))
    late = {row["agency"].name: row["cells"] for row in earlier["rows"]}["B late"]
    assert [(c.state, c.acknowledged) for c in late] == [("pending", False)]
    assert [r["agency"] for r in obligation_matrix(kind=AgencyKind.COMMUNE_COMMITTEE)["rows"]] == [commune]


def test_matrix_page_queries_do_not_grow_with_agencies(office_client, django_assert_max_num_queries):
    _obligations(3)
    AgencyFactory.create_batch(3)
    with django_assert_max_num_queries(12) as few:
        assert office_client.get("/directives/obligations/matrix/").status_code == 200
    AgencyFactory.create_batch(40)
    _obligations(2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = office_client.get("/directives/obligations/matrix/")
    assert len(response.context["matrix"]["rows"]) == 43


def test_matrix_filtered_by_kind_on_the_page(office_client):
    AgencyFactory(name="UBND xã Thái Mỹ", kind=AgencyKind.COMMUNE_COMMITTEE)
    AgencyFactory(name="Phòng Kinh tế", kind=AgencyKind.SPECIALISED_OFFICE)
    _obligations(1)
    page = office_client.get("/directives/obligations/matrix/?kind=commune_committee").text
    assert "UBND xã Thái Mỹ" in page
    assert "Phòng Kinh tế" not in page


def test_head_cannot_open_the_matrix(head_client):
    assert head_client.get("/directives/obligations/matrix/").status_code == 404
