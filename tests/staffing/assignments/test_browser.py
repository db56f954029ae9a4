"""Assigned work in Debian's chromium: a head assigns a task on the desktop, the staff member reports from a
phone-width page, the head returns it with a comment, then accepts it with a rating; the quarter's page
suggests the level and the head confirms it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from staffing.assignments.models import Assignment
from staffing.classification.models import RuleSet
from staffing.registry.constants import Role
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, user_with_role

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


def _login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")


def test_assign_report_from_a_phone_return_then_accept(allow_async_unsafe, live_server, browser):
    agency = AgencyFactory(name="Phòng Tư pháp")
    head = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")
    member = StaffMemberFactory(agency=agency, full_name="Lê Văn An", user=UserFactory(username="le-van-an"))
    for user in (head, member.user):
        user.set_password(PASSWORD)
        user.save()
    today = timezone.localdate()

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = desk.new_page()
    _login(page, live_server.url, "truong-phong")
    page.goto(f"{live_server.url}/assignments/agencies/{agency.pk}/new/")
    page.fill("input[name=title]", "Thẩm định hồ sơ khai sinh quá hạn")
    page.select_option("select[name=leads]", str(member.pk))
    page.fill("input[name=start_date]", today.strftime("%d/%m/%Y"))
    page.fill("input[name=due_date]", (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.check("input[name=statutory]")
    page.get_by_role("button", name="Giao", exact=True).click()
    expect(page.locator("#id_due_date_error, .invalid-feedback").first).to_contain_text(
        "không thể trước ngày bắt đầu"
    )
    expect(page.locator("body")).to_contain_text("Điều 61 Luật Đất đai")
    page.fill("input[name=due_date]", (today + datetime.timedelta(days=2)).strftime("%d/%m/%Y"))
    page.fill("input[name=legal_basis]", "Điều 16 Luật Hộ tịch")
    page.get_by_role("button", name="Giao", exact=True).click()
    expect(page.locator("h1")).to_have_text("Thẩm định hồ sơ khai sinh quá hạn")
    assignment = Assignment.objects.get()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True)
    mobile = phone.new_page()
    _login(mobile, live_server.url, "le-van-an")
    mobile.get_by_role("link", name="Báo cáo", exact=True).first.click()
    mobile.fill("input[name=percent_complete]", "100")
    mobile.fill("textarea[name=done]", "Đã thẩm định xong 12 hồ sơ.")
    mobile.get_by_role("button", name="Gửi báo cáo").click()
    expect(mobile.locator("body")).to_contain_text("Đã gửi báo cáo tiến độ đến thủ trưởng.")
    mobile.goto(f"{live_server.url}/assignments/{assignment.pk}/")
    mobile.get_by_role("button", name="Trình duyệt kết quả").click()
    expect(mobile.locator("body")).to_contain_text("Đã trình duyệt")

    page.reload()
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator("body")).to_contain_text("Nêu nội dung cần sửa")
    page.fill("textarea[name=comment]", "Bổ sung danh sách hồ sơ đã thẩm định.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator("body")).to_contain_text("Bổ sung danh sách hồ sơ đã thẩm định.")

    mobile.reload()
    mobile.get_by_role("button", name="Trình duyệt kết quả").click()
    page.reload()
    page.select_option("select[name=quality]", "exceeds")
    page.get_by_role("button", name="Nghiệm thu").click()
    expect(page.locator("body")).to_contain_text("Vượt yêu cầu")
    assignment.refresh_from_db()
    assert (assignment.status, assignment.quality) == ("accepted", "exceeds")

    # The quarter's page suggests the level from that work, and the head confirms it.
    RuleSet.objects.create(name="Tiêu chí của huyện", effective_from=datetime.date(2021, 6, 4))
    page.goto(f"{live_server.url}/classification/agencies/{agency.pk}/")
    row = page.locator(".list-group-item", has_text="Lê Văn An")
    expect(row).to_contain_text("Đề xuất: Hoàn thành xuất sắc nhiệm vụ")
    row.get_by_role("button", name="Xác nhận").click()
    expect(page.locator("body")).to_contain_text("Đã xác nhận xếp loại của Lê Văn An.")
    expect(page.locator(".list-group-item", has_text="Lê Văn An")).to_contain_text(
        "Xác nhận: Hoàn thành xuất sắc nhiệm vụ"
    )
    desk.close()
    phone.close()
