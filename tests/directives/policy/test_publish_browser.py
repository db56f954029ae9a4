"""The clerk publishes a letter that supersedes 2629/UBND, in Debian's chromium: the publish step says
which rules would end, the letter's policy is drafted from the one it replaces, and both go out together."""

import datetime

import pytest
from playwright.sync_api import expect

from directives.documents.services import reference_add
from directives.policy.selectors import policy_in_force
from staffing.registry.constants import Role
from tests.directives.factories import DraftFactory, published_directive_with_policy
from tests.factories import AgencyFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "matkhau-demo-123"
D = datetime.date


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def test_a_superseding_letter_is_published_with_its_policy_so_the_cap_never_lapses(
    allow_async_unsafe, live_server, page
):
    office = user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    office.set_password(PASSWORD)
    office.save()
    agency = AgencyFactory()
    old = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    new = DraftFactory(number="3015/UBND", issued_on=D(2021, 7, 1))
    reference_add(source=new, target=old, relation="supersedes")

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "van-phong")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    page.goto(f"{live_server.url}/directives/register/{new.pk}/")
    page.click("#publish-step")
    expect(page.locator("#publish-consequences")).to_contain_text("2629/UBND")
    expect(page.locator("#publish-consequences")).to_contain_text("không cơ quan nào bị giới hạn")
    page.get_by_role("button", name="Ban hành 3015/UBND").click()
    expect(page.locator("#publish-error")).to_contain_text("chấm dứt các quy định")
    new.refresh_from_db()
    assert new.is_draft

    page.click("#draft-policy")
    expect(page.locator("#policy-prefilled")).to_contain_text("2629/UBND")
    page.fill("input[name=ratio]", "2/3")
    page.get_by_role("button", name="Lưu chính sách").click()
    page.goto(f"{live_server.url}/directives/register/{new.pk}/publish/")
    expect(page.locator("#publish-consequences")).to_contain_text("2/3")
    page.get_by_role("button", name="Ban hành 3015/UBND").click()
    page.wait_for_url(f"**/directives/register/{new.pk}/")
    assert policy_in_force(agency=agency, day=D(2021, 6, 30)).directive == old
    assert policy_in_force(agency=agency, day=D(2021, 7, 1)).ratio_display == "2/3"
