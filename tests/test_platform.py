"""Project-wide behaviour: language, dates, health check."""

import datetime

import pytest
from django import forms
from django.test import override_settings
from django.utils import formats, translation


def test_date_typed_05_03_2021_is_fifth_of_march():
    class DayForm(forms.Form):
        day = forms.DateField()

    with translation.override("vi"):
        form = DayForm(data={"day": "05/03/2021"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2021, 3, 5)
        assert formats.date_format(datetime.date(2021, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2021"


def test_numbers_are_grouped_the_vietnamese_way():
    with translation.override("vi"):
        assert formats.number_format(2000, force_grouping=True) == "2.000"


@pytest.mark.django_db
def test_public_home_speaks_vietnamese_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    assert "Đăng nhập" in response.text


@pytest.mark.django_db
def test_public_home_switches_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert "Log in" in response.text


@pytest.mark.django_db
def test_healthz_reports_database_and_broker_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_names_the_broker_when_it_is_down(client, settings):
    from config.celery import app

    old_url = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = old_url
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"] != "ok"


@pytest.mark.django_db
def test_healthz_names_the_database_when_it_is_down(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def refuse(self, sql, params=None):
        raise ConnectionError("database unreachable")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] != "ok"


@pytest.mark.django_db
def test_unknown_page_answers_404_in_vietnamese(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text


@pytest.mark.django_db
def test_public_menu_leads_citizens_to_the_published_arrangements(client):
    response = client.get("/")
    for label in ("Danh mục trực tiếp", "Tra cứu hồ sơ", "Văn bản"):
        assert label in response.text


def test_redis_cache_backend_works_with_the_configured_redis(settings):
    import uuid

    from django.core.cache import caches

    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (CI sets it)")
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": settings.REDIS_URL,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
    }
    with override_settings(CACHES={"default": redis_cache}):
        caches["default"].set("probe", "ok", 5)
        assert caches["default"].get("probe") == "ok"


@pytest.mark.django_db
def test_login_page_offers_a_password_reset(client):
    response = client.get("/accounts/login/")
    assert "/accounts/password_reset/" in response.text


@pytest.mark.django_db
def test_forgotten_password_is_reset_through_an_emailed_link_in_vietnamese(client, mailoutbox):
    import re

    from staffing.outbox.models import OutboxMessage
    from staffing.outbox.services import message_deliver
    from tests.factories import UserFactory

    user = UserFactory(username="canbo-quen", email="canbo@example.gov.vn")
    response = client.post("/accounts/password_reset/", {"email": "canbo@example.gov.vn"}, follow=True)
    assert "Kiểm tra thư điện tử" in response.text
    # The e-mail waits in the outbox; the worker delivers it after the commit.
    message_deliver(OutboxMessage.objects.get(to="canbo@example.gov.vn").pk)
    (mail,) = mailoutbox
    assert mail.to == ["canbo@example.gov.vn"]
    assert "canbo-quen" in mail.body and "mật khẩu mới" in mail.body
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+)", mail.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Cu-Chi-2629-moi", "new_password2": "Cu-Chi-2629-moi"},
        follow=True,
    )
    assert "Đã lưu mật khẩu mới" in done.text
    user.refresh_from_db()
    assert user.check_password("Cu-Chi-2629-moi")
    assert "Liên kết này không còn hiệu lực" in client.get(link, follow=True).text


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": "khongco@example.gov.vn"}, follow=True)
    assert "Kiểm tra thư điện tử" in response.text
    assert mailoutbox == []


@pytest.mark.django_db
def test_district_name_reads_as_running_text_after_the_committee(client, settings):
    settings.DISTRICT_NAME = "Huyện Củ Chi"
    assert "Ủy ban nhân dân huyện Củ Chi" in client.get("/").text
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Committee of Huyện Củ Chi" in client.get("/").text


@pytest.mark.django_db
def test_a_session_ends_after_the_idle_hours(client, settings):
    from tests.factories import UserFactory

    # The expiry moves on at most every SESSION_TOUCH_SECONDS (no write on every click): here at once.
    settings.SESSION_TOUCH_SECONDS = 0
    client.force_login(UserFactory())
    response = client.get("/home/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == settings.SESSION_COOKIE_AGE == 10 * 3600
