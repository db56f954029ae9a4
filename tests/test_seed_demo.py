"""`manage.py seed_demo`: the demo district, one account per role, and a second run that changes nothing."""

import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from staffing.registry.constants import AgencyKind, DutyGroup, Role, StaffCategory
from staffing.registry.models import Agency, StaffMember
from staffing.registry.roles import roles_for

pytestmark = pytest.mark.django_db

LOCAL_APPS = ("staffing", "directives", "tthc", "auth")


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", "--password", "mat-khau-demo", *args, stdout=out)
    return out.getvalue()


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for app in LOCAL_APPS
        for model in apps.get_app_config(app).get_models()
    }


def sample(model, fields):
    return list(model.objects.order_by("pk").values_list(*fields)[::97])


def test_second_run_changes_nothing_and_prints_the_accounts_as_json():
    table = seed()
    assert "truongphong" in table
    assert "Phòng Tư pháp" in table
    counts = row_counts()
    staff = sample(
        StaffMember, ["agency_id", "staff_code", "full_name", "mobile_phone", "category", "user_id"]
    )
    agencies = sample(Agency, ["name", "statistics_code", "kind", "phone"])
    passwords = dict(get_user_model().objects.values_list("username", "password"))
    accounts = json.loads(seed("--json"))
    assert row_counts() == counts
    assert (
        sample(StaffMember, ["agency_id", "staff_code", "full_name", "mobile_phone", "category", "user_id"])
        == staff
    )
    assert sample(Agency, ["name", "statistics_code", "kind", "phone"]) == agencies
    assert dict(get_user_model().objects.values_list("username", "password")) == passwords
    by_name = {a["username"]: a for a in accounts}
    assert {"admin", "vanphong", "lanhdao", "truongphong", "chutichxa", "motcua", "canbo"} <= set(by_name)
    assert by_name["truongphong"]["agency"] == "Phòng Tư pháp"
    assert by_name["chutichxa"]["agency"] == "UBND xã Phước Thạnh"
    assert all({"username", "role", "agency"} <= set(a) for a in accounts)


def test_demo_district_has_the_communes_and_about_two_thousand_staff():
    seed()
    communes = dict(Agency.objects.communes().values_list("statistics_code", "name"))
    assert len(communes) == 21
    assert communes["27496"] == "UBND thị trấn Củ Chi"
    assert communes["27526"] == "UBND xã Phước Thạnh"
    assert Agency.objects.filter(kind=AgencyKind.SPECIALISED_OFFICE).count() == 12
    assert Agency.objects.filter(kind=AgencyKind.PUBLIC_UTILITY_COMPANY).count() == 1
    assert 1800 <= StaffMember.objects.count() <= 2200
    for category in StaffCategory.values:
        assert StaffMember.objects.filter(category=category).count() > 100
    phones = list(StaffMember.objects.values_list("mobile_phone", flat=True))
    assert len(set(phones)) == len(phones)
    commune = Agency.objects.get(statistics_code="27526")
    assert commune.staff.filter(duty_group=DutyGroup.POLICE).exists()
    assert commune.staff.filter(duty_group=DutyGroup.MILITARY).exists()
    assert commune.staff.filter(duty_group=DutyGroup.EPIDEMIC_TASK_FORCE).exists()
    for member in StaffMember.objects.all()[:200]:
        member.full_clean()


def test_one_account_per_role_with_the_given_password_which_a_rerun_can_change():
    seed()
    users = {u.username: u for u in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    assert users["canbo"].check_password("mat-khau-demo")
    expected = {
        "admin": Role.DISTRICT_ADMIN,
        "vanphong": Role.DISTRICT_OFFICE,
        "lanhdao": Role.DISTRICT_LEADERSHIP,
        "truongphong": Role.AGENCY_HEAD,
        "chutichxa": Role.COMMUNE_CHAIRMAN,
        "motcua": Role.ONE_STOP_OFFICER,
        "canbo": Role.STAFF_MEMBER,
    }
    for username, role in expected.items():
        assert roles_for(users[username]).has(role), username
    tu_phap = Agency.objects.get(name="Phòng Tư pháp")
    assert roles_for(users["truongphong"]).can_manage_agency(tu_phap.pk)
    assert users["canbo"].staff_profile.agency == tu_phap
    assert users["chutichxa"].staff_profile.agency.statistics_code == "27526"
    assert users["truongphong"].email == "truongphong@example.gov.vn"

    call_command("seed_demo", "--password", "mat-khau-moi", stdout=io.StringIO())
    assert get_user_model().objects.get(username="canbo").check_password("mat-khau-moi")


def test_every_demo_account_that_acts_on_reminders_opens_an_inbox_with_something_to_act_on(client):
    from staffing.notifications.models import Notification

    seed()
    for username in ("vanphong", "truongphong", "chutichxa", "motcua", "canbo"):
        user = get_user_model().objects.get(username=username)
        notices = Notification.objects.filter(recipient=user)
        assert notices.exists(), username
        client.force_login(user)
        page = client.get("/notifications/")
        assert page.status_code == 200
        assert notices.first().title in page.content.decode()
        opened = client.get(f"/notifications/{notices.first().pk}/")
        assert opened.status_code == 302 and client.get(opened.url).status_code == 200, username
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"no_plan_tomorrow", "stalled_work", "dossiers_due", "assignments_due"} <= kinds
