"""The whole change of rules by the district office, in Debian's chromium, as HCMC changed them in 2021: a July
letter supersedes 2629/UBND with a 2/3 share and no exempt duty group from 01/07/2021, a new cut-off and a new
urgent-list version. The clerk previews what it breaks and publishes; the head of an agency it breaks sees the
day marked and saves a plan under the new share; the one-stop officer's refusal and the public pages name the
new letter and its clause. The office's form steps are counted: under five pages.

The urgent list takes effect today at the earliest (a past intake never changes its list), so its new version
starts today while the letter's rules start on 01/07/2021."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import DutyGroup, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.forms import cell_name
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import work_modes_set
from tests.directives.factories import published_directive_with_policy
from tests.factories import (
    AgencyFactory,
    ProcedureFactory,
    StaffMemberFactory,
    urgent_list_published,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "matkhau-demo-123"
D = datetime.date
MONDAY = D(2021, 7, 5)


@pytest.fixture(scope="module", autouse=True)
def _async_unsafe_for_the_flush():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def _user(role, agency=None, username=""):
    user = user_with_role(role, agency, username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")


@pytest.fixture
def district(allow_async_unsafe, live_server):
    old = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    birth = ProcedureFactory(code="1.001193", name="Đăng ký khai sinh", online_level=3)
    death = ProcedureFactory(code="1.000656", name="Đăng ký khai tử", online_level=3)
    business = ProcedureFactory(code="1.001612", name="Đăng ký hộ kinh doanh", online_level=2)
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 4), directive=old)
    culture = AgencyFactory(name="Phòng Văn hóa và Thông tin")
    police = StaffMemberFactory.create_batch(4, agency=culture, duty_group=DutyGroup.POLICE)
    regular = StaffMemberFactory.create_batch(2, agency=culture)
    head = _user(Role.AGENCY_HEAD, culture, "truong-van-hoa")
    # Saved under 2629/UBND: the four police officers are outside its cap, one of the two others at home.
    work_modes_set(
        agency=culture,
        entries=[(m.pk, MONDAY, WorkModeKind.REMOTE) for m in [*police, regular[0]]]
        + [(regular[1].pk, MONDAY, WorkModeKind.ON_SITE)],
        actor=head,
    )
    commune = AgencyFactory(name="UBND xã Phước Thạnh", kind="commune_committee", statistics_code="27526")
    return {
        "old": old,
        "culture": culture,
        "police": police,
        "regular": regular,
        "head": head,
        "office": _user(Role.DISTRICT_OFFICE, username="van-phong"),
        "officer": _user(Role.ONE_STOP_OFFICER, commune, "mot-cua"),
        "commune": commune,
        "procedures": (birth, death, business),
    }


def test_the_clerk_changes_the_rules_in_four_form_steps_and_everyone_sees_the_new_letter(
    district, live_server, page
):
    steps = []
    page.on(
        "request", lambda r: steps.append(r.url) if r.method == "POST" and r.is_navigation_request() else None
    )
    _sign_in(page, live_server, "van-phong")
    steps.clear()

    # 1. Register the letter, its clauses and what it supersedes.
    page.goto(f"{live_server.url}/directives/register/new/")
    page.select_option("select[name=kind]", "official_letter")
    page.fill("input[name=number]", "3015/UBND")
    page.fill("input[name=issuer]", "Ủy ban nhân dân huyện")
    page.fill("input[name=issued_on]", "30/06/2021")
    page.fill("textarea[name=subject]", "Tiếp tục thực hiện giãn cách xã hội")
    page.fill("input[name=clauses-0-number]", "1")
    page.fill("textarea[name=clauses-0-text]", "Không quá 2/3 làm việc tại nhà, kể cả lực lượng vũ trang.")
    page.fill("input[name=clauses-1-number]", "2")
    page.fill("textarea[name=clauses-1-text]", "Chỉ tiếp nhận trực tiếp hồ sơ thuộc Danh mục.")
    page.select_option("select[name=supersedes]", str(district["old"].pk))
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.wait_for_url(re.compile(r"/directives/register/\d+/$"))
    letter = Document.objects.get(number="3015/UBND")

    # 2. Its policy, started from 2629/UBND's: the new share, no exempt group, the new cut-off; preview.
    page.get_by_role("link", name="Thiết lập chính sách").click()
    expect(page.locator("#policy-prefilled")).to_contain_text("2629/UBND")
    page.fill("input[name=effective_from]", "01/07/2021")
    page.fill("input[name=ratio]", "2/3")
    for box in page.locator("input[name=exempt_duty_groups]").all():
        box.uncheck()
    page.fill("input[name=pre_cutoff_date]", "30/06/2021")
    page.select_option("select[name=cap_clause]", index=1)
    page.select_option("select[name=intake_clause]", index=2)
    page.click("#policy-preview-button")
    over = page.locator("#preview-over-cap")
    expect(over).to_contain_text("Phòng Văn hóa và Thông tin")
    expect(page.locator("#preview-summary")).to_contain_text("1 cơ quan vượt tỷ lệ mới")
    expect(page.locator("#preview-rules-table")).to_contain_text("3015/UBND (2/3)")
    assert not WorkModePolicy.objects.filter(directive=letter).exists()

    # 3. Publish with it.
    page.get_by_role("button", name="Lưu và công bố").click()
    page.wait_for_url(f"**/directives/register/{letter.pk}/")
    letter.refresh_from_db()
    assert letter.is_published and letter.policy.ratio_display == "2/3"

    # 4. The new urgent-list version, on one page from the letter's page.
    page.click("#new-urgent-list")
    page.check(f"input[name=procedures][value='{district['procedures'][1].pk}']")
    page.click("#compose-publish")
    expect(page.get_by_role("alert").first).to_contain_text("phiên bản 2")
    print(f"\nform steps of the whole change: {len(steps)}: {steps}")
    assert len(steps) == 4

    # The head: told, the day marked, a plan under the new share saved; a refusal names the new letter.
    _sign_in(page, live_server, "truong-van-hoa")
    expect(page.locator(".bell, #notification-bell, a[href='/notifications/']").first).to_be_visible()
    page.goto(f"{live_server.url}/notifications/")
    expect(page.locator("main")).to_contain_text("3015/UBND: Phòng Văn hóa và Thông tin vượt tỷ lệ mới (2/3)")
    page.get_by_text("3015/UBND: Phòng Văn hóa và Thông tin vượt tỷ lệ mới").first.click()
    page.wait_for_url("**/week/?week=2021-W27")
    expect(page.locator('#wm-head th[data-day-index="0"]')).to_have_attribute("data-over", "1")
    police, regular = district["police"], district["regular"]
    page.select_option(f"select[name={cell_name(regular[1].pk, MONDAY)}]", "remote")
    page.get_by_role("button", name="Lưu lịch tuần").click()
    expect(page.locator("#wm-errors")).to_contain_text("mục 1 Công văn 3015/UBND")
    page.select_option(f"select[name={cell_name(regular[1].pk, MONDAY)}]", "on_site")
    page.select_option(f"select[name={cell_name(police[0].pk, MONDAY)}]", "on_site")
    page.get_by_role("button", name="Lưu lịch tuần").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã lưu lịch làm việc của tuần.")
    assert WorkMode.objects.filter(day=MONDAY, mode="remote").count() == 4  # 4 of 6 at most, by 2/3

    # The one-stop officer: in person off the list is refused, naming the new letter and its clause.
    _sign_in(page, live_server, "mot-cua")
    page.goto(f"{live_server.url}/tthc/dossiers/agency/{district['commune'].pk}/new/")
    page.fill("input[name=received_date]", "05/07/2021")
    page.fill("input[name=received_time]", "09:30")
    page.fill("input[name=applicant_name]", "Lê Văn Thử")
    page.fill("input[name=applicant_id_number]", "079190000002")
    page.fill("input[name=applicant_phone]", "0912345678")
    page.select_option("select[name=procedure]", str(district["procedures"][1].pk))
    page.click("label[for=id_channel_2]")
    page.click("input[type=submit][name=submit]")
    expect(page.locator("#div_id_channel #id_channel_error")).to_contain_text("mục 2 Công văn 3015/UBND")

    # The public: the intake arrangements and the policy page name the new letter.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/tthc/intake/{district['commune'].pk}/?date=05/07/2021")
    expect(page.locator("main")).to_contain_text("3015/UBND")
    page.goto(f"{live_server.url}/directives/{letter.pk}/")
    expect(page.locator("#policy-changes")).to_contain_text("Thay đổi so với 2629/UBND")
    page.goto(f"{live_server.url}/tthc/urgent-list/")
    expect(page.locator("main")).to_contain_text("Đăng ký khai tử")
    assert timezone.localdate() >= D(2021, 7, 1)
