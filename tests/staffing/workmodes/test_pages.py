"""The work-mode pages: the head's week grid, today, my schedule, the district day table, history."""

import datetime
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffing.registry.constants import AgencyKind, DutyGroup, Role
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
REMOTE, ON_SITE, LEAVE = WorkModeKind.REMOTE, WorkModeKind.ON_SITE, WorkModeKind.LEAVE


@pytest.fixture
def policy(db):
    return WorkModePolicyFactory(directive__number="2629/UBND")


@pytest.fixture
def staff(agency, policy):
    return StaffMemberFactory.create_batch(21, agency=agency)


def week_url(agency, **params):
    query = "&".join(f"{key}={value}" for key, value in {"week": WEEK, **params}.items())
    return f"{reverse('work_modes:week', args=[agency.pk])}?{query}"


def grid(cells):
    """POST data for the grid: {(staff, day): mode}."""
    return {cell_name(member.pk, day): mode for (member, day), mode in cells.items()}


def remote_on_monday(members):
    return grid({(member, MONDAY): REMOTE for member in members})


# The week page --------------------------------------------------------------------------------------


def test_week_page_shows_the_agency_staff_grouped_by_position(head_client, agency, policy):
    StaffMemberFactory(agency=agency, full_name="Trần Thị Lan", position="Chuyên viên")
    StaffMemberFactory(agency=agency, full_name="Lê Văn Hùng", position="Phó Trưởng phòng")
    StaffMemberFactory(full_name="Người Cơ Quan Khác")
    response = head_client.get(week_url(agency))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Trần Thị Lan" in page and "Lê Văn Hùng" in page
    assert "Người Cơ Quan Khác" not in page
    table = page[page.index("<tbody>") :]
    assert table.index("Chuyên viên") < table.index("Trần Thị Lan") < table.index("Phó Trưởng phòng")
    assert table.index("Phó Trưởng phòng") < table.index("Lê Văn Hùng")
    assert page.count('<select name="m-') == 2 * 7
    assert "Thứ Hai" in page and "07/06" in page and "Chủ Nhật" in page


def test_week_page_sends_the_list_of_modes_once_and_each_cell_its_mode(head_client, agency, staff, head):
    work_modes_set(agency=agency, entries=[(staff[0].pk, MONDAY, LEAVE)], actor=head)
    page = head_client.get(week_url(agency)).content.decode()
    assert page.count('<template id="wm-options">') == 1
    cells = re.findall(r'<select name="m-[^>]*>(.*?)</select>', page)
    assert len(cells) == 21 * 7
    assert all(cell.count("<option") == 1 for cell in cells)
    assert cells.count('<option value="leave" selected>Nghỉ</option>') == 1
    assert f'aria-labelledby="wn{staff[0].pk} wd0"' in page and f'id="wn{staff[0].pk}"' in page


def test_head_saves_the_week_within_the_cap(head_client, agency, staff, head):
    response = head_client.post(week_url(agency), remote_on_monday(staff[:10]) | {"action": "save"})
    assert response.status_code == 302
    assert WorkMode.objects.filter(agency=agency, day=MONDAY, mode=REMOTE).count() == 10
    assert set(WorkMode.objects.values_list("updated_by", flat=True)) == {head.pk}
    follow = head_client.get(response["Location"])
    assert "Đã lưu lịch làm việc của tuần." in follow.content.decode()


def test_over_cap_week_is_refused_in_vietnamese_and_nothing_is_saved(head_client, agency, staff):
    cells = remote_on_monday(staff[:12]) | grid({(staff[20], MONDAY + datetime.timedelta(days=1)): ON_SITE})
    response = head_client.post(week_url(agency), cells | {"action": "save"})
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Thứ Hai 07/06/2021: 12 người làm việc tại nhà, vượt mức tối đa 10 (1/2 của 21 người, Công văn 2629/UBND)"
        in page
    )
    assert not WorkMode.objects.exists()
    # The head's input is still in the grid, and Monday's column is marked.
    assert page.count('<option value="remote" selected>') == 12
    assert page.count('<option value="on_site" selected>') == 1
    assert "wm-over-0" in page and 'data-over="1"' in page
    assert "Vượt mức tối đa" in page


