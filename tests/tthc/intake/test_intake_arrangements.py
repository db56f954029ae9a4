"""Clause 4 of 2629/UBND: each agency publishes how it receives dossiers, derived from the policy in force."""

import datetime

import pytest
from django.urls import reverse

from staffing.registry.constants import AgencyKind
from tests.factories import (
    AgencyFactory,
    DocumentFactory,
    ProcedureFactory,
    WorkModePolicyFactory,
    urgent_list_published,
)
from tthc.catalogue.selectors import agency_handles
from tthc.intake.rules import intake_rules
from tthc.intake.selectors import intake_arrangements

D = datetime.date
DAY = D(2021, 6, 10)
pytestmark = pytest.mark.django_db


@pytest.fixture
def commune():
    return AgencyFactory(
        name="UBND xã Phước Thạnh",
        kind=AgencyKind.COMMUNE_COMMITTEE,
        phone="028 3794 0000",
        email="phuocthanh@example.gov.vn",
    )


@pytest.fixture
def procedures():
    return {
        "birth": ProcedureFactory(code="1.001193", name="Đăng ký khai sinh", online_level=3),
        "marriage": ProcedureFactory(
            code="1.000894",
            name="Đăng ký kết hôn",
            online_level=2,
            postal_intake_accepted=False,
            postal_return_offered=False,
            result_in_person_by_law=True,
            in_person_legal_basis="Luật Hộ tịch",
        ),
        "permit": ProcedureFactory(code="1.009122", name="Cấp giấy phép xây dựng", level="district"),
    }


@pytest.fixture
def urgent_list(procedures):
    letter = DocumentFactory(number="2629/UBND")
    return urgent_list_published(
        procedures=[procedures["birth"]],
        effective_from=D(2021, 6, 4),
        directive=letter,
        conditions={"1.001193": "Trẻ mới sinh"},
    )


def test_without_a_policy_every_channel_is_open(commune, procedures, urgent_list):
    arrangements = intake_arrangements(commune, DAY)
    assert arrangements.policy is None
    assert not arrangements.in_person_restricted
    rows = {row.procedure.code: row for row in arrangements.procedures}
    assert set(rows) == {"1.001193", "1.000894"}  # district procedures are not the commune's
    assert rows["1.000894"].in_person and rows["1.001193"].in_person
    assert arrangements.channels == {"online": 1, "postal": 1, "in_person": 2}
    assert not arrangements.citizen_reception_suspended


def test_under_a_restricting_policy_in_person_is_only_for_the_urgent_list(commune, procedures, urgent_list):
    WorkModePolicyFactory(effective_from=D(2021, 6, 4))
    arrangements = intake_arrangements(commune, DAY)
    rows = {row.procedure.code: row for row in arrangements.procedures}
    assert rows["1.001193"].in_person and rows["1.001193"].urgent_item.conditions == "Trẻ mới sinh"
    assert not rows["1.000894"].in_person
    assert arrangements.channels["in_person"] == 1
    assert arrangements.citizen_reception_suspended and arrangements.inspections_restricted
    assert arrangements.free_postal_return


def test_a_policy_that_has_not_started_does_not_restrict(commune, procedures, urgent_list):
    WorkModePolicyFactory(effective_from=D(2021, 6, 20))
    assert not intake_arrangements(commune, DAY).in_person_restricted


def test_arrangements_read_a_fixed_number_of_queries(commune, urgent_list, django_assert_max_num_queries):
    for _ in range(20):
        ProcedureFactory()
    WorkModePolicyFactory(effective_from=D(2021, 6, 4))
    with django_assert_max_num_queries(4):
        intake_arrangements(commune, DAY)


