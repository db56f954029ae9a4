"""The admin writes work modes through the same service: the cap holds there too, with the reason at the form."""

import datetime

import pytest
from django.urls import reverse

from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import work_modes_set
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, WorkModePolicyFactory

MONDAY = datetime.date(2021, 6, 7)


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="quan-tri", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def staff(db):
    WorkModePolicyFactory(directive__number="2629/UBND")
    agency = AgencyFactory()
    return StaffMemberFactory.create_batch(4, agency=agency)


def add(admin_client, member, mode=WorkModeKind.REMOTE, day="07/06/2021"):
    return admin_client.post(
        reverse("admin:staffing_workmode_add"), {"staff": member.pk, "day": day, "mode": mode}
    )


def test_admin_adds_a_work_mode_through_the_service(admin_client, staff):
    response = add(admin_client, staff[0])
    assert response.status_code == 302
    row = WorkMode.objects.get()
    assert (row.agency, row.day, row.mode, row.updated_by.username) == (
        staff[0].agency,
        MONDAY,
        WorkModeKind.REMOTE,
        "quan-tri",
    )
    assert row.history.get().history_user.username == "quan-tri"


def test_admin_refusal_shows_the_vietnamese_cap_message_at_the_mode_field(admin_client, staff):
    add(admin_client, staff[0])
    add(admin_client, staff[1])
    response = add(admin_client, staff[2])
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["mode"] == [
        "Thứ Hai 07/06/2021: 3 người làm việc tại nhà, vượt mức tối đa 2 (1/2 của 4 người, Công văn 2629/UBND)"
    ]
    assert WorkMode.objects.filter(mode=WorkModeKind.REMOTE).count() == 2


def test_admin_refuses_a_day_the_staff_member_is_not_active(admin_client, staff):
    staff[0].active_until = MONDAY - datetime.timedelta(days=1)
    staff[0].save()
    response = add(admin_client, staff[0])
    assert response.status_code == 200
    assert "07/06/2021" in str(response.context["adminform"].form.non_field_errors())
    assert not WorkMode.objects.exists()


def test_admin_change_goes_through_the_cap(admin_client, staff):
    actor = UserFactory()
    work_modes_set(
        agency=staff[0].agency,
        entries=[
            (m.pk, MONDAY, mode) for m, mode in zip(staff[:3], ["remote", "remote", "on_site"], strict=True)
        ],
        actor=actor,
    )
    row = WorkMode.objects.get(staff=staff[2])
    url = reverse("admin:staffing_workmode_change", args=[row.pk])
    assert admin_client.post(url, {"mode": WorkModeKind.REMOTE}).status_code == 200
    assert admin_client.post(url, {"mode": WorkModeKind.LEAVE}).status_code == 302
    row.refresh_from_db()
    assert row.mode == WorkModeKind.LEAVE
    assert [r.mode for r in row.history.order_by("history_date", "history_id")] == ["on_site", "leave"]


def test_admin_delete_clears_through_the_service_and_keeps_history(admin_client, staff):
    work_modes_set(agency=staff[0].agency, entries=[(m.pk, MONDAY, "remote") for m in staff[:2]], actor=None)
    rows = list(WorkMode.objects.values_list("pk", flat=True))
    response = admin_client.post(
        reverse("admin:staffing_workmode_changelist"),
        {"action": "delete_selected", "_selected_action": rows, "post": "yes"},
    )
    assert response.status_code == 302
    assert not WorkMode.objects.exists()
    assert WorkMode.history.filter(history_type="-", history_user__username="quan-tri").count() == 2


def test_admin_list_filters_and_searches_by_staff_name(admin_client, staff):
    work_modes_set(agency=staff[0].agency, entries=[(staff[0].pk, MONDAY, "remote")], actor=None)
    url = reverse("admin:staffing_workmode_changelist")
    assert admin_client.get(url, {"q": staff[0].full_name}).context["cl"].result_count == 1
    assert admin_client.get(url, {"q": "không có ai"}).context["cl"].result_count == 0
    assert admin_client.get(url, {"mode": "on_site"}).context["cl"].result_count == 0
    assert admin_client.get(url, {"agency__id__exact": staff[0].agency_id}).context["cl"].result_count == 1
    history = reverse("admin:staffing_workmode_history", args=[WorkMode.objects.get().pk])
    assert admin_client.get(history).status_code == 200
