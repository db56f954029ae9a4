"""Open data (clause 4 of 2629/UBND): every registered file downloads as CSV and JSON, the descriptor
validates with frictionless against the files it describes, no file names a staff member, text that a
spreadsheet would evaluate is written as text, and a period outside the bounds is refused with its reason."""

import csv
import datetime
import io
import json

import frictionless
import pytest

from directives.opendata.registry import resources
from staffing.registry.models import StaffMember
from staffing.toolkit.throttles import OpenDataThrottle
from tests.compliance_fixtures import TODAY, small_district
from tests.factories import ProcedureFactory, urgent_list_published

pytestmark = pytest.mark.django_db
PERIOD = {"from": "01/06/2021", "to": TODAY.strftime("%d/%m/%Y")}


@pytest.fixture
def district(db):
    district = small_district()
    formula = ProcedureFactory(code="2.000001", name='=HYPERLINK("http://x","Bấm")', field="@SUM(A1)")
    urgent_list_published(
        procedures=[formula], effective_from=datetime.date(2021, 6, 7), conditions={formula.code: "-2+3"}
    )
    return district


def _csv(client, name, **query):
    response = client.get(f"/open-data/{name}.csv", query or PERIOD)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # spreadsheets read the Vietnamese as UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_descriptor_validates_against_every_file_it_describes(client, district, tmp_path):
    descriptor = client.get("/open-data/datapackage.json")
    assert descriptor.status_code == 200
    package = descriptor.json()
    assert [r["name"] for r in package["resources"]] == [r.name for r in resources()]
    assert {r["name"] for r in package["resources"]} == {
        "urgent-list",
        "policies",
        "policies-in-force",
        "procedures",
        "intake-arrangements",
        "compliance",
    }
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        response = client.get(f"/open-data/{resource['path']}", PERIOD)
        assert response.status_code == 200
        (tmp_path / resource["path"]).write_bytes(response.content)
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert all(task.stats["rows"] > 0 for task in report.tasks)


def test_a_broken_file_fails_the_same_validation(client, district, tmp_path):
    package = client.get("/open-data/datapackage.json").json()
    package["resources"] = [r for r in package["resources"] if r["name"] == "compliance"]
    body = client.get("/open-data/compliance.csv", PERIOD).content.decode("utf-8-sig")
    (tmp_path / "compliance.csv").write_text(
        body.replace(",over_cap,", ",over_cap,x", 1).replace("\r\n2021-06-08,", "\r\n2021-06-31,", 1),
        encoding="utf-8-sig",
    )
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_compliance_per_agency_and_day_says_what_the_district_table_says(client, district):
    rows = {(r["day"], r["agency_name"]): r for r in _csv(client, "compliance")}
    over = rows[(TODAY.isoformat(), "Phòng Tư pháp")]
    assert (over["counted_staff"], over["at_home"], over["cap"], over["status"]) == (
        "2",
        "2",
        "1",
        "over_cap",
    )
    assert over["policy_directive"] == "2629/UBND"
    assert rows[(TODAY.isoformat(), "Phòng Y tế")]["status"] == "no_plan"
    assert rows[(TODAY.isoformat(), "Phòng Kinh tế")]["status"] == "within_cap"
    before = rows[("2021-06-01", "Phòng Kinh tế")]  # before 2629/UBND took effect: no cap
    assert before["cap"] == "" and before["policy_directive"] == ""
    days = {day for day, _agency in rows}
    assert min(days) == "2021-06-01" and max(days) == TODAY.isoformat() and len(days) == 8


def test_no_file_names_a_staff_member(client, district):
    names = list(StaffMember.objects.values_list("full_name", flat=True))
    assert names
    for resource in resources():
        for fmt in ("csv", "json"):
            body = client.get(f"/open-data/{resource.name}.{fmt}", PERIOD).content.decode("utf-8-sig")
            assert not [name for name in names if name in body], (resource.name, fmt)