def test_clearing_a_cell_removes_the_plan(head_client, agency, staff, head):
    work_modes_set(agency=agency, entries=[(staff[0].pk, MONDAY, REMOTE)], actor=head)
    head_client.post(week_url(agency), grid({(staff[0], MONDAY): ""}) | {"action": "save"})
    assert not WorkMode.objects.exists()


def test_unknown_mode_in_a_cell_is_refused_and_nothing_is_saved(head_client, agency, staff):
    cells = remote_on_monday(staff[:2]) | grid({(staff[3], MONDAY): "beach"})
    response = head_client.post(week_url(agency), cells | {"action": "save"})
    assert "không hợp lệ" in response.content.decode()
    assert "is-invalid" in response.content.decode()
    assert not WorkMode.objects.exists()


def test_cells_of_days_a_staff_member_is_not_on_staff_cannot_be_set(head_client, agency, policy):
    newcomer = StaffMemberFactory(agency=agency, active_from=MONDAY + datetime.timedelta(days=3))
    response = head_client.get(week_url(agency))
    page = response.content.decode()
    assert cell_name(newcomer.pk, MONDAY) not in page
    assert cell_name(newcomer.pk, MONDAY + datetime.timedelta(days=3)) in page
    head_client.post(week_url(agency), grid({(newcomer, MONDAY): REMOTE}) | {"action": "save"})
    assert not WorkMode.objects.exists()


def test_live_summary_counts_the_unsaved_grid_without_saving(head_client, agency, staff):
    url = reverse("work_modes:week_summary", args=[agency.pk]) + f"?week={WEEK}"
    response = head_client.post(url, remote_on_monday(staff[:3]))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<thead id="wm-head">')
    assert '<span class="fs-6 fw-semibold">3</span>/10 tại nhà' in page
    assert "21 người tính" in page
    assert 'data-over="1"' not in page
    assert not WorkMode.objects.exists()


def test_live_summary_marks_a_day_over_the_cap(head_client, agency, staff):
    url = reverse("work_modes:week_summary", args=[agency.pk]) + f"?week={WEEK}"
    page = head_client.post(url, remote_on_monday(staff[:11])).content.decode()
    assert '<span class="fs-6 fw-semibold">11</span>/10 tại nhà' in page
    assert page.count('data-over="1"') == 1
    assert "Vượt mức tối đa" in page


def test_live_summary_adds_the_unsaved_cells_to_the_saved_plan(head_client, agency, staff, head):
    work_modes_set(agency=agency, entries=[(m.pk, MONDAY, REMOTE) for m in staff[:9]], actor=head)
    url = reverse("work_modes:week_summary", args=[agency.pk]) + f"?week={WEEK}"
    page = head_client.post(url, remote_on_monday(staff[9:11])).content.decode()
    assert '<span class="fs-6 fw-semibold">11</span>/10 tại nhà' in page


def test_live_summary_of_a_filtered_grid_keeps_the_shown_count(head_client, agency, staff):
    lan = StaffMemberFactory(agency=agency, full_name="Trần Thị Lan", position="Văn thư")
    url = reverse("work_modes:week_summary", args=[agency.pk]) + f"?week={WEEK}&position=Văn+thư"
    page = head_client.post(url, remote_on_monday([lan])).content.decode()
    assert '<span class="fw-normal text-body-secondary">(1/22)</span>' in page


