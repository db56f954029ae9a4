"""The dashboard in Debian's chromium: the district office opens it from its home page, sees the charts at
desktop and phone width (no sideways scrolling), reads a chart's figures as a table, and drills down from
the agencies over the cap to the district table of the day and to one agency's day."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from staffing.registry.constants import AgencyKind, Role
from staffing.registry.models import StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from tests.factories import AgencyFactory, WorkModePolicyFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "matkhau-demo-123"


@pytest.fixture(scope="session", autouse=True)
def _database_before_the_browser(django_db_setup):
    """Create the test database before Playwright starts its event loop, in which Django refuses to."""


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def over_cap_today():
    """Phòng Tư pháp with both its staff at home today (written directly: a fixture, above the cap of 1)."""
    WorkModePolicyFactory()
    agency = AgencyFactory(name="Phòng Tư pháp", kind=AgencyKind.SPECIALISED_OFFICE)
    today = timezone.localdate()
    for number in range(2):
        member = StaffMember.objects.create(
            agency=agency, staff_code=f"TP-{number}", full_name=f"Cán bộ {number}", category="cadre"
        )
        WorkMode.objects.create(staff=member, agency=agency, day=today, mode=WorkModeKind.REMOTE)
    return agency


def log_in(browser, live_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "van-phong")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    return context, page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_office_sees_the_charts_and_drills_down_to_an_agency(
    allow_async_unsafe, live_server, browser, width
):
    agency = over_cap_today()
    office = user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    office.set_password(PASSWORD)
    office.save()

    context, page = log_in(browser, live_server, width)
    page.get_by_role("link", name="Mở bảng điều hành").click()
    expect(page.get_by_role("heading", name="Bảng điều hành của huyện")).to_be_visible()
    charts = page.locator(".dashboard-svg svg")
    expect(charts).to_have_count(6)
    for number in range(6):
        box = charts.nth(number).bounding_box()
        assert box["width"] > 0.7 * min(width, 600) and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    share = page.locator("#chart-remote_share")
    share.get_by_text("Số liệu dạng bảng").click()
    today_row = share.locator("details tbody tr").first
    expect(today_row).to_contain_text("100,0%")  # 2 of 2 at home
    expect(today_row).to_contain_text("50,0%")  # the cap, 1 of 2

    page.locator(".dashboard-glance a", has_text="cơ quan vượt mức tối đa").click()
    page.wait_for_url("**/work-modes/district/**")
    page.get_by_role("link", name="Phòng Tư pháp", exact=True).click()
    page.wait_for_url(f"**/work-modes/today/{agency.pk}/**")
    expect(page.locator("main")).to_contain_text("Phòng Tư pháp")
    context.close()
