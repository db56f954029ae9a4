"""The head's week page in a real browser (Debian's chromium): set modes, watch the live summary, get the
refusal over the cap with nothing saved, then save within the cap; on a phone, one day at a time."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from staffing.registry.constants import Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.forms import cell_name
from staffing.workmodes.models import WorkMode
from tests.factories import AgencyFactory, StaffMemberFactory, WorkModePolicyFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONDAY = datetime.date(2021, 6, 7)
TUESDAY = MONDAY + datetime.timedelta(days=1)
PASSWORD = "matkhau-demo-123"


@pytest.fixture(scope="session", autouse=True)
def _database_before_the_browser(django_db_setup):
    """Create the test database before Playwright starts its event loop, in which Django refuses to."""


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    """allow_async_unsafe ends before pytest-django flushes the database after each test: keep the
    permission for the whole module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def week(allow_async_unsafe, live_server, page):
    WorkModePolicyFactory(directive__number="2629/UBND")
    agency = AgencyFactory(name="Phòng Kinh tế")
    staff = [
        StaffMemberFactory(agency=agency, full_name=name, position="Chuyên viên")
        for name in ("Lê Văn An", "Lê Văn Bình", "Lê Văn Cường", "Lê Văn Dũng")
    ]
    head = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong-kinh-te")
    head.set_password(PASSWORD)
    head.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", head.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/work-modes/agencies/{agency.pk}/week/?week=2021-W23")
    return page, staff


def monday_summary(page):
    return page.locator('#wm-head th[data-day-index="0"]')


def test_head_sets_modes_sees_the_live_summary_and_the_refusal(week):
    page, staff = week
    summary = monday_summary(page)
    expect(summary).to_contain_text("0/2 tại nhà")
    expect(summary).to_contain_text("4 người tính")

    page.select_option(f"select[name={cell_name(staff[0].pk, MONDAY)}]", WorkModeKind.REMOTE)
    expect(monday_summary(page)).to_contain_text("1/2 tại nhà")
    page.select_option(f"select[name={cell_name(staff[1].pk, MONDAY)}]", WorkModeKind.REMOTE)
    page.select_option(f"select[name={cell_name(staff[2].pk, MONDAY)}]", WorkModeKind.REMOTE)
    expect(monday_summary(page)).to_contain_text("3/2 tại nhà")
    expect(monday_summary(page)).to_contain_text("Vượt mức tối đa")
    expect(monday_summary(page)).to_have_attribute("data-over", "1")
    expect(page.locator("#wm-grid")).to_have_class(re.compile(r"\bwm-over-0\b"))
    assert not WorkMode.objects.exists()

    page.get_by_role("button", name="Lưu lịch tuần").click()
    expect(page.locator("#wm-errors")).to_contain_text(
        "Thứ Hai 07/06/2021: 3 người làm việc tại nhà, vượt mức tối đa 2 (1/2 của 4 người, Công văn 2629/UBND)"
    )
    assert not WorkMode.objects.exists()
    # Nothing the head typed is lost.
    for member in staff[:3]:
        expect(page.locator(f"select[name={cell_name(member.pk, MONDAY)}]")).to_have_value(
            WorkModeKind.REMOTE
        )

    page.select_option(f"select[name={cell_name(staff[2].pk, MONDAY)}]", WorkModeKind.ON_SITE)
    expect(monday_summary(page)).to_contain_text("2/2 tại nhà")
    expect(monday_summary(page)).to_have_attribute("data-over", "0")
    page.get_by_role("button", name="Lưu lịch tuần").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu lịch làm việc của tuần.")
    saved = dict(WorkMode.objects.values_list("staff_id", "mode"))
    assert saved == {
        staff[0].pk: WorkModeKind.REMOTE,
        staff[1].pk: WorkModeKind.REMOTE,
        staff[2].pk: WorkModeKind.ON_SITE,
    }


def test_on_a_phone_the_head_plans_one_day_at_a_time(week):
    page, staff = week
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("[data-wm-day='0']").click()
    monday_cell = page.locator(f"select[name={cell_name(staff[0].pk, MONDAY)}]")
    tuesday_cell = page.locator(f"select[name={cell_name(staff[0].pk, TUESDAY)}]")
    expect(monday_cell).to_be_visible()
    expect(tuesday_cell).to_be_hidden()

    page.locator("[data-wm-day='1']").click()
    expect(tuesday_cell).to_be_visible()
    expect(monday_cell).to_be_hidden()
    tuesday_cell.select_option(WorkModeKind.REMOTE)
    expect(page.locator('#wm-head th[data-day-index="1"]')).to_contain_text("1/2 tại nhà")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_every_cell_offers_every_mode_and_the_save_bar_names_a_day_over_the_cap(week):
    page, staff = week
    cell = page.locator(f"select[name={cell_name(staff[0].pk, MONDAY)}]")
    expect(cell.locator("option")).to_have_count(5)
    expect(page.locator("#wm-live")).to_be_hidden()
    for member in staff[:3]:
        page.select_option(f"select[name={cell_name(member.pk, MONDAY)}]", WorkModeKind.REMOTE)
    expect(page.locator("#wm-live")).to_be_visible()
    expect(page.locator("#wm-live")).to_contain_text("Vượt mức tối đa: T2 07/06")
    page.select_option(f"select[name={cell_name(staff[2].pk, MONDAY)}]", WorkModeKind.ON_SITE)
    expect(page.locator("#wm-live")).to_be_hidden()


def test_on_a_phone_the_refusal_and_the_save_button_stay_in_view(week):
    page, staff = week
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("[data-wm-day='0']").click()
    for member in staff[:3]:
        page.select_option(f"select[name={cell_name(member.pk, MONDAY)}]", WorkModeKind.REMOTE)
    expect(page.locator("#wm-live")).to_contain_text("T2 07/06")
    page.get_by_role("button", name="Lưu lịch tuần").click()
    expect(page.locator("#wm-errors")).to_be_in_viewport()
    page.mouse.wheel(0, 2000)
    expect(page.get_by_role("button", name="Lưu lịch tuần")).to_be_in_viewport()
    expect(page.locator("#wm-live")).to_contain_text("chưa lưu được gì, xem lý do")
    expect(page.locator("#wm-live")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
