"""District leadership reads any agency's week without changing it; the district roles move between the day
table and an agency's week and day; a head of several agencies switches between them."""

import datetime
import re

import pytest
from django.urls import reverse

from staffing.registry.constants import AgencyKind, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.forms import cell_name
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import work_modes_set
from tests.factories import (
    AgencyFactory,
    StaffMemberFactory,
    UserFactory,
    WorkModePolicyFactory,
    user_with_role,
)

MONDAY = datetime.date(2021, 6, 7)
WEEK = "2021-W23"


@pytest.fixture
def planned(agency, head):
    WorkModePolicyFactory(directive__number="2629/UBND")
    staff = StaffMemberFactory.create_batch(4, agency=agency)
    work_modes_set(agency=agency, entries=[(staff[0].pk, MONDAY, WorkModeKind.REMOTE)], actor=head)
    return staff


@pytest.fixture
def leader_client(client, db):
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP, username="lanh-dao"))
    return client


def week_url(agency):
    return f"{reverse('work_modes:week', args=[agency.pk])}?week={WEEK}"


def test_district_leadership_reads_any_agency_week(leader_client, agency, planned):
    response = leader_client.get(week_url(agency))
    page = response.content.decode()
    assert response.status_code == 200
    assert planned[0].full_name in page
    assert '<span class="wm-chip" data-mode="remote">Tại nhà</span>' in page
    assert "Bạn đang xem lịch này" in page


def test_district_leadership_gets_no_select_no_helper_and_no_save_button(leader_client, agency, planned):
    page = leader_client.get(week_url(agency)).content.decode()
    assert '<select name="m-' not in page
    assert 'id="wm-form"' not in page and 'method="post"' not in page.split("<main", 1)[1]
    assert "Sao chép tuần trước" not in page and "Lưu lịch tuần" not in page


def test_district_leadership_cannot_save_a_week(leader_client, agency, planned):
    data = {cell_name(planned[1].pk, MONDAY): WorkModeKind.REMOTE, "action": "save"}
    assert leader_client.post(week_url(agency), data).status_code == 404
    summary = reverse("work_modes:week_summary", args=[agency.pk]) + f"?week={WEEK}"
    assert leader_client.post(summary, data).status_code == 404
    assert WorkMode.objects.count() == 1


def test_office_still_sets_any_agency_week(office_client, agency, planned):
    page = office_client.get(week_url(agency)).content.decode()
    assert page.count('<select name="m-') == 4 * 7
    data = {cell_name(planned[1].pk, MONDAY): WorkModeKind.REMOTE, "action": "save"}
    assert office_client.post(week_url(agency), data).status_code == 302
    assert WorkMode.objects.filter(mode=WorkModeKind.REMOTE).count() == 2


def test_staff_member_and_one_stop_officer_cannot_read_the_week(client, agency, planned):
    for role in (Role.STAFF_MEMBER, Role.ONE_STOP_OFFICER):
        client.force_login(user_with_role(role, agency))
        assert client.get(week_url(agency)).status_code == 404


@pytest.mark.parametrize("who", ["leader", "office"])
def test_district_table_leads_to_each_agency_week_and_day(client, agency, planned, who):
    role = Role.DISTRICT_LEADERSHIP if who == "leader" else Role.DISTRICT_OFFICE
    client.force_login(user_with_role(role))
    page = client.get(reverse("work_modes:district") + "?day=07/06/2021").content.decode()
    assert f'href="{week_url(agency)}"' in page
    assert f'href="{reverse("work_modes:today", args=[agency.pk])}?day=2021-06-07"' in page


def test_week_of_a_district_role_leads_back_to_the_day_table(leader_client, agency, planned):
    page = leader_client.get(week_url(agency)).content.decode()
    breadcrumbs = page[page.index('class="breadcrumb') : page.index("</ol>")]
    assert f"{reverse('work_modes:district')}?day=2021-06-07" in breadcrumbs
    assert "Tình hình theo ngày" in breadcrumbs


def test_today_page_of_a_reader_offers_the_week_to_read(leader_client, agency, planned):
    page = leader_client.get(
        reverse("work_modes:today", args=[agency.pk]) + "?day=2021-06-07"
    ).content.decode()
    assert f'href="{week_url(agency)}"' in page
    assert "Xếp lịch tuần" not in page


def test_head_of_two_agencies_switches_between_them_on_week_and_today(client, agency, planned, head):
    second = AgencyFactory(name="Phòng Kinh tế")
    user_with_role(Role.AGENCY_HEAD, second, username=head.username)
    client.force_login(head)
    week = client.get(week_url(agency)).content.decode()
    assert f'href="{reverse("work_modes:week", args=[second.pk])}?week={WEEK}"' in week
    today = client.get(reverse("work_modes:today", args=[agency.pk]) + "?day=2021-06-07").content.decode()
    assert f'href="{reverse("work_modes:today", args=[second.pk])}?day=2021-06-07"' in today


def test_head_of_one_agency_gets_no_switch(head_client, agency, planned):
    assert "Cơ quan khác" not in head_client.get(week_url(agency)).content.decode()


# The district table: agencies without active staff ---------------------------------------------------


def test_agency_without_active_staff_is_not_counted_as_unplanned(office_client, agency, planned):
    empty = AgencyFactory(name="Ban Chỉ huy Quân sự", kind=AgencyKind.OTHER)
    response = office_client.get(reverse("work_modes:district") + "?day=07/06/2021")
    rows = {row.agency: row for row in response.context["rows"]}
    assert rows[empty].status == "no_staff"
    assert rows[agency].status == "within_cap"
    assert response.context["totals"]["no_plan"] == 0
    assert response.context["totals"]["no_staff"] == 1
    page = response.content.decode()
    assert "Không có cán bộ đang làm việc" in page
    assert not re.search(rf"{reverse('work_modes:week', args=[empty.pk])}\?", page)


def test_agencies_without_active_staff_can_be_listed_alone(office_client, agency, planned):
    empty = AgencyFactory(name="Ban Chỉ huy Quân sự", kind=AgencyKind.OTHER)
    response = office_client.get(reverse("work_modes:district") + "?day=07/06/2021&status=no_staff")
    assert [row.agency for row in response.context["rows"]] == [empty]


# Ways back from the history pages --------------------------------------------------------------------


def test_staff_member_reaches_their_history_from_my_schedule_and_back(client, agency, planned):
    member = planned[0]
    member.user = UserFactory()
    member.save()
    client.force_login(member.user)
    mine = client.get(reverse("work_modes:mine")).content.decode()
    history_url = reverse("work_modes:staff_history", args=[member.pk])
    assert f'href="{history_url}"' in mine
    history = client.get(history_url).content.decode()
    breadcrumbs = history[history.index('class="breadcrumb') : history.index("</ol>")]
    assert reverse("work_modes:mine") in breadcrumbs


def test_history_pages_lead_back_to_the_agency_day(head_client, agency, planned):
    page = head_client.get(reverse("work_modes:day_history", args=[agency.pk, "2021-06-07"])).content.decode()
    breadcrumbs = page[page.index('class="breadcrumb') : page.index("</ol>")]
    assert f"{reverse('work_modes:today', args=[agency.pk])}?day=2021-06-07" in breadcrumbs
    assert f'href="{week_url(agency)}"' in page
    page = head_client.get(reverse("work_modes:staff_history", args=[planned[0].pk])).content.decode()
    breadcrumbs = page[page.index('class="breadcrumb') : page.index("</ol>")]
    assert reverse("work_modes:today", args=[agency.pk]) in breadcrumbs
