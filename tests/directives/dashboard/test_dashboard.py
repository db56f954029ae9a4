"""The district dashboard: today's figures built live, 30 days of trends from the stored reports, charts
with their tables, and only the district office and leadership see it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directives.compliance.charts import dashboard_charts
from directives.compliance.figures import build_figures
from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report
from directives.compliance.trends import trend
from staffing.assignments.models import Assignment, ProgressReport
from staffing.registry.constants import Role
from tests.compliance_fixtures import TODAY, report_readers, small_district
from tests.factories import AgencyFactory, UserFactory, user_with_role
from tests.tthc.dossiers.factories import at, receive
from tthc.intake.constants import Channel

pytestmark = pytest.mark.django_db

URL = "/dashboard/"


def test_the_days_figures_count_agencies_staff_and_dossiers_of_the_district():
    small_district()
    figures = build_figures(TODAY)
    # Phòng Tư pháp over the cap (2 at home, cap 1), Phòng Kinh tế within (1 counted, cap 0), Phòng Y tế
    # with no plan; the commune's overdue dossier and its special case received in person today.
    assert {key: figures[key] for key in figures if key.startswith(("agencies", "staff", "dossiers"))} == {
        "agencies_within_cap": 1,
        "agencies_over_cap": 1,
        "agencies_no_plan": 1,
        "staff_counted": 3,
        "staff_remote": 2,
        "staff_cap": 1,
        "dossiers_online": 0,
        "dossiers_postal": 0,
        "dossiers_in_person": 1,
        "dossiers_overdue": 1,
    }
    assert figures["special_cases"] == 1


def test_dossiers_are_counted_by_the_channel_they_came_in_on_the_day():
    district = small_district().tthc
    receive(district, channel=Channel.ONLINE, received_at=at(TODAY, 8))
    receive(district, channel=Channel.ONLINE, received_at=at(TODAY, 14))
    receive(district, channel=Channel.POSTAL, received_at=at(TODAY, 9))
    receive(district, channel=Channel.ONLINE, received_at=at(TODAY + datetime.timedelta(days=1), 8))
    figures = build_figures(TODAY)
    assert (figures["dossiers_online"], figures["dossiers_postal"], figures["dossiers_in_person"]) == (
        2,
        1,
        1,
    )


def test_progress_report_rate_counts_home_workers_who_reported_that_day():
    district = small_district()
    at_home = list(district.over_cap.staff.filter(work_modes__day=TODAY, work_modes__mode="remote"))
    assert len(at_home) == 2
    head = UserFactory(username="truong-phong-tp")
    assignment = Assignment.objects.create(
        agency=district.over_cap,
        title="Rà soát hồ sơ",
        assigned_by=head,
        lead=at_home[0],
        start_date=TODAY - datetime.timedelta(days=10),
        due_date=TODAY - datetime.timedelta(days=1),
    )
    ProgressReport.objects.create(
        assignment=assignment, staff=at_home[0], day=TODAY, percent_complete=40, done="Đã rà soát 20 hồ sơ"
    )
    figures = build_figures(TODAY)
    assert figures["home_workers"] == 2
    assert figures["home_workers_reported"] == 1
    assert figures["progress_report_rate"] == 50
    assert figures["assignments_overdue"] == 1


def test_a_weekend_day_has_no_agency_without_a_plan():
    small_district()
    assert build_figures(TODAY.replace(day=12))["agencies_no_plan"] is None  # Saturday


def test_the_stored_report_keeps_the_days_figures():
    small_district()
    content = build_report(TODAY)
    assert content["figures"]["agencies_over_cap"] == 1
    assert content["figures"]["dossiers_overdue"] == 1


def stored_report(day, **figures):
    return ComplianceReport.objects.create(
        day=day, built_at=timezone.now(), content={"day": day.isoformat(), "sections": [], "figures": figures}
    )


def test_the_trend_reads_stored_days_leaves_gaps_and_builds_today_live():
    small_district()
    stored_report(TODAY - datetime.timedelta(days=2), agencies_over_cap=4, staff_counted=10, staff_remote=6)
    stored_report(TODAY, agencies_over_cap=9)  # stored this morning: today is still read live
    days = trend(end=TODAY, today=TODAY, days=3)
    assert [day.day for day in days] == [TODAY - datetime.timedelta(days=n) for n in (2, 1, 0)]
    assert [day.get("agencies_over_cap") for day in days] == [4, None, 1]
    assert [day.stored for day in days] == [True, False, True]
    assert days[0].remote_percent == 60.0
    assert days[-1].live


def test_each_chart_is_an_svg_without_script_with_its_figures_as_a_table():
    small_district()
    stored_report(TODAY - datetime.timedelta(days=1), staff_counted=8, staff_remote=2, staff_cap=4)
    charts = {chart.key: chart for chart in dashboard_charts(trend(end=TODAY, today=TODAY, days=2))}
    assert set(charts) == {
        "remote_share",
        "agencies",
        "channels",
        "overdue_dossiers",
        "progress_reports",
        "overdue_assignments",
    }
    share = charts["remote_share"]
    assert share.svg.startswith("<svg ") and "<script" not in share.svg
    assert 'role="img"' in share.svg
    assert "07/06" in share.svg and "08/06" in share.svg  # dd/mm on the axis
    # Newest first: today live (2 of 3 counted at home, cap 1), then the stored day (2 of 8, cap 4).
    assert [(day.day, cells) for day, cells in share.rows] == [
        (TODAY, ["66,7%", "33,3%"]),
        (TODAY - datetime.timedelta(days=1), ["25,0%", "50,0%"]),
    ]


@pytest.fixture
def readers():
    return report_readers()


@pytest.mark.parametrize("who", ["office", "leader"])
def test_district_office_and_leadership_see_the_dashboard_in_vietnamese(client, readers, who):
    client.force_login(readers[who])
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bảng điều hành" in page
    assert page.count("<svg ") >= 6
    assert "Số liệu dạng bảng" in page
    assert reverse("work_modes:district") + "?day=" in page


@pytest.mark.parametrize(
    "role", [Role.AGENCY_HEAD, Role.COMMUNE_CHAIRMAN, Role.ONE_STOP_OFFICER, Role.STAFF_MEMBER]
)
def test_agency_roles_get_404(client, role):
    client.force_login(user_with_role(role, AgencyFactory()))
    assert client.get(URL).status_code == 404


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_home_page_of_the_office_links_to_the_dashboard(client, readers):
    client.force_login(readers["office"])
    assert URL in client.get(reverse("home")).content.decode()


def page_queries(client, agencies: int, days: int) -> int:
    today = timezone.localdate()
    for number in range(agencies):
        AgencyFactory(name=f"Xã {agencies}-{number:03d}")
    for offset in range(1, days + 1):
        day = today - datetime.timedelta(days=offset)
        content = build_report(day)
        ComplianceReport.objects.update_or_create(
            day=day, defaults={"built_at": timezone.now(), "content": content}
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_reads_as_many_queries_for_many_agencies_and_days_as_for_few(client, readers):
    client.force_login(readers["office"])
    few = page_queries(client, agencies=3, days=2)
    many = page_queries(client, agencies=40, days=29)
    assert few == many


def test_a_stored_reports_page_draws_the_trends_up_to_its_day(client, readers):
    small_district()
    stored_report(TODAY - datetime.timedelta(days=1), agencies_over_cap=3)
    ComplianceReport.objects.create(day=TODAY, built_at=timezone.now(), content=build_report(TODAY))
    client.force_login(readers["leader"])
    page = client.get(reverse("directives:compliance_detail", args=[TODAY.isoformat()])).content.decode()
    trends = page.split('id="trends"')[1]
    assert "30 ngày đến 08/06/2021" in trends
    assert trends.count("<svg ") == 6
    assert "10/05/2021" in trends and "09/05/2021" not in trends and "09/06/2021" not in trends


def test_the_report_and_the_live_figures_count_the_same_home_workers():
    """Inside build_report the home workers come from the day table the report already counted; alone,
    from their own query: both count staff on the payroll that day, by their own agency's plan, once."""
    from staffing.assignments.compliance import assignment_figures

    district = small_district()
    at_home = list(district.over_cap.staff.filter(work_modes__day=TODAY, work_modes__mode="remote"))
    leaver = at_home[1]
    leaver.active_until = TODAY - datetime.timedelta(days=1)  # left, a plan of the day left behind
    leaver.save()
    head = UserFactory(username="truong-phong-tp")
    assignment = Assignment.objects.create(
        agency=district.over_cap,
        title="Rà soát",
        assigned_by=head,
        lead=at_home[0],
        start_date=TODAY,
        due_date=TODAY,
    )
    for member in at_home:  # two reports of the day by the one still at home: counted once
        ProgressReport.objects.create(
            assignment=assignment, staff=member, day=TODAY, percent_complete=10, done="…"
        )
    ProgressReport.objects.create(
        assignment=assignment, staff=at_home[0], day=TODAY, percent_complete=20, done="Thêm"
    )
    alone = assignment_figures(TODAY)
    assert (alone["home_workers"], alone["home_workers_reported"]) == (1, 1)
    stored = build_report(TODAY)["figures"]
    assert (stored["home_workers"], stored["home_workers_reported"]) == (1, 1)
