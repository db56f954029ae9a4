"""The inbox in Debian's chromium: the bell shows the unread count at desktop and phone width, opening a
notification reads it and leads to its page. SCREENSHOT_DIR=<folder> keeps the pictures."""

import os

import pytest
from playwright.sync_api import expect

from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.registry.constants import Role
from tests.factories import AgencyFactory, user_with_role

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


def _shot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def test_the_bell_and_the_inbox_at_desktop_and_phone_width(allow_async_unsafe, live_server, browser):
    agency = AgencyFactory(name="Phòng Tư pháp")
    head = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")
    head.first_name, head.last_name = "Trần Văn", "Trưởng"
    head.save()
    week = f"/work-modes/agencies/{agency.pk}/week/?week=2021-W23"
    notify(
        recipients=[head],
        kind=NotificationKind.NO_PLAN_TOMORROW,
        subject=f"agency:{agency.pk}",
        period="2021-06-09",
        title="Phòng Tư pháp: chưa có lịch làm việc ngày 09/06/2021",
        body="Chưa có ai trong số 4 cán bộ, công chức đang công tác được xếp lịch làm việc ngày 09/06/2021.",
        link=week,
    )
    notify(
        recipients=[head],
        kind=NotificationKind.TEAMS_TO_SUSPEND,
        subject=f"agency:{agency.pk}",
        period="2021-06-08",
        title="Phòng Tư pháp: 1 đoàn kiểm tra cần tạm dừng",
        body="Chính sách đang áp dụng hạn chế hoạt động thanh tra, kiểm tra: Kiểm tra công tác chứng thực.",
        link=f"/inspections/agencies/{agency.pk}/",
    )
    for width, height, name in ((1280, 800, "desktop"), (390, 844, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", "truong-phong")
        page.fill("input[name=password]", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url("**/home/")
        bell = page.locator("#notification-bell")
        expect(bell).to_be_visible()
        expect(bell).to_contain_text("2" if name == "desktop" else "1")
        _shot(page, f"bell-{name}")
        bell.click()
        expect(page.locator("h1")).to_have_text("Thông báo")
        expect(page.locator("#inbox .list-group-item")).to_have_count(2)
        _shot(page, f"inbox-{name}")
        if name == "desktop":
            page.get_by_role("link", name="Phòng Tư pháp: chưa có lịch làm việc ngày 09/06/2021").click()
            page.wait_for_url(f"**{week}")
            expect(page.locator("#notification-bell")).to_contain_text("1")
        context.close()
