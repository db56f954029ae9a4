"""Inspection teams in Debian's chromium: a head names a necessary team with more participants than 2629/UBND
allows, is refused at the participants field with the cap, the clause and the directive, then takes one
person off and saves."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from staffing.inspections.models import InspectionTeam
from staffing.registry.constants import Role
from tests.factories import AgencyFactory, user_with_role

from .helpers import people, policy_2629

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


def test_a_head_is_refused_a_team_over_the_cap_then_fixes_it(allow_async_unsafe, live_server, browser):
    policy_2629(until=None)
    agency = AgencyFactory(name="Phòng Tư pháp")
    head = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")
    head.set_password(PASSWORD)
    head.save()
    staff = people(agency, 6)
    today = timezone.localdate().strftime("%d/%m/%Y")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "truong-phong")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/inspections/agencies/{agency.pk}/")
    page.get_by_role("link", name="Thêm đoàn").click()
    page.check("input[name=kind][value=inspection]")
    page.fill("input[name=subject]", "Thanh tra giải quyết khiếu nại về hộ tịch")
    page.fill("input[name=inspected_organisation]", "UBND xã An Nhơn Tây")
    page.fill("input[name=decision_number]", "46/QĐ-PTP")
    for name in ("decision_date", "planned_start", "planned_end"):
        page.fill(f"input[name={name}]", today)
    page.check("input[name=necessity][value=necessary]")
    page.fill("textarea[name=necessity_reason]", "Khiếu nại sắp hết thời hạn giải quyết.")
    page.select_option("select[name=participants]", [str(m.pk) for m in staff])
    page.get_by_role("button", name="Lưu").click()

    error = page.locator("#id_participants").locator("xpath=..").locator(".invalid-feedback")
    expect(error).to_contain_text("Tối đa 5 người")
    expect(error).to_contain_text("mục 2 Công văn 2629/UBND")
    assert not InspectionTeam.objects.exists()

    page.select_option("select[name=participants]", [str(m.pk) for m in staff[:5]])
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_have_text("Thanh tra giải quyết khiếu nại về hộ tịch")
    expect(page.locator("body")).to_contain_text("Cần thiết")
    assert InspectionTeam.objects.get().participants.count() == 5
    context.close()
