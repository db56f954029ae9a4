"""Vietnamese everywhere: Django's and the packages' own strings read in Vietnamese where their catalogues
fall short (locale_overrides), and the English mode stays English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory

OVERRIDES = Path(settings.BASE_DIR) / "locale_overrides" / "vi" / "LC_MESSAGES"
PROJECT = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def superuser_client(client, db):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.mark.django_db
def test_login_with_empty_fields_answers_in_vietnamese(client):
    response = client.post("/accounts/login/", {"username": "", "password": ""})
    assert response.status_code == 200
    assert response.text.count("Trường này là bắt buộc.") == 2
    assert "This field is required" not in response.text


@pytest.mark.django_db
def test_password_change_errors_are_vietnamese(client):
    user = UserFactory(username="canbo-thu")
    user.set_password("demo-2629-cu")
    user.save()
    client.force_login(user)
    response = client.post(
        "/accounts/password_change/",
        {"old_password": "sai", "new_password1": "abc", "new_password2": "abd"},
    )
    assert response.status_code == 200
    assert "Mật khẩu cũ không chính xác" in response.text
    assert "Hai trường mật khẩu không giống nhau." in response.text

    response = client.post(
        "/accounts/password_change/",
        {"old_password": "demo-2629-cu", "new_password1": "1234", "new_password2": "1234"},
    )
    assert "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 8 ký tự." in response.text
    assert "too short" not in response.text


@pytest.mark.django_db
def test_staff_form_errors_are_vietnamese_at_their_fields(client):
    from staffing.registry.constants import Role
    from tests.factories import user_with_role

    agency = AgencyFactory()
    client.force_login(user_with_role(Role.AGENCY_HEAD, agency))
    response = client.post(f"/staffing/agencies/{agency.pk}/staff/new/", {"active_from": "31/02/2021"})
    form = response.context["form"]
    assert form.errors["staff_code"] == ["Trường này là bắt buộc."]
    assert form.errors["active_from"] == ["Nhập một ngày hợp lệ."]
    assert "novalidate" in response.text


@pytest.mark.django_db
def test_admin_change_form_with_an_error_is_vietnamese(superuser_client):
    member = StaffMemberFactory()
    response = superuser_client.post(
        f"/admin/staffing/staffmember/{member.pk}/change/",
        {"agency": member.agency_id, "staff_code": "", "full_name": member.full_name, "category": "cadre"},
    )
    assert response.status_code == 200
    text = response.text
    assert "Vui lòng sửa các lỗi dưới đây." in text
    assert "<title>Lỗi:" in text
    assert "Chuyển đến nội dung chính" in text
    assert "Please correct" not in text and "Skip to main content" not in text


@pytest.mark.django_db
def test_admin_lists_and_history_of_packages_are_vietnamese(superuser_client):
    member = StaffMemberFactory()
    index = superuser_client.get("/admin/").text
    assert "Tác vụ định kỳ" in index
    assert "Nhật ký đăng nhập" in index
    assert "Periodic Tasks" not in index and "Access logs" not in index

    changelist = superuser_client.get("/admin/staffing/staffmember/").text
    assert "Chọn đối tượng này để thực hiện thao tác" in changelist

    assert "Theo dõi đăng nhập" in index and ">Axes<" not in index

    history = superuser_client.get(f"/admin/staffing/staffmember/{member.pk}/history/").text
    assert "Người thay đổi" in history and "Changed by" not in history
    version = member.history.first().history_id
    form = superuser_client.get(f"/admin/staffing/staffmember/{member.pk}/history/{version}/").text
    assert "Cơ quan, đơn vị và cán bộ</a>" in form and ">Staffing<" not in form
    assert "Khôi phục" in form


@pytest.mark.django_db
def test_admin_user_password_form_is_vietnamese(superuser_client):
    user = UserFactory()
    response = superuser_client.post(
        f"/admin/auth/user/{user.pk}/password/", {"password1": "1234", "password2": "1234"}
    )
    assert "Mật khẩu này quá ngắn" in response.text
    assert "Vui lòng sửa" in response.text


@pytest.mark.django_db
def test_api_refusal_is_vietnamese(client):
    response = client.get("/api/v1/agencies/")
    assert response.status_code in (401, 403)
    assert response.json()["detail"] == "Chưa cung cấp thông tin xác thực."


@pytest.mark.django_db
def test_admin_date_widget_days_are_vietnamese(superuser_client):
    catalog = superuser_client.get("/admin/jsi18n/").text
    assert "Th\\u1ee9 Hai" in catalog or "Thứ Hai" in catalog


@pytest.mark.django_db
def test_english_mode_keeps_the_same_pages_english(english, db):
    english.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    member = StaffMemberFactory()
    response = english.post(
        f"/admin/staffing/staffmember/{member.pk}/change/",
        {"agency": member.agency_id, "staff_code": "", "full_name": member.full_name, "category": "cadre"},
    )
    assert "Please correct the error" in response.text
    assert "<title>Error:" in response.text
    assert "Vui lòng" not in response.text
    assert "Periodic Tasks" in english.get("/admin/").text


def test_overrides_hold_only_package_strings_the_project_does_not_translate():
    """An override would silently win over the project's own translation of the same msgid."""
    project = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PROJECT)) if not e.obsolete}
    for name in ("django.po", "djangojs.po"):
        overrides = polib.pofile(str(OVERRIDES / name))
        assert overrides.percent_translated() == 100
        assert not {(e.msgctxt, e.msgid) for e in overrides} & project


@pytest.mark.parametrize("name", ["django", "djangojs"])
def test_overrides_are_compiled(name):
    po = {(e.msgctxt, e.msgid) for e in polib.pofile(str(OVERRIDES / f"{name}.po"))}
    mo = {(e.msgctxt, e.msgid) for e in polib.mofile(str(OVERRIDES / f"{name}.mo")) if e.msgid}
    assert po == mo, "run: python manage.py compilemessages -l vi --ignore=.venv"


@pytest.mark.django_db
def test_choice_labels_follow_the_language_of_each_request(client):
    assert "Mức độ 3" in client.get("/tthc/procedures/").text
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/tthc/procedures/").text
    assert "Level 3" in english and "Mức độ 3" not in english
