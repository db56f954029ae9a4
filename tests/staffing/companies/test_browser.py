"""The register in Debian's chromium at phone width: the chairman adds a company, a wrong check digit is
refused at the tax code in Vietnamese, the corrected code saves, and the register shows the share online."""

import pytest
from playwright.sync_api import expect

from staffing.companies.models import Company
from staffing.registry.constants import AgencyKind, Role
from tests.factories import AgencyFactory, user_with_role

from .conftest import tax_code

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


def test_chairman_adds_a_company_from_a_phone(allow_async_unsafe, live_server, browser):
    commune = AgencyFactory(name="UBND xã Phước Thạnh", kind=AgencyKind.COMMUNE_COMMITTEE)
    user_with_role(Role.COMMUNE_CHAIRMAN, commune, username="chu-tich")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "chu-tich")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/staffing/companies/new/")
    code = tax_code(1)
    page.fill("input[name=name]", "Công ty TNHH Thử Trên Điện Thoại")
    page.fill("input[name=tax_code]", code[:9] + str((int(code[9]) + 1) % 10))
    page.fill("input[name=workforce]", "40")
    page.fill("input[name=working_online]", "10")
    page.click("main input[type=submit], main button[type=submit]")
    expect(page.get_by_text("Chữ số kiểm tra của mã số thuế không đúng")).to_be_visible()
    assert not Company.objects.exists()
    page.fill("input[name=tax_code]", f"{code[:4]} {code[4:7]} {code[7:]}")
    page.click("main input[type=submit], main button[type=submit]")
    expect(page.get_by_role("heading", name="Công ty TNHH Thử Trên Điện Thoại")).to_be_visible()
    page.goto(f"{live_server.url}/staffing/companies/")
    expect(page.get_by_role("link", name="Công ty TNHH Thử Trên Điện Thoại")).to_be_visible()
    expect(page.get_by_text("25%", exact=True)).to_be_visible()  # the share online, above the table
    assert Company.objects.get().tax_code == code
    context.close()