def test_public_page_under_restriction(client, commune, procedures, urgent_list):
    policy = WorkModePolicyFactory(effective_from=D(2021, 6, 4))
    url = reverse("tthc:public-agency-arrangements", args=[commune.pk])
    page = client.get(url, {"date": "10/06/2021"}).content.decode()
    assert "UBND xã Phước Thạnh" in page
    assert "chỉ đối với các thủ tục thuộc Danh mục" in page
    assert "028 3794 0000" in page and "phuocthanh@example.gov.vn" in page
    assert "Tạm dừng tiếp công dân trực tiếp tại trụ sở từ ngày 04/06/2021." in page
    assert policy.directive.number in page


def test_public_page_without_a_policy(client, commune, procedures):
    page = client.get(reverse("tthc:public-agency-arrangements", args=[commune.pk])).content.decode()
    assert "mọi thủ tục, tại Bộ phận tiếp nhận và trả kết quả" in page
    assert "Tiếp công dân theo lịch thường lệ" in page


def test_the_index_links_every_active_agency(client, commune):
    closed = AgencyFactory(name="Đơn vị đã giải thể", is_active=False)
    page = client.get(reverse("tthc:public-agency-index")).content.decode()
    assert reverse("tthc:public-agency-arrangements", args=[commune.pk]) in page
    assert "Đơn vị đã giải thể" not in page
    assert client.get(reverse("tthc:public-agency-arrangements", args=[closed.pk])).status_code == 404


def test_the_public_home_page_shows_the_list_and_links_the_arrangements(client, procedures, urgent_list):
    page = client.get(reverse("public-home")).content.decode()
    assert reverse("tthc:public-agency-index") in page
    assert reverse("tthc:public-urgent-list") in page


def test_api_gives_the_arrangements(client, commune, procedures, urgent_list):
    WorkModePolicyFactory(effective_from=D(2021, 6, 4))
    data = client.get(reverse("api-agency-intake", args=[commune.pk]), {"date": "2021-06-10"}).json()
    channels = {c["channel"]: c for c in data["channels"]}
    assert channels["in_person"]["restricted_to_urgent_list"] and channels["in_person"]["procedures"] == 1
    assert channels["online"]["open"]
    assert data["urgent_list"] == {"version": 1, "effective_from": "2021-06-04"}
    assert (data["hotline"], data["email"]) == ("028 3794 0000", "phuocthanh@example.gov.vn")
    assert data["citizen_reception_suspended"] is True
    assert data["policy"]["directive"]["number"]


def test_api_answers_404_for_an_unknown_or_inactive_agency(client):
    closed = AgencyFactory(is_active=False)
    assert client.get(reverse("api-agency-intake", args=[closed.pk])).status_code == 404
    assert client.get(reverse("api-agency-intake", args=[999999])).status_code == 404


def test_api_answers_400_for_a_malformed_date(client, commune):
    response = client.get(reverse("api-agency-intake", args=[commune.pk]), {"date": "10/06/2021"})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["detail"]


def test_the_published_arrangements_and_the_intake_rules_agree(commune, procedures, urgent_list):
    # What the public page promises is what the one-stop desk may receive: one rule serves both.
    WorkModePolicyFactory(effective_from=D(2021, 6, 4))
    arrangements = intake_arrangements(commune, DAY)
    offered = {row.procedure.code for row in arrangements.procedures}
    assert offered == {p.code for p in procedures.values() if agency_handles(commune, p)}
    for row in arrangements.procedures:
        rules = intake_rules(agency=commune, procedure=row.procedure, day=DAY)
        published = {"online": row.online, "postal": row.postal, "in_person": row.in_person}
        assert {channel: rule.is_open for channel, rule in rules.channels.items()} == published


def test_the_arrangements_page_reads_plainly_and_links_the_look_up(client, commune, procedures, urgent_list):
    WorkModePolicyFactory(effective_from=D(2021, 6, 4))
    page = client.get(reverse("tthc:public-agency-arrangements", args=[commune.pk])).content.decode()
    assert "nộp được trực tuyến, trên Cổng dịch vụ công" in page
    assert "mức độ 3 hoặc 4" not in page and "điểm 3.1 b" not in page
    assert reverse("tthc:dossier-lookup") in page