def test_text_a_spreadsheet_would_evaluate_is_written_as_text_in_csv_and_json(client, district):
    (procedure,) = [r for r in _csv(client, "procedures") if r["code"] == "2.000001"]
    assert procedure["name"] == '\'=HYPERLINK("http://x","Bấm")' and procedure["field"] == "'@SUM(A1)"
    (item,) = [r for r in _csv(client, "urgent-list") if r["procedure_code"] == "2.000001"]
    assert item["conditions"] == "'-2+3"
    data = client.get("/open-data/procedures.json").json()["data"]
    assert next(r for r in data if r["code"] == "2.000001")["field"] == "'@SUM(A1)"


def test_urgent_list_versions_carry_the_days_they_were_in_force(client, district):
    rows = _csv(client, "urgent-list")
    first = {r["version"]: (r["effective_from"], r["effective_to"]) for r in rows}
    assert first["1"] == ("2021-06-04", "2021-06-06")  # until version 2 takes over on 07/06
    assert first["2"] == ("2021-06-07", "")


def test_intake_arrangements_apply_the_clause_3_1_rule_for_the_day_asked(client, district):
    rows = _csv(client, "intake-arrangements", to=TODAY.strftime("%d/%m/%Y"))
    commune = {r["procedure_code"]: r for r in rows if r["agency_name"] == "UBND xã Phước Thạnh"}
    assert commune["1.001193"]["online"] == "true" and commune["1.001193"]["in_person"] == "false"
    assert commune["2.000001"]["in_person"] == "true" and commune["2.000001"]["on_urgent_list"] == "true"
    assert "1.001612" not in commune  # handled by the specialised offices only
    assert {r["day"] for r in rows} == {TODAY.isoformat()}
    before = _csv(client, "intake-arrangements", to="01/06/2021")  # before the letter: every door open
    assert all(r["in_person"] == "true" for r in before if r["agency_name"] == "UBND xã Phước Thạnh")


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"from": "01/01/2021", "to": "30/06/2021"}, "Từ", "tối đa 92 ngày"),
        ({"from": "31/12/9999"}, "Từ", "01/01/2000"),
        ({"to": "01/01/0001"}, "Đến ngày", "01/01/2000"),
        ({"to": "x' OR 1=1"}, "Đến ngày", "Nhập một ngày hợp lệ"),
        ({"to": "31/12/2099"}, "Đến ngày", "đến hôm nay"),
        ({"from": "10/06/2021", "to": "01/06/2021"}, "Từ", "sau ngày cuối"),
    ],
)
def test_a_period_out_of_bounds_is_refused_with_its_reason(client, district, query, field, message):
    response = client.get("/open-data/compliance.csv", query)
    assert response.status_code == 400
    body = response.content.decode()
    assert body.startswith(field) and message in body, body
    page = client.get("/open-data/", query)
    assert page.status_code == 200 and message in page.content.decode()


def test_an_unknown_file_is_a_404(client, district):
    assert client.get("/open-data/staff.csv").status_code == 404
    assert client.get("/open-data/compliance.xlsx").status_code == 404


def test_the_public_page_lists_every_file_with_its_fields(client, district):
    page = client.get("/open-data/").content.decode()
    assert "Dữ liệu mở" in page and "datapackage.json" in page
    for resource in resources():
        assert f"/open-data/{resource.name}.csv" in page and f"/open-data/{resource.name}.json" in page
    assert "<code>at_home</code>" in page


def test_downloads_are_limited_per_client(client, district, monkeypatch):
    monkeypatch.setattr(OpenDataThrottle, "THROTTLE_RATES", {"open_data": "3/min"})
    codes = [client.get("/open-data/procedures.csv").status_code for _ in range(3)]
    refused = client.get("/open-data/datapackage.json")
    assert codes == [200, 200, 200] and refused.status_code == 429
    assert "vui lòng" in refused.content.decode().lower()