def test_exempt_duty_groups_are_shown_apart_and_not_counted(head_client, agency, policy):
    StaffMemberFactory.create_batch(4, agency=agency)
    fighter = StaffMemberFactory(
        agency=agency, full_name="Đỗ Văn Phòng Dịch", duty_group=DutyGroup.EPIDEMIC_TASK_FORCE
    )
    page = head_client.get(week_url(agency)).content.decode()
    exempt_section = page[page.index("Ngoài mức tối đa: Lực lượng phòng, chống dịch") :]
    assert fighter.full_name in exempt_section
    assert "4 người tính" in page
    assert "+0/1 ngoài mức" in page


def test_week_links_keep_the_filters(head_client, agency, policy):
    StaffMemberFactory(agency=agency, full_name="Trần Thị Lan", position="Chuyên viên")
    StaffMemberFactory(agency=agency, full_name="Lê Văn Hùng", position="Văn thư")
    response = head_client.get(week_url(agency, position="Chuyên viên", q="lan"))
    page = response.content.decode()
    assert "Trần Thị Lan" in page and "Lê Văn Hùng" not in page
    assert "week=2021-W22&amp;position=Chuy%C3%AAn+vi%C3%AAn&amp;q=lan" in page
    assert "week=2021-W24&amp;position=Chuy%C3%AAn+vi%C3%AAn&amp;q=lan" in page


def test_week_can_be_chosen_by_any_day_of_it(head_client, agency, policy):
    url = reverse("work_modes:week", args=[agency.pk]) + "?start=2021-06-09"
    page = head_client.get(url).content.decode()
    assert "Tuần từ 07/06/2021 đến 13/06/2021" in page


def test_filtered_save_changes_only_the_staff_shown(head_client, agency, staff, head):
    work_modes_set(agency=agency, entries=[(m.pk, MONDAY, REMOTE) for m in staff[:10]], actor=head)
    response = head_client.post(week_url(agency), remote_on_monday(staff[10:11]) | {"action": "save"})
    assert "vượt mức tối đa 10" in response.content.decode()
    assert WorkMode.objects.filter(mode=REMOTE).count() == 10


def test_a_day_gone_over_the_cap_after_staff_left_is_marked(head_client, agency, staff, head):
    work_modes_set(agency=agency, entries=[(m.pk, MONDAY, REMOTE) for m in staff[:10]], actor=head)
    for member in staff[15:]:
        member.active_until = MONDAY - datetime.timedelta(days=1)
        member.save()
    page = head_client.get(week_url(agency)).content.decode()
    assert "wm-over-0" in page
    assert '<span class="fs-6 fw-semibold">10</span>/7 tại nhà' in page


# Helpers --------------------------------------------------------------------------------------------


def test_copy_last_week_fills_the_grid_for_review_without_saving(head_client, agency, staff, head):
    last_monday = MONDAY - datetime.timedelta(days=7)
    work_modes_set(agency=agency, entries=[(m.pk, last_monday, REMOTE) for m in staff[:4]], actor=head)
    response = head_client.post(week_url(agency), {"action": "copy"})
    page = response.content.decode()
    assert page.count('<option value="remote" selected>') == 4
    assert "Đã sao chép 4 ô từ tuần bắt đầu ngày 31/05/2021." in page
    assert '<span class="fs-6 fw-semibold">4</span>/10 tại nhà' in page
    assert not WorkMode.objects.filter(day__gte=MONDAY).exists()


@pytest.mark.parametrize("rotation", ["day", "week"])
def test_ab_rotation_splits_counted_staff_within_the_cap(head_client, agency, staff, head, rotation):
    StaffMemberFactory(agency=agency, duty_group=DutyGroup.POLICE)
    response = head_client.post(week_url(agency), {"action": "rotate", "rotation": rotation})
    page = response.content.decode()
    assert "wm-over-" not in page
    # 21 counted staff, cap 10: team A (11) and team B (10), five working days.
    assert page.count('<option value="remote" selected>') == 50
    assert page.count('<option value="on_site" selected>') == 105 - 50


