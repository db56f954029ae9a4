"""The rules of assigned work (clause 2 of 2629/UBND), each in its one service: who may assign to whom, the
review cycle, progress reports, and work that must not stall."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from staffing.assignments import selectors, services
from staffing.assignments.constants import Action, AssignmentStatus, Quality
from staffing.assignments.models import Assignment, StallThresholds
from staffing.registry.constants import Role
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db

D = datetime.date
MONDAY = D(2021, 6, 7)
FRIDAY = D(2021, 6, 11)


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Phòng Tư pháp")


@pytest.fixture
def head(agency):
    return user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")


@pytest.fixture
def staff(agency):
    return [
        StaffMemberFactory(agency=agency, full_name=name, user=UserFactory()) for name in ("Lê An", "Lê Bình")
    ]


def _assign(head, agency, lead, **overrides):
    values = {"title": "Thẩm định hồ sơ", "leads": [lead], "start_date": MONDAY, "due_date": FRIDAY}
    values.update(overrides)
    return services.assignment_create(agency=agency, actor=head, **values)


def _messages(error, field):
    return " ".join(error.value.message_dict[field])


def test_a_head_hands_the_same_task_to_several_people(head, agency, staff):
    created = _assign(head, agency, staff[0], leads=staff)
    assert [a.lead for a in created] == staff
    assert all(a.status == AssignmentStatus.ASSIGNED and a.assigned_by == head for a in created)
    assert created[0].history.latest().history_user == head


def test_an_assignee_of_another_agency_or_off_the_payroll_is_refused_at_the_field(head, agency, staff):
    outsider = StaffMemberFactory(agency=AgencyFactory(name="Phòng Y tế"), full_name="Trần Khác")
    with pytest.raises(ValidationError) as refused:
        _assign(head, agency, outsider)
    assert "Trần Khác không thuộc biên chế của Phòng Tư pháp" in _messages(refused, "leads")
    leaving = StaffMemberFactory(agency=agency, full_name="Lê Nghỉ", active_until=D(2021, 6, 9))
    with pytest.raises(ValidationError) as refused:
        _assign(head, agency, staff[0], supporters=[leaving])
    assert "Lê Nghỉ" in _messages(refused, "supporters") and "11/06/2021" in _messages(refused, "supporters")
    assert not Assignment.objects.exists()


def test_due_before_start_and_a_statutory_limit_without_its_law_are_refused(head, agency, staff):
    with pytest.raises(ValidationError) as refused:
        _assign(head, agency, staff[0], due_date=D(2021, 6, 4), statutory=True, legal_basis=" ")
    assert "không thể trước ngày bắt đầu (07/06/2021)" in _messages(refused, "due_date")
    assert "Điều 61 Luật Đất đai" in _messages(refused, "legal_basis")


def test_an_attachment_is_checked_by_its_content(head, agency, staff):
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        _assign(head, agency, staff[0], attachment=fake)
    assert "PDF, PNG hoặc JPEG" in _messages(refused, "attachment")


def test_only_the_agency_s_managers_assign(agency, staff):
    other_head = user_with_role(Role.AGENCY_HEAD, AgencyFactory(), username="truong-khac")
    with pytest.raises(PermissionDenied):
        _assign(other_head, agency, staff[0])
    with pytest.raises(PermissionDenied):
        _assign(staff[1].user, agency, staff[0])


def test_the_review_cycle_submit_return_with_a_comment_then_accept_with_a_rating(head, agency, staff):
    (assignment,) = _assign(head, agency, staff[0])
    lead = staff[0].user
    assert services.allowed_actions(assignment, lead) == [Action.START, Action.SUBMIT]
    services.progress_report(
        assignment=assignment, actor=lead, percent_complete=60, done="Đã rà soát.", day=MONDAY
    )
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent_complete, assignment.last_report_on) == (
        "in_progress",
        60,
        MONDAY,
    )
    services.assignment_act(assignment=assignment, actor=lead, action=Action.SUBMIT)
    with pytest.raises(ValidationError) as refused:
        services.assignment_act(assignment=assignment, actor=head, action=Action.RETURN)
    assert "Nêu nội dung cần sửa" in _messages(refused, "comment")
    services.assignment_act(
        assignment=assignment, actor=head, action=Action.RETURN, comment="Bổ sung số liệu."
    )
    assignment.refresh_from_db()
    assert (
        assignment.status == AssignmentStatus.IN_PROGRESS and assignment.review_comment == "Bổ sung số liệu."
    )
    services.assignment_act(assignment=assignment, actor=lead, action=Action.SUBMIT)
    with pytest.raises(ValidationError) as refused:
        services.assignment_act(assignment=assignment, actor=head, action=Action.ACCEPT)
    assert "chất lượng" in _messages(refused, "quality")
    services.assignment_act(assignment=assignment, actor=head, action=Action.ACCEPT, quality=Quality.EXCEEDS)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.quality, assignment.percent_complete) == (
        "accepted",
        "exceeds",
        100,
    )
    with pytest.raises(ValidationError) as refused:
        services.progress_report(assignment=assignment, actor=lead, percent_complete=100, done="Thêm.")
    assert "không còn báo cáo tiến độ" in _messages(refused, "assignment")


def test_nobody_reviews_their_own_work_or_reports_on_someone_else_s(agency, staff):
    head_member = StaffMemberFactory(agency=agency, full_name="Trưởng phòng", user=UserFactory())
    user_with_role(Role.AGENCY_HEAD, agency)  # another head assigns to the first
    head_user = head_member.user
    from staffing.registry.models import RoleAssignment

    RoleAssignment.objects.create(user=head_user, role=Role.AGENCY_HEAD, agency=agency)
    (own,) = services.assignment_create(
        agency=agency,
        actor=head_user,
        title="Việc của tôi",
        leads=[head_member],
        start_date=MONDAY,
        due_date=FRIDAY,
    )
    services.assignment_act(assignment=own, actor=head_user, action=Action.SUBMIT)
    with pytest.raises(ValidationError) as refused:
        services.assignment_act(assignment=own, actor=head_user, action=Action.ACCEPT, quality=Quality.MEETS)
    assert "tự đánh giá" in _messages(refused, "action")
    with pytest.raises(PermissionDenied):
        services.progress_report(
            assignment=own, actor=staff[1].user, percent_complete=10, done="Không phải việc tôi."
        )


def test_a_cancel_needs_its_reason_and_ends_the_work(head, agency, staff):
    (assignment,) = _assign(head, agency, staff[0])
    with pytest.raises(ValidationError):
        services.assignment_act(assignment=assignment, actor=head, action=Action.CANCEL, comment="")
    services.assignment_act(assignment=assignment, actor=head, action=Action.CANCEL, comment="Không còn cần.")
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.CANCELLED and assignment.cancel_reason == "Không còn cần."
    with pytest.raises(ValidationError) as refused:
        services.assignment_act(assignment=assignment, actor=head, action=Action.CANCEL, comment="Lần nữa.")
    assert "đã hủy" in _messages(refused, "action")


def test_statutory_work_due_soon_without_recent_reports_stalls_by_the_office_s_thresholds(
    head, agency, staff
):
    today = D(2021, 6, 14)  # a Monday
    (statutory,) = _assign(
        head,
        agency,
        staff[0],
        title="Trả lời kiến nghị",
        start_date=MONDAY,
        due_date=D(2021, 6, 16),
        statutory=True,
        legal_basis="Luật Tiếp công dân",
    )
    (ordinary,) = _assign(
        head, agency, staff[1], title="Việc thường", start_date=MONDAY, due_date=D(2021, 6, 16)
    )
    (late,) = _assign(head, agency, staff[1], title="Việc quá hạn", start_date=MONDAY, due_date=FRIDAY)
    services.progress_report(
        assignment=statutory,
        actor=staff[0].user,
        percent_complete=20,
        done="Đã phân loại.",
        day=D(2021, 6, 11),
    )
    stalling = set(Assignment.objects.filter(selectors.stalling_q(today)).values_list("title", flat=True))
    assert stalling == {"Trả lời kiến nghị", "Việc quá hạn"}  # reported 3 days ago; due in 2 working days
    StallThresholds.objects.create(due_within_working_days=3, silent_days=5)
    stalling = set(Assignment.objects.filter(selectors.stalling_q(today)).values_list("title", flat=True))
    assert stalling == {"Việc quá hạn"}
    rows = {a.title: f for a, f in selectors.board(agency, today=today)}
    assert rows["Việc quá hạn"].overdue and rows["Việc thường"].due_soon and not rows["Việc thường"].stalling
    assert [row["total"] for row in selectors.stalling_by_agency(today=today)] == [1]
    assert ordinary.pk


def test_the_office_alone_sets_the_thresholds_and_they_are_bounded(head):
    with pytest.raises(PermissionDenied):
        services.stall_thresholds_set(actor=head, due_within_working_days=4, silent_days=3)
    office = user_with_role(Role.DISTRICT_OFFICE)
    with pytest.raises(ValidationError):
        services.stall_thresholds_set(actor=office, due_within_working_days=4, silent_days=0)
    services.stall_thresholds_set(actor=office, due_within_working_days=4, silent_days=3)
    services.stall_thresholds_set(actor=office, due_within_working_days=5, silent_days=3)
    assert StallThresholds.objects.get().due_within_working_days == 5


def test_a_dossier_code_must_be_one_the_agency_received():
    from tests.tthc.dossiers.factories import district_under_2629, receive

    district = district_under_2629()
    other = district_under_2629(commune_name="UBND xã Phước Hiệp", statistics_code="27529")
    own_dossier, other_dossier = receive(district), receive(other)
    head = user_with_role(Role.COMMUNE_CHAIRMAN, district.commune, username="chu-tich")
    lead = StaffMemberFactory(agency=district.commune)
    with pytest.raises(ValidationError) as refused:
        _assign(head, district.commune, lead, dossier_code=other_dossier.code)
    assert other_dossier.code in _messages(refused, "dossier_code")
    (assignment,) = _assign(head, district.commune, lead, dossier_code=own_dossier.code)
    assert assignment.dossier_code == own_dossier.code


def test_the_form_counts_a_due_date_in_working_days(head, agency, staff, client):
    client.force_login(head)
    response = client.post(
        f"/assignments/agencies/{agency.pk}/new/",
        {
            "title": "Việc",
            "leads": [staff[0].pk],
            "start_date": "11/06/2021",
            "due_in_working_days": "2",
            "priority": "normal",
        },
    )
    assert response.status_code == 302
    assert Assignment.objects.get().due_date == D(2021, 6, 15)  # Friday + 2 working days, over the weekend
    response = client.post(
        f"/assignments/agencies/{agency.pk}/new/",
        {"title": "Việc", "leads": [staff[0].pk], "start_date": "11/06/2021", "priority": "normal"},
    )
    assert "số ngày làm việc" in response.context["form"].errors["due_date"][0]


def test_a_deputy_the_head_names_assigns_and_reviews_but_not_their_own_work(head, agency, staff):
    deputy_member, worker = staff
    with pytest.raises(PermissionDenied):
        services.deputy_name(agency=agency, actor=worker.user, member=deputy_member)
    services.deputy_name(agency=agency, actor=head, member=deputy_member)
    deputy = deputy_member.user
    (assignment,) = _assign(deputy, agency, worker)
    assert assignment.assigned_by == deputy
    services.assignment_act(assignment=assignment, actor=worker.user, action=Action.SUBMIT)
    services.assignment_act(assignment=assignment, actor=deputy, action=Action.ACCEPT, quality=Quality.MEETS)
    (own,) = _assign(head, agency, deputy_member)
    services.assignment_act(assignment=own, actor=deputy, action=Action.SUBMIT)
    with pytest.raises(ValidationError):
        services.assignment_act(assignment=own, actor=deputy, action=Action.ACCEPT, quality=Quality.MEETS)
    services.deputy_remove(deputy=deputy_member.deputy_of.get(), actor=head)
    with pytest.raises(PermissionDenied):
        _assign(deputy, agency, worker)


def test_a_deputy_needs_an_account_and_to_be_of_the_agency(head, agency):
    no_account = StaffMemberFactory(agency=agency, full_name="Lê Không Tài Khoản", user=None)
    with pytest.raises(ValidationError) as refused:
        services.deputy_name(agency=agency, actor=head, member=no_account)
    assert "tài khoản" in _messages(refused, "staff")
    outsider = StaffMemberFactory(agency=AgencyFactory(), user=UserFactory())
    with pytest.raises(ValidationError):
        services.deputy_name(agency=agency, actor=head, member=outsider)
