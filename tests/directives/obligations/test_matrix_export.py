"""The matrix as an XLSX workbook: the grid as on screen, and one row per agency and obligation with the
acknowledgement and evidence; text stays text (a title starting with "=" is no formula)."""

import datetime
import io

import openpyxl
import pytest

from directives.obligations import services
from staffing.registry.constants import AgencyKind
from tests.directives.factories import ClauseFactory, ObligationFactory
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

URL = "/directives/obligations/matrix/export/"


@pytest.fixture
def obligation(db):
    clause = ClauseFactory(
        document__number="2629/UBND", document__issued_on=datetime.date(2021, 6, 4), number="4"
    )
    return ObligationFactory(clause=clause, title="=1+1 Quán triệt", due_on=datetime.date(2021, 6, 8))


def _workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_office_downloads_the_matrix_with_each_agency_evidence(office_client, obligation, agency, head):
    services.obligation_acknowledge(
        obligation=obligation,
        agency=agency,
        user=head,
        acknowledged_on=datetime.date(2021, 6, 7),
        method="meeting",
        evidence_text="Biên bản họp số 12/BB-TP",
    )
    AgencyFactory(name="UBND xã An Phú", kind=AgencyKind.COMMUNE_COMMITTEE)
    workbook = _workbook(office_client.get(URL))
    grid, details = workbook.worksheets
    names = [grid.cell(row=r, column=1).value for r in range(4, grid.max_row + 1)]
    assert names == ["UBND xã An Phú", "Phòng Tư pháp"]
    assert "2629/UBND · 4" in grid.cell(row=3, column=3).value
    assert grid.cell(row=4, column=3).value == "Quá hạn"
    rows = {row[0]: row for row in details.iter_rows(min_row=4, values_only=True)}
    tu_phap = rows["Phòng Tư pháp"]
    assert tu_phap[3] == "=1+1 Quán triệt"
    assert tu_phap[6] == "07/06/2021"
    assert tu_phap[8] == "Biên bản họp số 12/BB-TP"
    assert details.cell(row=4, column=4).data_type == "s"


def test_export_follows_the_kind_filter(office_client, obligation, agency):
    AgencyFactory(name="UBND xã An Phú", kind=AgencyKind.COMMUNE_COMMITTEE)
    grid = _workbook(office_client.get(f"{URL}?kind=commune_committee")).worksheets[0]
    assert [grid.cell(row=r, column=1).value for r in range(4, grid.max_row + 1)] == ["UBND xã An Phú"]


def test_heads_cannot_download_the_matrix(head_client, obligation):
    assert head_client.get(URL).status_code == 404
