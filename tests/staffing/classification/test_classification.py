"""The quarterly classification (clause 2 of 2629/UBND): figures from assigned work, reports and work modes;
the level the rule set in force suggests, at the edges of each threshold; the head confirms or overrides with
a reason, which freezes it; the office reopens; XLSX, printable page and API."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from staffing.assignments import services as work
from staffing.assignments.constants import Action, Quality
from staffing.classification import services
from staffing.classification.constants import Level
from staffing.classification.models import Classification, RuleSet
from staffing.classification.quarters import Quarter
from staffing.classification.selectors import Figures, counted, figures_for_agency, rule_set_for, suggest
from staffing.registry.constants import Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from tests.directives.factories import published_directive_with_policy
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db

D = datetime.date
Q2 = Quarter(2021, 2)


@pytest.fixture
def letter(db):
    """2629/UBND and its policy, in force from 04/06/2021: the first quarter counts from that day."""
    return published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))


@pytest.fixture
def rules(letter):
    return RuleSet.objects.create(name="Tiêu chí 2021", effective_from=D(2021, 6, 4))


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Phòng Tư pháp")


@pytest.fixture
def head(agency):
    return user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")


@pytest.fixture
def member(agency):
    return StaffMemberFactory(agency=agency, full_name="Lê Văn An", user=UserFactory())


def test_the_first_quarter_counts_from_the_letter_s_date(db):
    assert counted(Q2).start == D(2021, 4, 1)  # no policy yet: the calendar quarter
    published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    assert (counted(Q2).start, Q2.end, Q2.label) == (D(2021, 6, 4), D(2021, 6, 30), "Q2/2021")
    assert Quarter(2021, 3).start == D(2021, 7, 1)
    assert Quarter.parse("2021-Q5") is None and Quarter.parse("2021-Q3") == Quarter(2021, 3)


@pytest.mark.parametrize(
    ("figures", "level"),
    [
        (Figures(due=4, on_time=4, exceeds=2, meets=2, report_days=8, home_days=10), Level.EXCELLENT),
        (Figures(due=4, on_time=4, exceeds=1, meets=3, report_days=8, home_days=10), Level.GOOD),  # 25% < 50%
        (Figures(due=4, on_time=4, exceeds=2, meets=2, report_days=7, home_days=10), Level.DONE),  # 70% < 80%
        (Figures(due=4, on_time=4, exceeds=2, meets=1, below=1, report_days=8, home_days=10), Level.DONE),
        (Figures(due=10, on_time=7, late=3, meets=10), Level.DONE),  # 70% on time: the edge
        (Figures(due=10, on_time=6, late=4, meets=10), Level.NOT_DONE),
        (Figures(), Level.DONE),  # nothing due
    ],
)
def test_the_suggested_level_at_the_edges_of_each_threshold(rules, figures, level):
    assert suggest(figures, rules) == level


def test_a_changed_rule_set_applies_from_its_date(rules):
    stricter = RuleSet.objects.create(
        name="Tiêu chí quý 3", effective_from=D(2021, 7, 1), done_on_time_percent=80
    )
    figures = Figures(due=10, on_time=7, late=3, meets=10)
    assert rule_set_for(Q2) == rules and suggest(figures, rule_set_for(Q2)) == Level.DONE
    assert rule_set_for(Quarter(2021, 3)) == stricter and suggest(figures, stricter) == Level.NOT_DONE


def test_figures_come_from_the_work_the_reports_and_the_work_modes(rules, agency, head, member):
    (on_time,) = work.assignment_create(
        agency=agency,
        actor=head,
        title="Đúng hạn",
        leads=[member],
        start_date=D(2021, 6, 7),
        due_date=D(2021, 6, 11),
    )
    (late,) = work.assignment_create(
        agency=agency,
        actor=head,
        title="Trễ hạn",
        leads=[member],
        start_date=D(2021, 6, 7),
        due_date=D(2021, 6, 9),
    )
    work.assignment_create(
        agency=agency,
        actor=head,
        title="Còn mở",
        leads=[member],
        start_date=D(2021, 6, 7),
        due_date=D(2021, 6, 10),
    )
    work.progress_report(
        assignment=on_time, actor=member.user, percent_complete=50, done="Một nửa.", day=D(2021, 6, 8)
    )
    for assignment, handed_in, quality in (
        (on_time, D(2021, 6, 11), Quality.EXCEEDS),
        (late, D(2021, 6, 10), Quality.MEETS),
    ):
        work.assignment_act(assignment=assignment, actor=member.user, action=Action.SUBMIT, on=handed_in)
        work.assignment_act(
            assignment=assignment, actor=head, action=Action.ACCEPT, quality=quality, on=handed_in
        )
    for day, mode in (
        (D(2021, 6, 8), WorkModeKind.REMOTE),
        (D(2021, 6, 9), WorkModeKind.REMOTE),
        (D(2021, 6, 10), WorkModeKind.ON_SITE),
    ):
        WorkMode.objects.create(agency=agency, staff=member, day=day, mode=mode)
    f = figures_for_agency(agency, Q2)[member.pk]
    assert (f.due, f.on_time, f.late, f.open_past_due) == (3, 1, 1, 1)
    assert (f.exceeds, f.meets, f.below) == (1, 1, 0)
    assert (f.report_days, f.home_days, f.office_days, f.report_percent) == (1, 2, 1, 50)
    assert suggest(f, rules) == Level.NOT_DONE  # 33% on time


def test_the_head_confirms_or_overrides_with_a_reason_and_the_office_alone_reopens(
    rules, agency, head, member
):
    with pytest.raises(ValidationError) as refused:
        services.classification_confirm(member=member, quarter=Q2, actor=head, level=Level.GOOD)
    assert "lý do" in " ".join(refused.value.message_dict["reason"])
    confirmed = services.classification_confirm(
        member=member, quarter=Q2, actor=head, level=Level.GOOD, reason="Hoàn thành nhiệm vụ đột xuất."
    )
    assert (confirmed.suggested_level, confirmed.level, confirmed.frozen) == (Level.DONE, Level.GOOD, True)
    with pytest.raises(ValidationError) as refused:
        services.classification_confirm(member=member, quarter=Q2, actor=head, level=Level.DONE)
    assert "mở lại" in " ".join(refused.value.message_dict["level"])
    with pytest.raises(PermissionDenied):
        services.classification_reopen(classification=confirmed, actor=head, reason="Xin sửa.")
    office = user_with_role(Role.DISTRICT_OFFICE)
    services.classification_reopen(classification=confirmed, actor=office, reason="Thủ trưởng đề nghị sửa.")
    services.classification_confirm(member=member, quarter=Q2, actor=head, level=Level.DONE)
    confirmed.refresh_from_db()
    assert confirmed.level == Level.DONE and confirmed.history.count() == 3


def test_the_quarter_page_export_print_and_api(rules, agency, head, member):
    client = Client()
    client.force_login(head)
    url = reverse("classification:quarter", args=[agency.pk])
    page = client.get(url, {"quarter": "2021-Q2"}).content.decode()
    assert "Lê Văn An" in page and "Hoàn thành nhiệm vụ" in page and "04/06/2021 – 30/06/2021" in page
    response = client.post(
        reverse("classification:confirm", args=[agency.pk]),
        {"quarter": "2021-Q2", "staff": member.pk, "level": "excellent", "reason": ""},
    )
    assert response.status_code == 200 and "Nêu lý do" in response.content.decode()
    client.post(
        reverse("classification:confirm", args=[agency.pk]),
        {"quarter": "2021-Q2", "staff": member.pk, "level": "done"},
    )
    assert Classification.objects.get().level == Level.DONE
    export = client.get(reverse("classification:export", args=[agency.pk]), {"quarter": "2021-Q2"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sheet["A1"].value == "Họ và tên" and sheet["N2"].value == "Hoàn thành nhiệm vụ"
    printable = client.get(url, {"quarter": "2021-Q2", "print": "1"}).content.decode()
    assert "<table>" in printable and "Lê Văn An" in printable
    api = client.get(reverse("api-agency-classifications", args=[agency.pk]), {"quarter": "2021-Q2"}).json()
    assert api[0]["confirmed_level"] == "done" and api[0]["frozen"] is True
    assert (
        client.get(reverse("api-agency-classifications", args=[agency.pk]), {"quarter": "Q2"}).status_code
        == 400
    )
    own = Client()
    own.force_login(member.user)
    assert "Hoàn thành nhiệm vụ" in own.get(reverse("classification:mine")).content.decode()
    assert own.get(url, {"quarter": "2021-Q2"}).status_code == 404


def test_the_office_adds_a_rule_set_on_its_page_and_a_used_one_stays_as_it_was(rules, agency, head, member):
    office = Client()
    office.force_login(user_with_role(Role.DISTRICT_OFFICE))
    data = {
        "name": "Tiêu chí quý 4",
        "effective_from": "01/10/2021",
        "excellent_on_time_percent": "90",
        "excellent_exceeds_percent": "50",
        "good_on_time_percent": "95",
        "good_max_below": "0",
        "done_on_time_percent": "70",
        "report_percent": "80",
    }
    refused = office.post(reverse("classification:rules"), {**data, "excellent_on_time_percent": "90"})
    assert "excellent_on_time_percent" in refused.context["form"].errors
    assert (
        office.post(reverse("classification:rules"), {**data, "excellent_on_time_percent": "100"}).status_code
        == 302
    )
    assert rule_set_for(Quarter(2021, 4)).name == "Tiêu chí quý 4"
    services.classification_confirm(member=member, quarter=Q2, actor=head, level=Level.DONE)
    page = office.get(reverse("classification:rule_edit", args=[rules.pk])).content.decode()
    assert "dùng" in page and 'name="name"' not in page
    leadership = Client()
    leadership.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    assert "Tiêu chí quý 4" in leadership.get(reverse("classification:rules")).content.decode()
    assert leadership.post(reverse("classification:rules"), data).status_code == 404


def test_every_path_refuses_a_used_rule_set_or_levels_out_of_order(rules, agency, head, member):
    office = user_with_role(Role.DISTRICT_OFFICE)
    services.classification_confirm(member=member, quarter=Q2, actor=head, level=Level.DONE)
    rules.name = "Đổi tên"
    with pytest.raises(ValidationError) as refused:
        services.rule_set_save(actor=office, rule_set=rules)
    assert "bộ mới" in " ".join(refused.value.messages)
    admin = Client()
    admin.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    response = admin.post(
        reverse("admin:staffing_ruleset_add"),
        {
            "name": "Sai thứ tự",
            "effective_from": "01/10/2021",
            "excellent_on_time_percent": "80",
            "excellent_exceeds_percent": "50",
            "good_on_time_percent": "90",
            "good_max_below": "0",
            "done_on_time_percent": "70",
            "report_percent": "80",
        },
    )
    assert response.status_code == 200
    assert "không thể yêu cầu thấp hơn mức tốt" in response.content.decode()
    assert not RuleSet.objects.filter(name="Sai thứ tự").exists()