def test_ab_rotation_by_day_alternates_the_teams(head_client, agency, policy):
    first = StaffMemberFactory(agency=agency, full_name="Lê Văn An", position="Chuyên viên")
    second = StaffMemberFactory(agency=agency, full_name="Lê Văn Bình", position="Chuyên viên")
    response = head_client.post(week_url(agency), {"action": "rotate", "rotation": "day"})
    cells = response.context["groups"][0]["rows"]
    modes = {row["member"].pk: [cell["value"] for cell in row["cells"][:5]] for row in cells}
    assert modes[first.pk] == [REMOTE, ON_SITE, REMOTE, ON_SITE, REMOTE]
    assert modes[second.pk] == [ON_SITE, REMOTE, ON_SITE, REMOTE, ON_SITE]


def test_ab_rotation_keeps_leave_and_the_result_can_be_saved(head_client, agency, staff):
    rotated = head_client.post(
        week_url(agency), grid({(staff[0], MONDAY): LEAVE}) | {"action": "rotate", "rotation": "day"}
    )
    data = {
        cell["name"]: cell["value"]
        for g in rotated.context["groups"]
        for r in g["rows"]
        for cell in r["cells"]
    }
    assert data[cell_name(staff[0].pk, MONDAY)] == LEAVE
    response = head_client.post(week_url(agency), data | {"action": "save"})
    assert response.status_code == 302
    assert WorkMode.objects.filter(day=MONDAY, mode=REMOTE).count() == 10


def test_fill_a_column_sets_every_cell_of_the_day(head_client, agency, staff):
    response = head_client.post(
        week_url(agency), {"action": "fill", "fill_day": "2021-06-09", "fill_mode": ON_SITE}
    )
    page = response.content.decode()
    assert page.count('<option value="on_site" selected>') == 21
    assert "Đã điền 21 ô." in page
    assert not WorkMode.objects.exists()


# Scope -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method"),
    [("week", "get"), ("week_summary", "post"), ("today", "get"), ("day_history", "get")],
)
def test_head_cannot_open_another_agency_pages(head_client, other_agency, policy, name, method):
    args = [other_agency.pk, "2021-06-07"] if name == "day_history" else [other_agency.pk]
    response = getattr(head_client, method)(reverse(f"work_modes:{name}", args=args))
    assert response.status_code == 404


def test_head_cannot_read_the_history_of_another_agency_staff(head_client, other_agency):
    member = StaffMemberFactory(agency=other_agency)
    assert head_client.get(reverse("work_modes:staff_history", args=[member.pk])).status_code == 404


def test_head_cannot_save_another_agency_staff_through_own_grid(head_client, agency, other_agency, policy):
    stranger = StaffMemberFactory(agency=other_agency)
    head_client.post(week_url(agency), grid({(stranger, MONDAY): REMOTE}) | {"action": "save"})
    assert not WorkMode.objects.exists()


def test_staff_member_sees_only_their_own_schedule(client, agency, policy, head):
    me, colleague = StaffMemberFactory.create_batch(2, agency=agency)
    me.user = UserFactory()
    me.save()
    today = timezone.localdate()
    work_modes_set(agency=agency, entries=[(me.pk, today, REMOTE), (colleague.pk, today, LEAVE)], actor=head)
    client.force_login(me.user)
    page = client.get(reverse("work_modes:mine")).content.decode()
    assert me.full_name in page and colleague.full_name not in page
    assert "Làm việc tại nhà" in page and "Nghỉ" not in page
    for url in (week_url(agency), reverse("work_modes:today", args=[agency.pk])):
        assert client.get(url).status_code == 404
    assert client.get(reverse("work_modes:staff_history", args=[colleague.pk])).status_code == 404
    assert client.get(reverse("work_modes:district")).status_code == 404


def test_user_without_staff_profile_is_told_to_ask_for_a_link(client, db):
    client.force_login(UserFactory())
    page = client.get(reverse("work_modes:mine")).content.decode()
    assert "chưa được gắn với hồ sơ cán bộ" in page


