"""The agency's pages, the district office's view and its XLSX, the admin and the API: the same service and
the same refusals (at the participants field, naming the cap, the clause and the directive), 404 across
agencies. The policy here is 2629/UBND until further notice, so it is in force today."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffing.inspections.constants import Necessity, TeamStatus
from staffing.inspections.models import InspectionTeam
from staffing.registry.constants import Role
from staffing.workmodes.services import work_modes_set
from tests.factories import UserFactory, user_with_role

from .helpers import make_team, people, policy_2629

pytestmark = pytest.mark.django_db

CAP_WORDS = ("Tối đa 5 người", "mục 2 Công văn 2629/UBND")


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def policy(db):
    return policy_2629(until=None)


@pytest.fixture
def staff(agency):
    return people(agency, 6)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def _period(today):
    return {"planned_start": today, "planned_end": today + datetime.timedelta(days=4)}


def _form(staff, today, **overrides):
    data = {
        "kind": "inspection",
        "subject": "Thanh tra giải quyết khiếu nại",
        "inspected_organisation": "UBND xã An Nhơn Tây",
        "decision_number": "46/QĐ-PTP",
        "decision_date": today.strftime("%d/%m/%Y"),
        "planned_start": today.strftime("%d/%m/%Y"),
        "planned_end": (today + datetime.timedelta(days=4)).strftime("%d/%m/%Y"),
        "necessity": "necessary",
        "necessity_reason": "Khiếu nại sắp hết thời hạn giải quyết.",
        "participants": [m.pk for m in staff],
        "outsiders-TOTAL_FORMS": "2",
        "outsiders-INITIAL_FORMS": "0",
        "outsiders-0-full_name": "",
        "outsiders-0-organisation": "",
        "outsiders-1-full_name": "",
        "outsiders-1-organisation": "",
    }
    data.update(overrides)
    return data


def test_the_form_refuses_a_necessary_team_over_the_cap_at_the_participants_field(
    policy, head_client, agency, staff, today
):
    response = head_client.post(reverse("inspections:new", args=[agency.pk]), _form(staff, today))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["participants"])
    assert all(words in errors for words in CAP_WORDS)
    assert "Tối đa 5 người" in response.content.decode()
    assert not InspectionTeam.objects.exists()
    response = head_client.post(reverse("inspections:new", args=[agency.pk]), _form(staff[:4], today))
    team = InspectionTeam.objects.get()
    assert response.status_code == 302 and response.url == reverse("inspections:detail", args=[team.pk])
    assert team.participants.count() == 4


def test_outsider_rows_count_towards_the_cap(policy, head_client, agency, staff, today):
    data = _form(
        staff[:5],
        today,
        **{"outsiders-0-full_name": "Trần Minh Khoa", "outsiders-0-organisation": "Thanh tra huyện"},
    )
    response = head_client.post(reverse("inspections:new", args=[agency.pk]), data)
    assert "có 6 người" in " ".join(response.context["form"].errors["participants"])
    response = head_client.post(
        reverse("inspections:new", args=[agency.pk]), {**data, "participants": [staff[0].pk]}
    )
    assert response.status_code == 302
    assert [str(o) for o in InspectionTeam.objects.get().outsiders.all()] == [
        "Trần Minh Khoa (Thanh tra huyện)"
    ]


def test_the_head_sees_what_must_be_suspended_and_confirms_it_in_one_step(policy, head, agency, staff, today):
    team = make_team(agency, head, participants=staff[:2], **_period(today), decision_date=today)
    client = client_for(head)
    page = client.get(reverse("inspections:agency", args=[agency.pk])).content.decode()
    assert "Phải tạm dừng" in page and "Xác nhận tạm dừng" in page
    response = client.post(
        reverse("inspections:act", args=[team.pk]), {"action": "suspend", "next": "agency"}
    )
    assert response.url == reverse("inspections:agency", args=[agency.pk])
    team.refresh_from_db()
    assert team.status == TeamStatus.SUSPENDED
    assert (
        "Xác nhận tạm dừng"
        not in client.get(reverse("inspections:agency", args=[agency.pk])).content.decode()
    )
    response = client.post(reverse("inspections:act", args=[team.pk]), {"action": "resume"})
    assert "phải tạm dừng đến khi chính sách hết hiệu lực" in response.content.decode()
    team.refresh_from_db()
    assert team.status == TeamStatus.SUSPENDED


def test_the_home_page_counts_the_teams_a_head_must_suspend(policy, head, agency, staff, today):
    make_team(agency, head, participants=staff[:2], **_period(today), decision_date=today)
    page = client_for(head).get(reverse("home")).content.decode()
    assert "Đoàn phải tạm dừng · Phòng Tư pháp" in page


def test_a_participant_at_home_is_named_on_the_team_page_and_the_form(
    policy, head, agency, staff, today, office_user
):
    work_modes_set(agency=agency, entries=[(staff[0].pk, today, "remote")], actor=office_user)
    team = make_team(
        agency,
        head,
        participants=staff[:2],
        necessity=Necessity.NECESSARY,
        necessity_reason="Khiếu nại.",
        **_period(today),
        decision_date=today,
    )
    client = client_for(head)
    for url in (reverse("inspections:detail", args=[team.pk]), reverse("inspections:edit", args=[team.pk])):
        page = client.get(url).content.decode()
        assert (
            "Được bố trí làm việc tại nhà" in page
            and f"{staff[0].full_name} (Phòng Tư pháp): {today:%d/%m/%Y}" in page
        )


def test_another_agencys_people_get_404(policy, head, agency, other_agency, staff, today):
    team = make_team(agency, head, participants=staff[:2], **_period(today), decision_date=today)
    outsider = client_for(user_with_role(Role.AGENCY_HEAD, other_agency))
    for url in (
        reverse("inspections:agency", args=[agency.pk]),
        reverse("inspections:new", args=[agency.pk]),
        reverse("inspections:detail", args=[team.pk]),
        reverse("inspections:edit", args=[team.pk]),
    ):
        assert outsider.get(url).status_code == 404, url
    assert outsider.post(reverse("inspections:act", args=[team.pk]), {"action": "suspend"}).status_code == 404
    assert outsider.get(reverse("inspections:district")).status_code == 404
    assert client_for(UserFactory()).get(reverse("inspections:agency", args=[agency.pk])).status_code == 404
    team.refresh_from_db()
    assert team.status == TeamStatus.PLANNED


def test_the_office_filters_every_team_and_exports_them(
    policy, head, agency, other_agency, staff, office_client, today
):
    make_team(
        agency,
        head,
        participants=staff[:2],
        **_period(today),
        decision_date=today,
        subject="Kiểm tra chứng thực",
    )
    head_b = user_with_role(Role.AGENCY_HEAD, other_agency)
    make_team(
        other_agency,
        head_b,
        participants=people(other_agency, 1, "Y tế"),
        subject="Kiểm tra an toàn thực phẩm",
        planned_start=today + datetime.timedelta(days=30),
        planned_end=today + datetime.timedelta(days=32),
        decision_date=today,
    )
    url = reverse("inspections:district")
    page = office_client.get(url).content.decode()
    assert "Kiểm tra chứng thực" in page and "Kiểm tra an toàn thực phẩm" in page
    period = {
        "start": today.strftime("%d/%m/%Y"),
        "end": (today + datetime.timedelta(days=5)).strftime("%d/%m/%Y"),
    }
    page = office_client.get(url, period).content.decode()
    assert "Kiểm tra chứng thực" in page and "Kiểm tra an toàn thực phẩm" not in page
    page = office_client.get(url, {"agency": other_agency.pk}).content.decode()
    assert "Kiểm tra chứng thực" not in page and "Kiểm tra an toàn thực phẩm" in page
    assert (
        "Kiểm tra an toàn thực phẩm" not in office_client.get(url, {"status": "suspended"}).content.decode()
    )

    response = office_client.get(reverse("inspections:export"), period)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Cơ quan, đơn vị", "Loại", "Nội dung", "Đối tượng thanh tra, kiểm tra")
    assert len(rows) == 2
    assert rows[1][0] == "Phòng Tư pháp" and rows[1][2] == "Kiểm tra chứng thực"
    assert rows[1][6] == today.strftime("%d/%m/%Y") and rows[1][8] == 2
    assert rows[1][10] == "Chưa cần thiết" and rows[1][12] == "Đã lên kế hoạch"


def test_the_admin_saves_through_the_service_and_shows_the_cap_at_the_field(
    policy, agency, staff, today, client
):
    admin = UserFactory(username="quan-tri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    data = {
        "agency": agency.pk,
        "kind": "check",
        "subject": "Kiểm tra hộ tịch",
        "inspected_organisation": "UBND xã Trung An",
        "decision_number": "47/QĐ-PTP",
        "decision_date": today.strftime("%d/%m/%Y"),
        "planned_start": today.strftime("%d/%m/%Y"),
        "planned_end": today.strftime("%d/%m/%Y"),
        "necessity": "necessary",
        "necessity_reason": "Phản ánh của công dân.",
        "participants": [m.pk for m in staff],
        "outsiders-TOTAL_FORMS": "0",
        "outsiders-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:staffing_inspectionteam_add"), data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["participants"])
    assert all(words in errors for words in CAP_WORDS)
    assert not InspectionTeam.objects.exists()
    response = client.post(
        reverse("admin:staffing_inspectionteam_add"), {**data, "participants": [staff[0].pk]}
    )
    assert response.status_code == 302
    team = InspectionTeam.objects.get()
    assert team.history.get().history_change_reason == "create" and team.created_by == admin
    change = reverse("admin:staffing_inspectionteam_change", args=[team.pk])
    assert client.get(change).status_code == 200
    refused = client.post(change, {**data, "subject": "Kiểm tra hộ tịch (sửa)"})
    assert all(
        words in " ".join(refused.context["adminform"].form.errors["participants"]) for words in CAP_WORDS
    )
    team.refresh_from_db()
    assert (team.subject, team.participants.count()) == ("Kiểm tra hộ tịch", 1)
    assert client.post(change, {**data, "participants": [staff[1].pk]}).status_code == 302
    assert list(team.participants.all()) == [staff[1]]
    assert team.history.latest().history_change_reason == "edit"


def test_the_api_creates_refuses_acts_and_hides_other_agencies(
    policy, head, agency, other_agency, staff, today
):
    client = client_for(head)
    url = reverse("api-agency-inspection-teams", args=[agency.pk])
    body = {
        "kind": "inspection",
        "subject": "Thanh tra khiếu nại",
        "inspected_organisation": "UBND xã Tân An Hội",
        "decision_number": "48/QĐ-PTP",
        "decision_date": today.isoformat(),
        "planned_start": today.isoformat(),
        "planned_end": today.isoformat(),
        "necessity": "necessary",
        "necessity_reason": "Sắp hết thời hạn giải quyết.",
        "participants": [m.pk for m in staff],
        "outsiders": [],
    }
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 400
    assert all(words in " ".join(refused.json()["participants"]) for words in CAP_WORDS)
    created = client.post(url, {**body, "participants": [staff[0].pk]}, content_type="application/json")
    assert created.status_code == 201
    team_id = created.json()["id"]
    assert [t["id"] for t in client.get(url).json()] == [team_id]

    unnecessary = client.post(
        url,
        {**body, "necessity": "not_necessary", "participants": [staff[1].pk]},
        content_type="application/json",
    ).json()["id"]
    act = reverse("api-inspection-team-actions", args=[unnecessary])
    refused = client.post(act, {"action": "start"}, content_type="application/json")
    assert refused.status_code == 400 and "mục 2 Công văn 2629/UBND" in " ".join(refused.json()["action"])
    assert (
        client.post(act, {"action": "suspend"}, content_type="application/json").json()["status"]
        == "suspended"
    )

    outsider = client_for(user_with_role(Role.AGENCY_HEAD, other_agency))
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, body, content_type="application/json").status_code == 404
    assert outsider.get(reverse("api-inspection-team", args=[team_id])).status_code == 404
    assert (
        outsider.post(
            reverse("api-inspection-team-actions", args=[team_id]),
            {"action": "cancel"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert InspectionTeam.objects.get(pk=team_id).status == TeamStatus.PLANNED


def test_the_lists_read_the_same_number_of_queries_for_two_teams_or_eight(
    policy, head, agency, staff, office_user, today
):
    def counts():
        found = []
        for user, url in (
            (head, reverse("inspections:agency", args=[agency.pk])),
            (office_user, reverse("inspections:district")),
            (office_user, reverse("inspections:export")),
        ):
            client = client_for(user)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    for _ in range(2):
        make_team(agency, head, participants=staff[:2], **_period(today), decision_date=today)
    few = counts()
    for _ in range(6):
        make_team(
            agency,
            head,
            participants=staff[:3],
            outsiders=[{"full_name": "Trần Minh Khoa", "organisation": "Thanh tra huyện"}],
            **_period(today),
            decision_date=today,
        )
    assert counts() == few
