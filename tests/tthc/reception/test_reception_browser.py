"""In a real browser (Debian's chromium): a citizen opens the agency's reception page while in-person
reception is suspended, files a petition, prints nothing but reads the code on the receipt, and looks the
petition up with the code and the phone."""

import pytest
from playwright.sync_api import expect

from tests.tthc.reception.factories import commune_with_reception
from tthc.reception.models import Petition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def test_a_citizen_files_a_petition_and_looks_it_up(allow_async_unsafe, live_server, page):
    commune = commune_with_reception()
    page.goto(f"{live_server.url}/tthc/reception/{commune.agency.pk}/")
    expect(page.locator("#reception-status")).to_contain_text("Tạm dừng tiếp công dân trực tiếp tại trụ sở")
    page.click("text=Gửi kiến nghị trực tuyến")

    page.fill("input[name=filer_name]", "Lê Thị Phản Ánh")
    page.fill("input[name=filer_phone]", "0909 123 456")
    page.fill("textarea[name=content]", "Đèn chiếu sáng công cộng tại Ấp 2 bị hỏng.")
    page.click("#petition-form button[type=submit]")

    expect(page.locator("#petition-receipt")).to_contain_text("Giấy biên nhận kiến nghị, phản ánh")
    petition = Petition.objects.get()
    expect(page.locator("#petition-code")).to_have_text(petition.code)
    expect(page.locator("#petition-due")).to_have_text(petition.due_date.strftime("%d/%m/%Y"))

    page.click("#receipt-actions >> text=Tra cứu kiến nghị")
    page.fill("input[name=code]", petition.code)
    page.fill("input[name=phone]", "0911111111")
    page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Không tìm thấy kiến nghị")
    page.fill("input[name=phone]", "0909123456")
    page.click("main form button[type=submit]")
    expect(page.locator("#lookup-result")).to_contain_text("Kiến nghị của ông/bà đã được tiếp nhận")
