"""The head's board and form, the staff member's own work and one-step report, the office's view, and the
API: the same services and refusals, Vietnamese at the field, 404 outside one's scope."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from staffing.assignments import services
from staffing.assignments.constants import Action, AssignmentStatus
from staffing.assignments.models import Assignment, ProgressReport
from staffing.registry.constants import Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Phòng Tư pháp")


@pytest.fixture
def head(agency):
    return user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")


@pytest.fixture
def member(agency):
    return StaffMemberFactory(
        agency=agency, full_name="Lê Văn An", user=UserFactory(), mobile_phone="0912345678"
    )


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def _form(member, today, **overrides):
    data = {
        "title": "Thẩm định hồ sơ khai sinh",
        "leads": [member.pk],
        "start_date": today.strftime("%d/%m/%Y"),
        "due_date": (today + datetime.timedelta(days=3)).strftime("%d/%m/%Y"),
        "priority": "normal",
    }
    data.update(overrides)
    return data


def test_the_head_assigns_from_the_form_and_refusals_come_back_at_their_field(head, agency, member, today):
    client = client_for(head)
    url = reverse("assignments:new", args=[agency.pk])
    response = client.post(url, _form(member, today, due_date="01/01/2021", statutory="on"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "không thể trước ngày bắt đầu" in errors["due_date"][0]
    assert "Điều 61 Luật Đất đai" in errors["legal_basis"][0]
    assert not Assignment.objects.exists()
    response = client.post(url, _form(member, today))
    assignment = Assignment.objects.get()
    assert response.status_code == 302 and response.url == reverse("assignments:detail", args=[assignment.pk])
    board = client.get(reverse("assignments:board", args=[agency.pk])).content.decode()
    assert "Thẩm định hồ sơ khai sinh" in board and "Lê Văn An" in board


def test_the_staff_member_reports_in_one_step_and_sees_only_their_own_work(head, agency, member, today):
    (mine,) = services.assignment_create(
        agency=agency, actor=head, title="Việc của An", leads=[member], start_date=today, due_date=today
    )
    colleague = StaffMemberFactory(agency=agency, user=UserFactory())
    services.assignment_create(
        agency=agency,
        actor=head,
        title="Việc của người khác",
        leads=[colleague],
        start_date=today,
        due_date=today,
    )
    client = client_for(member.user)
    home = client.get(reverse("home")).content.decode()
    assert "Việc của An" in home and "Việc của người khác" not in home
    page = client.get(reverse("assignments:mine")).content.decode()
    assert "Việc của An" in page and "Việc của người khác" not in page
    response = client.post(
        reverse("assignments:report", args=[mine.pk]), {"percent_complete": "150", "done": ""}
    )
    assert response.status_code == 200 and {"percent_complete", "done"} <= set(
        response.context["form"].errors
    )
    response = client.post(
        reverse("assignments:report", args=[mine.pk]), {"percent_complete": "40", "done": "Đã rà soát hồ sơ."}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.percent_complete) == (AssignmentStatus.IN_PROGRESS, 40)
    other = Assignment.objects.get(title="Việc của người khác")
    assert client.get(reverse("assignments:detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("assignments:report", args=[other.pk])).status_code == 404
    assert client.get(reverse("assignments:board", args=[agency.pk])).status_code == 404


def test_the_head_returns_then_accepts_on_the_page(head, agency, member, today):
    (assignment,) = services.assignment_create(
        agency=agency, actor=head, title="Báo cáo tuần", leads=[member], start_date=today, due_date=today
    )
    services.assignment_act(assignment=assignment, actor=member.user, action=Action.SUBMIT)
    client = client_for(head)
    url = reverse("assignments:act", args=[assignment.pk])
    response = client.post(url, {"action": "return", "comment": ""})
    assert response.status_code == 200 and "Nêu nội dung cần sửa" in response.content.decode()
    client.post(url, {"action": "return", "comment": "Bổ sung số liệu xã."})
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.IN_PROGRESS
    services.assignment_act(assignment=assignment, actor=member.user, action=Action.SUBMIT)
    client.post(url, {"action": "accept", "quality": "meets"})
    assignment.refresh_from_db()
    assert (assignment.status, assignment.quality) == (AssignmentStatus.ACCEPTED, "meets")


def test_home_workers_without_a_report_today_are_marked_on_the_board_and_the_today_page(
    head, agency, member, today
):
    reporter = StaffMemberFactory(agency=agency, full_name="Lê Thị Báo Cáo", user=UserFactory())
    for person in (member, reporter):
        WorkMode.objects.create(agency=agency, staff=person, day=today, mode=WorkModeKind.REMOTE)
    (assignment,) = services.assignment_create(
        agency=agency, actor=head, title="Việc", leads=[reporter], start_date=today, due_date=today
    )
    services.progress_report(assignment=assignment, actor=reporter.user, percent_complete=50, done="Đã làm.")
    client = client_for(head)
    board = client.get(reverse("assignments:board", args=[agency.pk])).content.decode()
    silent = board[board.index("Chưa báo cáo hôm nay") :][:400]
    assert "Lê Văn An" in silent and "Báo Cáo" not in silent
    today_page = client.get(reverse("work_modes:today", args=[agency.pk])).content.decode()
    assert today_page.count("chưa báo cáo hôm nay") == 1


def test_the_office_sees_stalling_work_per_agency_and_edits_the_thresholds(head, agency, member, today):
    services.assignment_create(
        agency=agency,
        actor=head,
        title="Quá hạn",
        leads=[member],
        start_date=today - datetime.timedelta(days=10),
        due_date=today - datetime.timedelta(days=1),
    )
    office = client_for(user_with_role(Role.DISTRICT_OFFICE))
    page = office.get(reverse("assignments:stalled")).content.decode()
    assert "Phòng Tư pháp" in page
    response = office.post(
        reverse("assignments:thresholds"), {"due_within_working_days": "5", "silent_days": "0"}
    )
    assert response.status_code == 200 and "silent_days" in response.context["form"].errors
    office.post(reverse("assignments:thresholds"), {"due_within_working_days": "5", "silent_days": "1"})
    assert "trong 5 ngày làm việc" in office.get(reverse("assignments:stalled")).content.decode()


def test_the_api_uses_the_same_services_and_scope(head, agency, member, today):
    api = client_for(head)
    url = reverse("api-agency-assignments", args=[agency.pk])
    bad = api.post(
        url,
        {"title": "Việc", "leads": [member.pk], "start_date": "2021-06-11", "due_date": "2021-06-07"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "không thể trước ngày bắt đầu" in bad.json()["due_date"][0]
    made = api.post(
        url,
        {
            "title": "Việc",
            "leads": [member.pk],
            "start_date": today.isoformat(),
            "due_date": today.isoformat(),
        },
        content_type="application/json",
    )
    assert made.status_code == 201
    pk = made.json()[0]["id"]
    assert [row["id"] for row in api.get(url).json()] == [pk]
    staff_api = client_for(member.user)
    assert [row["title"] for row in staff_api.get(reverse("api-my-assignments")).json()] == ["Việc"]
    report_url = reverse("api-assignment-reports", args=[pk])
    refused = staff_api.post(
        report_url, {"percent_complete": 30, "done": " "}, content_type="application/json"
    )
    assert refused.status_code == 400 and "done" in refused.json()
    sent = staff_api.post(
        report_url, {"percent_complete": 30, "done": "Đã làm."}, content_type="application/json"
    )
    assert sent.status_code == 201 and ProgressReport.objects.get().percent_complete == 30
    stranger = client_for(user_with_role(Role.AGENCY_HEAD, AgencyFactory(), username="truong-khac"))
    assert stranger.get(url).status_code == 404
    assert (
        stranger.post(
            report_url, {"percent_complete": 1, "done": "x"}, content_type="application/json"
        ).status_code
        == 404
    )


def test_a_long_board_is_paged_and_counts_all_its_stalling_work(head, agency, member, today):
    past = today - datetime.timedelta(days=3)
    for n in range(55):
        services.assignment_create(
            agency=agency,
            actor=head,
            title=f"Việc quá hạn {n:02d}",
            leads=[member],
            start_date=past,
            due_date=past,
        )
    client = client_for(head)
    url = reverse("assignments:board", args=[agency.pk])
    first = client.get(url, {"assignee": member.pk}).content.decode()
    assert first.count('href="/assignments/') - first.count('href="/assignments/agencies/') >= 50
    assert "55 nhiệm vụ quá hạn hoặc có nguy cơ chậm" in first and "Trang 1/2 (55 nhiệm vụ)" in first
    second = client.get(url, {"assignee": member.pk, "page": 2}).content.decode()
    assert "Trang 2/2" in second and second.count("Việc quá hạn") == 5


def test_the_api_names_nobody_of_another_agency_and_counts_working_days_like_the_form(head, agency, member):
    outsider = StaffMemberFactory(agency=AgencyFactory(name="Phòng Y tế"), full_name="Trần Người Ngoài")
    api = client_for(head)
    url = reverse("api-agency-assignments", args=[agency.pk])
    refused = api.post(
        url,
        {"title": "Việc", "leads": [outsider.pk], "start_date": "2021-06-11", "due_date": "2021-06-14"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["leads"] == [f"Không có cán bộ #{outsider.pk} tại Phòng Tư pháp."]
    assert "Trần Người Ngoài" not in refused.content.decode()
    made = api.post(
        url,
        {"title": "Việc", "leads": [member.pk], "start_date": "2021-06-11", "due_in_working_days": 2},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()[0]["due_date"] == "2021-06-15"


def test_a_deputy_uses_the_board_and_the_api_as_the_head_does(head, agency, member, today):
    deputy_member = StaffMemberFactory(agency=agency, full_name="Lê Phó", user=UserFactory())
    services.deputy_name(agency=agency, actor=head, member=deputy_member)
    deputy = client_for(deputy_member.user)
    assert deputy.get(reverse("assignments:board", args=[agency.pk])).status_code == 200
    made = deputy.post(
        reverse("api-agency-assignments", args=[agency.pk]),
        {
            "title": "Việc của phó",
            "leads": [member.pk],
            "start_date": today.isoformat(),
            "due_date": today.isoformat(),
        },
        content_type="application/json",
    )
    assert made.status_code == 201
    assert [
        row["title"] for row in deputy.get(reverse("api-agency-assignments", args=[agency.pk])).json()
    ] == ["Việc của phó"]
