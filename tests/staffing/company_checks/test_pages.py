"""The pages and API of the checks, as a commune chairman and the district office use them."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffing.company_checks.models import CompanyCheck, CriteriaSet, RiskBand
from staffing.company_checks.services import check_record
from staffing.registry.constants import Role
from tests.factories import user_with_role

from .factories import commune_setup, company, criteria

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def office(db):
    return user_with_role(Role.DISTRICT_OFFICE, username="van-phong")


@pytest.fixture
def world(office):
    w = commune_setup()
    w.set = criteria(office)
    w.other = commune_setup(name="UBND xã Tân An Hội", code="27532", username="chu-tich-2")
    return w


def record(w, *, company=None, commune=None, day=None, risk=(), outcome="passed", follow_up=None):
    commune = commune or w
    day = day or D(2021, 6, 10)
    return check_record(
        actor=commune.chairman,
        company=company or commune.company,
        checked_on=day,
        checked_by=commune.inspector,
        on_site_count=50,
        online_count=50,
        at_risk=list(risk),
        outcome=outcome,
        requested="" if outcome == "passed" else "Khắc phục",
        follow_up_on=follow_up,
    )


def check_form(w, **overrides):
    data = {
        "checked_on": "10/06/2021",
        "mode": "on_site",
        "checked_by": w.inspector.pk,
        "on_site_count": "30",
        "online_count": "70",
        "outcome": "remedy",
        "requested": "Bố trí khu vực sàng lọc tại cổng",
        "follow_up_on": "17/06/2021",
    }
    data.update(overrides)
    return data


def test_the_chairman_records_a_check_and_reads_its_risk_level(client, world):
    client.force_login(world.chairman)
    url = reverse("company_checks:check_new", args=[world.company.pk])
    page = client.get(url)
    assert "Tiêu chí 1" in page.content.decode()
    heavy = world.set.criteria.filter(weight=25).values_list("pk", flat=True)
    data = check_form(world, **{f"risk_{pk}": "on" for pk in heavy})  # 50 of 100
    response = client.post(url, data, follow=True)
    check = CompanyCheck.objects.get()
    assert (check.score, check.max_score, check.risk_level) == (50, 100, "Nguy cơ trung bình")
    body = response.content.decode()
    assert "Nguy cơ trung bình" in body and "17/06/2021" in body


def test_a_refused_check_says_why_at_the_field_in_vietnamese_and_saves_nothing(client, world):
    client.force_login(world.chairman)
    url = reverse("company_checks:check_new", args=[world.company.pk])
    response = client.post(url, check_form(world, on_site_count="60", online_count="50", requested=""))
    body = response.content.decode()
    assert response.status_code == 200
    assert "lớn hơn tổng số lao động" in body
    assert "Nêu những việc doanh nghiệp phải thực hiện." in body
    assert not CompanyCheck.objects.exists()


def test_another_commune_s_chairman_gets_404_for_every_page_of_a_commune(client, world):
    check = record(world, outcome="remedy", follow_up=D(2021, 6, 20))
    client.force_login(world.other.chairman)
    urls = [
        reverse("company_checks:commune", args=[world.commune.pk]),
        reverse("company_checks:follow_ups", args=[world.commune.pk]),
        reverse("company_checks:company", args=[world.company.pk]),
        reverse("company_checks:check_new", args=[world.company.pk]),
        reverse("company_checks:check", args=[check.pk]),
        reverse("company_checks:check_edit", args=[check.pk]),
        reverse("company_checks:district"),
        reverse("company_checks:criteria"),
        reverse("api-commune-checks", args=[world.commune.pk]),
        reverse("api-company-check", args=[check.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    closed = client.post(reverse("company_checks:follow_up_close", args=[check.pk]), {"note": "Xong"})
    assert closed.status_code == 404
    check.refresh_from_db()
    assert check.follow_up_open


def test_the_chairman_corrects_a_check_of_the_commune(client, world):
    check = record(world)
    client.force_login(world.chairman)
    url = reverse("company_checks:check_edit", args=[check.pk])
    response = client.post(url, check_form(world, outcome="passed", requested="", follow_up_on=""))
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.on_site_count, check.online_count) == (30, 70)
    world.company.refresh_from_db()
    assert world.company.working_online == 70


def test_follow_ups_page_lists_overdue_and_due_and_the_commune_closes_one(client, world):
    today = timezone.localdate()
    late = record(
        world,
        day=today - datetime.timedelta(days=9),
        outcome="remedy",
        follow_up=today - datetime.timedelta(days=2),
    )
    soon_company = company(world.commune, name="Công ty TNHH Sắp Đến Hạn")
    soon = record(
        world,
        company=soon_company,
        day=today - datetime.timedelta(days=1),
        outcome="violation",
        follow_up=today + datetime.timedelta(days=3),
    )
    client.force_login(world.chairman)
    body = client.get(reverse("company_checks:follow_ups", args=[world.commune.pk])).content.decode()
    overdue_part, due_part = body.split("Sắp đến hạn")
    assert world.company.name in overdue_part and soon_company.name in due_part
    home = client.get(reverse("home")).content.decode()
    assert "Theo dõi sau kiểm tra doanh nghiệp" in home and soon_company.name in home
    client.post(reverse("company_checks:follow_up_close", args=[late.pk]), {"note": "Đã khắc phục, có ảnh"})
    late.refresh_from_db()
    assert not late.follow_up_open and late.follow_up_note == "Đã khắc phục, có ảnh"
    assert soon.follow_up_open


def _district_world(world, office, companies_each):
    for _n in range(companies_each):
        for w in (world, world.other):
            c = company(w.commune, workforce=100, working_online=40)
            record(w, company=c, day=D(2021, 6, 8), outcome="remedy", follow_up=D(2021, 6, 20))
            record(
                w,
                company=c,
                day=D(2021, 6, 9),
                risk=world.set.criteria.filter(weight=25).values_list("pk", flat=True),
            )


def test_the_district_table_counts_each_company_s_latest_check_and_the_share_online(client, world, office):
    c2 = company(world.commune, workforce=100, working_online=0)
    record(world, day=D(2021, 6, 8), outcome="violation", follow_up=D(2021, 6, 15))
    record(world, day=D(2021, 6, 9))  # the latest: passed, 0 points
    record(
        world,
        company=c2,
        outcome="remedy",
        follow_up=D(2021, 6, 18),
        risk=world.set.criteria.filter(weight=25).values_list("pk", flat=True),
    )
    client.force_login(office)
    response = client.get(reverse("company_checks:district"))
    rows = {row.commune.pk: row for row in response.context["rows"]}
    row = rows[world.commune.pk]
    assert row.outcomes == {"passed": 1, "remedy": 1}
    assert row.risks == {"Rất ít nguy cơ": 1, "Nguy cơ trung bình": 1}
    # The register, as each company's latest check left it: 50 of 100 online in each.
    assert (row.companies, row.workforce, row.online, row.online_percent) == (2, 200, 100, 50)
    assert rows[world.other.commune.pk].checked == 0
    assert row.overdue == 1  # follow-up of 18/06/2021, long past


def test_the_district_xlsx_holds_the_table(client, world, office):
    record(world, outcome="remedy", follow_up=D(2021, 6, 18))
    client.force_login(office)
    response = client.get(reverse("company_checks:district_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    header = list(rows[0])
    assert header[:6] == [
        "Xã, thị trấn",
        "Doanh nghiệp đang hoạt động",
        "Đã kiểm tra",
        "Đạt",
        "Yêu cầu khắc phục",
        "Vi phạm",
    ]
    line = next(r for r in rows if r[0] == world.commune.name)
    assert line[1:6] == (1, 1, 0, 1, 0)
    assert line[header.index("Rất ít nguy cơ")] == 1
    assert line[header.index("Tỷ lệ trực tuyến (%)")] == 50


def test_the_district_table_takes_the_same_queries_with_few_or_many_checks(client, world, office):
    client.force_login(office)
    _district_world(world, office, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("company_checks:district"))
    _district_world(world, office, 6)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("company_checks:district"))
    assert response.context["totals"]["checked"] == 14
    assert len(many) == len(few)


def test_the_commune_page_takes_the_same_queries_with_few_or_many_companies(client, world, office):
    client.force_login(world.chairman)
    url = reverse("company_checks:commune", args=[world.commune.pk])
    _district_world(world, office, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _district_world(world, office, 6)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["page"].paginator.count == 8
    assert len(many) == len(few)


def test_the_office_adds_a_version_and_a_used_set_cannot_be_changed(client, world, office):
    record(world)
    client.force_login(office)
    edit = reverse("company_checks:criteria_edit", args=[world.set.pk])
    assert (
        client.post(
            edit, {"name": "Sửa", "effective_from": "04/06/2021", "criteria_text": "1 | A"}
        ).status_code
        == 404
    )
    response = client.post(
        reverse("company_checks:criteria"),
        {
            "name": "Bộ tiêu chí 2",
            "workplace_kind": "",
            "effective_from": "01/06/2021",
            "criteria_text": "2 | Khẩu trang",
        },
    )
    assert "Phiên bản mới phải có hiệu lực sau phiên bản trước (04/06/2021)." in response.content.decode()
    response = client.post(
        reverse("company_checks:criteria"),
        {
            "name": "Bộ tiêu chí 2",
            "workplace_kind": "",
            "effective_from": "01/07/2021",
            "criteria_text": "2 | Khẩu trang\n3 | Giãn cách",
        },
    )
    assert response.status_code == 302
    new = CriteriaSet.objects.get(name="Bộ tiêu chí 2")
    assert new.version == 2 and [(c.weight, c.text) for c in new.criteria.all()] == [
        (2, "Khẩu trang"),
        (3, "Giãn cách"),
    ]


def test_the_office_sets_the_bands_and_a_gap_is_refused(client, office):
    client.force_login(office)
    url = reverse("company_checks:bands")
    response = client.post(url, {"bands_text": "20 | Thấp\n70 | Trung bình"})
    assert "phải đạt 100%" in response.content.decode()
    assert not RiskBand.objects.exists()
    client.post(url, {"bands_text": "20 | Thấp\n70 | Trung bình\n100 | Cao"})
    assert list(RiskBand.objects.values_list("upper_percent", "label")) == [
        (20, "Thấp"),
        (70, "Trung bình"),
        (100, "Cao"),
    ]


def test_the_api_lists_creates_and_refuses_like_the_form(client, world):
    client.force_login(world.chairman)
    url = reverse("api-commune-checks", args=[world.commune.pk])
    body = {
        "company": world.company.pk,
        "checked_on": "2021-06-10",
        "checked_by": world.inspector.pk,
        "on_site_count": 20,
        "online_count": 80,
        "at_risk": list(world.set.criteria.filter(weight__in=(1, 2, 4, 8)).values_list("pk", flat=True)),
        "outcome": "remedy",
        "requested": "Tăng làm việc trực tuyến",
        "follow_up_on": "2021-06-17",
    }
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201, created.content
    assert (created.json()["score"], created.json()["risk_level"]) == (15, "Rất ít nguy cơ")
    refused = client.post(url, {**body, "follow_up_on": None}, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["follow_up_on"] == ["Nhập ngày xã kiểm tra lại."]
    foreign = client.post(url, {**body, "company": world.other.company.pk}, content_type="application/json")
    assert foreign.status_code == 400 and world.other.company.name not in foreign.content.decode()
    listed = client.get(url).json()
    assert [c["id"] for c in listed] == [created.json()["id"]]
    assert client.get(reverse("api-company-check", args=[listed[0]["id"]])).json()["answers"]
    sets = client.get(reverse("api-company-check-criteria")).json()
    assert sets[0]["criteria"][0]["weight"] == 1
    client.force_login(world.other.chairman)
    assert client.post(url, body, content_type="application/json").status_code == 404
    assert CompanyCheck.objects.count() == 1
