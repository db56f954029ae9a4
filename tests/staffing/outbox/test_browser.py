"""The office reads the outbox in Debian's chromium at desktop and phone width and sends a failed e-mail
again; the screenshots go to var/screenshots for a look."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.registry.constants import Role
from tests.factories import user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "matkhau-demo-123"
SHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def _database_before_the_browser(django_db_setup):
    """Create the test database before Playwright starts its event loop, in which Django refuses to."""


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_office_sees_why_an_email_failed_and_retries_it(allow_async_unsafe, live_server, browser, width):
    user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    OutboxMessage.objects.create(
        key="a",
        kind="compliance_report",
        to="lanhdao@example.gov.vn",
        subject="[Huyện Củ Chi] Báo cáo tình hình thực hiện ngày 08/06/2021",
        body_text="x",
        status=Status.SENT,
        attempts=1,
    )
    OutboxMessage.objects.create(
        key="b",
        kind="planning_reminder",
        to="truong-phong-tu-phap@example.gov.vn",
        subject="Nhắc lập kế hoạch tuần sau",
        body_text="x",
        status=Status.FAILED,
        attempts=11,
        last_error="ConnectionRefusedError: [Errno 111] Connection refused",
    )
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "van-phong")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/staffing/outbox/")
    expect(page.get_by_role("heading", name="Hộp thư đi")).to_be_visible()
    expect(page.get_by_text("Connection refused")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"outbox-{width}.png"), full_page=True)
    page.get_by_role("button", name="Gửi lại ngay").click()
    expect(page.get_by_text("sẽ được gửi lại ngay")).to_be_visible()
    assert OutboxMessage.objects.get(key="b").status in (Status.PENDING, Status.SENDING, Status.SENT)
    context.close()
