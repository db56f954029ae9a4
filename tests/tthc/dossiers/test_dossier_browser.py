"""The intake form in a real browser (Debian's chromium): the live channel hint, the refusal of an
off-list in-person intake at the channel with nothing saved, then the same intake as a special case."""

import pytest
from playwright.sync_api import expect

from tests.tthc.dossiers.factories import district_under_2629
from tthc.dossiers.models import Dossier

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "matkhau-demo-123"


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    """allow_async_unsafe ends before pytest-django flushes the database after the test, while
    Playwright's loop still runs: keep the permission for the whole module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def intake_page(allow_async_unsafe, live_server, page):
    district = district_under_2629()
    district.officer.set_password(PASSWORD)
    district.officer.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", district.officer.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/tthc/dossiers/agency/{district.commune.pk}/new/")
    return page, district


def fill_applicant(page):
    page.fill("input[name=received_date]", "07/06/2021")
    page.fill("input[name=received_time]", "09:30")
    page.fill("input[name=applicant_name]", "Lê Văn Thử")
    page.fill("input[name=applicant_id_number]", "079190000002")
    page.fill("input[name=applicant_phone]", "0912345678")


def test_off_list_in_person_intake_is_refused_at_the_channel_then_received_as_special_case(intake_page):
    page, district = intake_page
    fill_applicant(page)
    page.select_option("select[name=procedure]", str(district.postal_refused.pk))
    hint = page.locator("#channel-hint")
    expect(hint).to_contain_text("chỉ khi ghi nhận trường hợp đặc biệt, cấp bách")
    expect(hint).to_contain_text("mức độ 2")

    page.click("label[for=id_channel_2]")  # the channel buttons: Trực tuyến, Bưu chính công ích, Trực tiếp
    expect(hint).to_contain_text("cần ghi lý do trường hợp đặc biệt, cấp bách")
    page.click("input[type=submit][name=submit]")

    error = page.locator("#div_id_channel #id_channel_error")
    expect(error).to_contain_text("không thuộc Danh mục")
    expect(error).to_contain_text("Các hình thức đang tiếp nhận")
    expect(page.locator("#channel-hint")).to_contain_text("chỉ khi ghi nhận trường hợp đặc biệt, cấp bách")
    assert not Dossier.objects.exists()
    expect(page.locator("input[name=applicant_name]")).to_have_value("Lê Văn Thử")

    expect(page.locator("textarea[name=special_case_reason]")).to_be_focused()
    page.fill("textarea[name=special_case_reason]", "Người khuyết tật nặng, cần gấp")
    page.click("input[type=submit][name=submit]")

    # The result goes back by post while intake is restricted: the receipt would promise an address.
    address_error = page.locator("#id_applicant_address_error")
    expect(address_error).to_contain_text("Nhập địa chỉ của người nộp")
    assert not Dossier.objects.exists()
    page.fill("input[name=applicant_address]", "Ấp 4, xã Phước Thạnh")
    page.click("input[type=submit][name=submit]")
    page.wait_for_url("**/tthc/dossiers/*/receipt/")
    dossier = Dossier.objects.get()
    expect(page.locator("article.receipt")).to_contain_text(dossier.code)
    expect(page.locator("article.receipt")).to_contain_text("Ấp 4, xã Phước Thạnh")
    expect(page.get_by_role("button", name="In giấy tiếp nhận")).to_be_visible()
    assert dossier.special_case_reason == "Người khuyết tật nặng, cần gấp"


def test_the_special_case_reason_is_asked_only_for_an_in_person_intake(intake_page):
    page, district = intake_page
    reason = page.locator("textarea[name=special_case_reason]")
    expect(reason).to_be_hidden()
    page.click("label[for=id_channel_2]")
    expect(reason).to_be_visible()
    page.click("label[for=id_channel_0]")
    expect(reason).to_be_hidden()