def test_week_page_needs_login(client, agency):
    response = client.get(week_url(agency))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# Today ---------------------------------------------------------------------------------------------------


def test_today_lists_home_workers_with_a_phone_link(head_client, agency, policy, head):
    home = StaffMemberFactory(agency=agency, full_name="Ngô Thị Nhà", mobile_phone="0912345678")
    office = StaffMemberFactory(agency=agency, full_name="Phan Văn Sở")
    nobody = StaffMemberFactory(agency=agency, full_name="Vũ Chưa Xếp")
    work_modes_set(
        agency=agency, entries=[(home.pk, MONDAY, REMOTE), (office.pk, MONDAY, ON_SITE)], actor=head
    )
    response = head_client.get(reverse("work_modes:today", args=[agency.pk]) + "?day=07/06/2021")
    page = response.content.decode()
    assert 'href="tel:0912345678"' in page
    sections = {
        section["mode"]: [e["member"] for e in section["people"]] for section in response.context["sections"]
    }
    assert sections[REMOTE] == [home] and sections[ON_SITE] == [office]
    assert [e["member"] for e in response.context["unplanned"]] == [nobody]
    assert '1</span><span class="fs-5">/1</span> tại nhà' in page


def test_office_reads_any_agency_today_page(office_client, agency):
    assert office_client.get(reverse("work_modes:today", args=[agency.pk])).status_code == 200


# The district table -----------------------------------------------------------------------------------


@pytest.fixture
def district_day(policy, head):
    over = AgencyFactory(name="UBND xã Thái Mỹ", kind=AgencyKind.COMMUNE_COMMITTEE)
    members = StaffMemberFactory.create_batch(6, agency=over)
    work_modes_set(agency=over, entries=[(m.pk, MONDAY, REMOTE) for m in members[:3]], actor=head)
    for member in members[4:]:
        member.active_until = MONDAY - datetime.timedelta(days=1)
        member.save()
    within = AgencyFactory(name="Phòng Nội vụ")
    staff = StaffMemberFactory.create_batch(4, agency=within)
    work_modes_set(agency=within, entries=[(m.pk, MONDAY, ON_SITE) for m in staff], actor=head)
    unplanned = AgencyFactory(name="Trung tâm Y tế huyện", kind=AgencyKind.PUBLIC_SERVICE_UNIT)
    StaffMemberFactory.create_batch(3, agency=unplanned)
    return over, within, unplanned


def district_url(**params):
    query = "&".join(f"{key}={value}" for key, value in {"day": "07/06/2021", **params}.items())
    return f"{reverse('work_modes:district')}?{query}"


def test_office_sees_every_agency_with_counts_cap_and_status(office_client, district_day):
    over, within, unplanned = district_day
    response = office_client.get(district_url())
    rows = {row.agency: row for row in response.context["rows"]}
    assert (rows[over].counted, rows[over].remote, rows[over].cap, rows[over].status) == (4, 3, 2, "over_cap")
    assert rows[within].status == "within_cap" and rows[unplanned].status == "no_plan"
    page = response.content.decode()
    assert "Vượt mức tối đa" in page and "Chưa xếp lịch" in page
    assert [row.agency for row in response.context["rows"]][0] == over  # worst first by default


def test_district_table_filters_and_sorts(office_client, district_day):
    over, within, unplanned = district_day
    response = office_client.get(district_url(status="no_plan"))
    assert unplanned in [row.agency for row in response.context["rows"]]
    assert {row.status for row in response.context["rows"]} == {"no_plan"}
    response = office_client.get(district_url(kind=AgencyKind.SPECIALISED_OFFICE))
    assert over not in [row.agency for row in response.context["rows"]]
    response = office_client.get(district_url(sort="-counted"))
    counted = [row.counted for row in response.context["rows"]]
    assert counted == sorted(counted, reverse=True)
    response = office_client.get(district_url(sort="name"))
    assert [row.agency.name for row in response.context["rows"]] == sorted(
        row.agency.name for row in response.context["rows"]
    )


