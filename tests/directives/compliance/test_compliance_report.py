"""What the daily compliance report says about a small district (sections registered by each app)."""

import pytest

from directives.compliance.registry import build_report, next_working_day, registered_sections, render_report
from staffing.registry.constants import AgencyKind
from tests.compliance_fixtures import NEXT_DAY, TODAY, small_district
from tests.directives.factories import published_directive_with_policy

pytestmark = pytest.mark.django_db


def rows_of(content, key):
    (section,) = [s for s in content["sections"] if s["key"] == key]
    return section["rows"]


@pytest.fixture
def district():
    return small_district()


def test_every_app_registers_its_sections_in_reading_order():
    assert [section.key for section in registered_sections()] == [
        "policy_in_force",
        "work_mode_over_cap",
        "work_mode_no_plan",
        "planning_reminder_unreached",
        "obligations_overdue",
        "dossiers_overdue",
        "special_cases",
        "petitions",
        "inspection_teams",
        "inspection_teams_to_suspend",
        "inspection_teams_over_limit",
        "companies_per_commune",
        "company_checks",
    ]


def test_the_report_looks_ahead_to_the_next_working_day():
    assert next_working_day(TODAY) == NEXT_DAY
    friday = TODAY.replace(day=11)
    assert next_working_day(friday) == TODAY.replace(day=14)  # Monday
    assert next_working_day(TODAY.replace(day=12)) == TODAY.replace(day=14)  # from a Saturday


def test_agency_over_the_cap_is_listed_today_and_tomorrow(district):
    rows = rows_of(build_report(TODAY), "work_mode_over_cap")
    assert rows == [
        {
            "day": day.isoformat(),
            "agency": "Phòng Tư pháp",
            "counted": 2,
            "remote": 2,
            "cap": 1,
            "ratio": "1/2",
            "phone": "02837901111",
        }
        for day in (TODAY, NEXT_DAY)
    ]


def test_agency_without_a_plan_is_listed_but_not_an_agency_without_staff(district):
    rows = rows_of(build_report(TODAY), "work_mode_no_plan")
    assert [(row["day"], row["agency"], row["active"]) for row in rows] == [
        (TODAY.isoformat(), "Phòng Y tế", 3),
        (NEXT_DAY.isoformat(), "Phòng Y tế", 3),
    ]


def test_no_plan_is_not_reported_for_a_weekend_day(district):
    saturday = TODAY.replace(day=12)
    rows = rows_of(build_report(saturday), "work_mode_no_plan")
    assert {row["day"] for row in rows} == {TODAY.replace(day=14).isoformat()}  # Monday only


def test_overdue_obligation_is_listed_for_the_agency_that_has_not_done_it(district):
    rows = rows_of(build_report(TODAY), "obligations_overdue")
    assert rows == [
        {
            "agency": "Phòng Tư pháp",
            "overdue": 1,
            "oldest_due": district.obligation.due_on.isoformat(),
            "obligations": [f"Niêm yết danh mục thủ tục ({district.obligation.clause.document.number})"],
        }
    ]


def test_overdue_dossier_is_counted_per_agency(district):
    rows = rows_of(build_report(TODAY), "dossiers_overdue")
    assert rows == [
        {
            "agency": district.commune.name,
            "overdue": 1,
            "open": 2,
            "oldest_due": district.overdue_dossier.due_date.isoformat(),
        }
    ]


def test_special_case_received_in_person_today_is_listed_with_its_reason(district):
    (row,) = rows_of(build_report(TODAY), "special_cases")
    assert row == {
        "agency": district.commune.name,
        "code": district.special_case.code,
        "received": "10:15",
        "procedure": "1.001699 – Xác định mức độ khuyết tật",
        "reason": "Người dân cần kết quả gấp để hưởng trợ cấp",
    }
    assert rows_of(build_report(NEXT_DAY), "special_cases") == []


def test_policy_in_force_names_the_directive_and_its_share(district):
    (row,) = rows_of(build_report(TODAY), "policy_in_force")  # the next working day keeps it
    assert (row["day"], row["directive"], row["ratio"], row["kinds"]) == (
        TODAY.isoformat(),
        "2629/UBND",
        "1/2",
        [],
    )
    assert "in_person_intake_restricted" in row["measures"]


def test_a_policy_taking_effect_on_the_next_working_day_is_announced(district):
    published_directive_with_policy(
        number="2700/UBND",
        issued_on=NEXT_DAY,
        remote_cap_numerator=2,
        remote_cap_denominator=3,
        agency_kinds=[AgencyKind.COMMUNE_COMMITTEE],
    )
    rows = rows_of(build_report(TODAY), "policy_in_force")
    assert [(row["day"], row["directive"], row["kinds"]) for row in rows] == [
        (TODAY.isoformat(), "2629/UBND", []),
        (
            NEXT_DAY.isoformat(),
            "2629/UBND",
            [k for k in AgencyKind.values if k != AgencyKind.COMMUNE_COMMITTEE],
        ),
        (NEXT_DAY.isoformat(), "2700/UBND", [AgencyKind.COMMUNE_COMMITTEE]),
    ]


def test_before_any_policy_the_report_says_normal_operations(db):
    before = TODAY.replace(month=5)
    (row,) = rows_of(build_report(before), "policy_in_force")
    assert row == {"day": before.isoformat(), "kinds": [], "directive": None}
    (section,) = [s for s in render_report(build_report(before)).sections if s.key == "policy_in_force"]
    assert section.rows[0][1].text == "không có: hoạt động bình thường, không giới hạn"
    assert section.rows[0][2].text == "—"


def test_the_rendered_report_reads_in_vietnamese_with_dd_mm_yyyy_dates(district):
    report = render_report(build_report(TODAY))
    over_cap = next(s for s in report.sections if s.key == "work_mode_over_cap")
    assert over_cap.title == "Cơ quan, đơn vị vượt tỷ lệ làm việc tại nhà"
    assert over_cap.rows[0][0].text == "08/06/2021"
    assert report.findings == 2 + 2 + 1 + 1 + 1


def test_every_figure_says_what_it_counts(district, client):
    """A row is an agency on a day, or an agency holding several dossiers: the figure names both."""
    sections = {s.key: s for s in render_report(build_report(TODAY)).sections}
    assert sections["work_mode_over_cap"].label == "1 cơ quan (2 ngày)"
    assert sections["work_mode_no_plan"].label == "1 cơ quan (2 ngày)"
    assert sections["dossiers_overdue"].label == "1 hồ sơ quá hạn tại 1 cơ quan"


def test_an_overdue_count_adds_the_dossiers_of_every_agency():
    from directives.compliance.registry import agencies_and_days, total_at_agencies

    rows = [{"agency": f"UBND xã {n}", "overdue": n * 2} for n in range(1, 6)]
    assert total_at_agencies("overdue", "hồ sơ quá hạn")(rows) == "30 hồ sơ quá hạn tại 5 cơ quan"
    days = [{"agency": name, "day": day} for name in "ABCD" for day in ("2021-06-07", "2021-06-08")]
    assert agencies_and_days(days) == "4 cơ quan (8 ngày)"
