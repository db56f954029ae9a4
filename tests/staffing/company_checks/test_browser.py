"""A commune chairman records a check in Debian's chromium from a phone-width page: the risk level moves as
the boxes are ticked, a missing follow-up date is refused at its field, and the saved check shows its level."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from staffing.company_checks.models import CompanyCheck
from staffing.registry.constants import Role
from tests.factories import user_with_role

from .factories import commune_setup, criteria

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


def test_a_chairman_records_a_check_and_sees_the_risk_level(allow_async_unsafe, live_server, browser):
    office = user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    world = commune_setup()
    checklist = criteria(office)
    world.chairman.set_password(PASSWORD)
    world.chairman.save()
    today = timezone.localdate()

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "chu-tich")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/company-checks/")
    page.get_by_role("link", name="Ghi nhận kiểm tra").first.click()
    page.fill("input[name=checked_on]", today.strftime("%d/%m/%Y"))
    page.select_option("select[name=checked_by]", str(world.inspector.pk))
    page.fill("input[name=on_site_count]", "30")
    page.fill("input[name=online_count]", "70")
    preview = page.locator("#risk-preview")
    expect(preview).to_contain_text("Rất ít nguy cơ")
    for criterion in checklist.criteria.filter(weight=25):  # 50 of 100 points
        page.check(f"input[name=risk_{criterion.pk}]")
    expect(preview).to_contain_text("Nguy cơ trung bình")
    expect(preview).to_contain_text("50/100")
    page.check("input[name=outcome][value=remedy]")
    page.fill("textarea[name=requested]", "Bố trí khu vực sàng lọc tại cổng")
    page.get_by_role("button", name="Lưu kết quả kiểm tra").click()
    expect(page.locator("#id_follow_up_on_error, .invalid-feedback").first).to_contain_text(
        "Nhập ngày xã kiểm tra lại"
    )
    assert not CompanyCheck.objects.exists()
    page.fill("input[name=follow_up_on]", (today + datetime.timedelta(days=7)).strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Lưu kết quả kiểm tra").click()
    expect(page.locator("#risk-level")).to_contain_text("Nguy cơ trung bình")
    expect(page.locator("body")).to_contain_text("Đã lưu kết quả kiểm tra")
    check = CompanyCheck.objects.get()
    assert (check.score, check.risk_level, check.outcome) == (50, "Nguy cơ trung bình", "remedy")
    context.close()