def test_district_table_exports_to_xlsx(office_client, district_day):
    over, _within, _unplanned = district_day
    over.name = '=HYPERLINK("http://x")'
    over.save()
    response = office_client.get(district_url(format="xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A3"].value == "Ngày" and sheet["B3"].value == "Cơ quan, đơn vị"
    assert sheet["F3"].value == "Làm việc tại nhà" and sheet["G3"].value == "Mức tối đa"
    first = [cell.value for cell in sheet[4]]
    assert first[0].date() == MONDAY and sheet["A4"].number_format == "dd/mm/yyyy"
    assert first[1:8] == ['=HYPERLINK("http://x")', "UBND xã", 4, 4, 3, 2, 0]
    assert first[9] == "Vượt mức tối đa"
    assert sheet["B4"].data_type == "s"


def test_district_table_is_for_district_roles_only(head_client, client):
    assert head_client.get(reverse("work_modes:district")).status_code == 404
    leader = user_with_role(Role.DISTRICT_LEADERSHIP)
    client.force_login(leader)
    assert client.get(reverse("work_modes:district")).status_code == 200


# History ----------------------------------------------------------------------------------------------


def test_staff_history_shows_who_changed_what_before_and_after(head_client, agency, staff, head, office_user):
    member = staff[0]
    work_modes_set(agency=agency, entries=[(member.pk, MONDAY, ON_SITE)], actor=head)
    work_modes_set(agency=agency, entries=[(member.pk, MONDAY, REMOTE)], actor=office_user)
    work_modes_set(agency=agency, entries=[(member.pk, MONDAY, None)], actor=head)
    response = head_client.get(reverse("work_modes:staff_history", args=[member.pk]))
    rows = [(r["user"], r["before"], r["after"]) for r in response.context["page_obj"].object_list]
    assert rows == [
        (head, "Làm việc tại nhà", ""),
        (office_user, "Làm việc tại cơ quan", "Làm việc tại nhà"),
        (head, "", "Làm việc tại cơ quan"),
    ]
    assert "07/06/2021" in response.content.decode()


def test_day_history_lists_changes_of_the_agency_day(office_client, agency, staff, head):
    work_modes_set(agency=agency, entries=[(m.pk, MONDAY, REMOTE) for m in staff[:2]], actor=head)
    work_modes_set(
        agency=agency, entries=[(staff[5].pk, MONDAY + datetime.timedelta(days=1), LEAVE)], actor=head
    )
    response = office_client.get(reverse("work_modes:day_history", args=[agency.pk, "2021-06-07"]))
    assert {r["staff"].pk for r in response.context["page_obj"].object_list} == {staff[0].pk, staff[1].pk}


# Queries ----------------------------------------------------------------------------------------------


def _agency_with_planned_staff(head, count):
    agency = AgencyFactory()
    user_with_role(Role.AGENCY_HEAD, agency, username=head.username)
    members = [
        StaffMemberFactory(agency=agency, position=f"Tổ {n % 4}", duty_group=DutyGroup.REGULAR)
        for n in range(count)
    ]
    StaffMemberFactory(agency=agency, duty_group=DutyGroup.MILITARY)
    entries = [(m.pk, MONDAY + datetime.timedelta(days=d), ON_SITE) for m in members for d in range(5)]
    work_modes_set(agency=agency, entries=entries, actor=head)
    return agency


def test_week_page_queries_do_not_grow_with_staff(head_client, head, policy, django_assert_num_queries):
    small = _agency_with_planned_staff(head, 5)
    large = _agency_with_planned_staff(head, 50)
    with CaptureQueriesContext(connection) as queries:
        assert head_client.get(week_url(small)).status_code == 200
    with django_assert_num_queries(len(queries)):
        response = head_client.get(week_url(large))
    assert response.content.decode().count('<option value="on_site" selected>') == 50 * 5


# Menu and home ---------------------------------------------------------------------------------------


def menu_labels(response):
    return [label for group in response.context["nav_groups"] for label, _url, _prefix in group["items"]]


def test_menu_offers_each_role_its_pages(client, agency, head, office_user):
    client.force_login(head)
    labels = menu_labels(client.get(reverse("home")))
    assert "Lịch làm việc tuần" in labels and "Hôm nay" in labels and "Tình hình theo ngày" not in labels
    client.force_login(office_user)
    labels = menu_labels(client.get(reverse("home")))
    assert "Tình hình theo ngày" in labels and "Lịch làm việc tuần" not in labels


def test_head_of_two_agencies_picks_one(client, agency, other_agency, head):
    user_with_role(Role.AGENCY_HEAD, other_agency, username=head.username)
    client.force_login(head)
    response = client.get(reverse("work_modes:agencies"))
    assert response.status_code == 200
    assert agency.name in response.content.decode() and other_agency.name in response.content.decode()


def test_home_shows_the_head_today_and_the_office_district_summary(client, agency, policy, head, office_user):
    StaffMemberFactory.create_batch(4, agency=agency)
    client.force_login(head)
    page = client.get(reverse("home")).content.decode()
    assert "Phương thức làm việc · Phòng Tư pháp" in page
    assert "Không có ngày nào vượt mức tối đa trong 14 ngày tới." in page
    client.force_login(office_user)
    page = client.get(reverse("home")).content.decode()
    assert "Phương thức làm việc trên địa bàn huyện" in page
    assert "chưa xếp lịch" in page


def test_district_table_keeps_a_mistyped_day_and_says_why(office_client, policy):
    response = office_client.get(district_url(day="31/02/2021"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="31/02/2021"' in page
    assert response.context["form"].errors["day"]
    assert '<div class="invalid-feedback">' in page


def test_week_names_the_exempt_groups_of_the_policy_in_force(client, agency, head):
    import datetime

    from staffing.registry.constants import DutyGroup
    from tests.factories import StaffMemberFactory, WorkModePolicyFactory

    WorkModePolicyFactory(exempt_duty_groups=[DutyGroup.POLICE])
    StaffMemberFactory(agency=agency, duty_group=DutyGroup.POLICE)
    StaffMemberFactory(agency=agency)
    client.force_login(head)
    response = client.get(reverse("work_modes:week", args=[agency.pk]), {"start": datetime.date(2021, 6, 7)})
    assert "Ngoài mức tối đa: Công an <" in response.text


@pytest.mark.parametrize(
    "query", ["start=31/02/2021", "week=9999-W52", "start=31/12/9999", "start=01/01/0001"]
)
def test_a_week_asked_with_a_date_that_is_not_valid_says_so_and_shows_this_week(head_client, agency, query):
    response = head_client.get(f"/work-modes/agencies/{agency.pk}/week/?{query}")
    assert response.status_code == 200
    text = response.text
    assert "không phải là ngày hợp lệ" in text
    assert "đang hiển thị tuần" in text


@pytest.mark.parametrize("value", ["31/02/2021", "31/12/9999", "x"])
def test_a_today_page_asked_with_a_date_that_is_not_valid_says_so_and_shows_today(head_client, agency, value):
    response = head_client.get(f"/work-modes/today/{agency.pk}/", {"day": value})
    assert response.status_code == 200
    assert "không phải là ngày hợp lệ" in response.text
    assert "đang hiển thị hôm nay" in response.text


def test_the_district_table_refuses_a_day_out_of_range_at_its_field(office_client):
    response = office_client.get("/work-modes/district/", {"day": "31/12/9999"})
    assert response.status_code == 200
    assert "Nhập ngày trong khoảng từ 01/01/2000 đến 31/12/2100." in response.text
