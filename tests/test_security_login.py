"""Log-in throttling (django-axes) through the real log-in form: after AXES_FAILURE_LIMIT wrong passwords
(3 in the test settings) the next attempt is locked, even with the right password, on a Vietnamese page."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

RIGHT = "matkhau-demo-123"  # the factories' password
LOCKED_TITLE = "Đăng nhập sai quá nhiều lần"
LOCKED_TEXT = "chức năng đăng nhập bị tạm khóa trong một giờ"


@pytest.fixture
def head(agency):
    return user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")


def log_in(client, password, username="truong-phong", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_the_limit_under_test_is_three():
    assert settings.AXES_FAILURE_LIMIT == 3


def test_wrong_passwords_lock_the_account_even_for_the_right_password(client, head):
    first = [log_in(client, "sai-mat-khau").status_code for _ in range(settings.AXES_FAILURE_LIMIT - 1)]
    assert first == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, "sai-mat-khau").status_code == 429
    locked = log_in(client, RIGHT)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    page = locked.content.decode()
    assert LOCKED_TITLE in page and LOCKED_TEXT in page
    assert '<html lang="vi"' in page
    assert client.get(reverse("home")).status_code == 302


def alert(page: str) -> str:
    return re.search(r'<div class="alert alert-block alert-danger">(.*?)</div>', page, re.S).group(1)


def test_a_wrong_password_message_is_vietnamese_and_does_not_say_which_part_was_wrong(client, head):
    wrong_password = alert(log_in(client, "sai-mat-khau").content.decode())
    unknown_user = alert(log_in(client, "sai-mat-khau", username="khong-ton-tai").content.decode())
    assert "Tên đăng nhập và mật khẩu chính xác" in wrong_password
    assert wrong_password == unknown_user


def test_the_right_password_before_the_limit_logs_in_and_clears_the_count(client, head):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "sai-mat-khau")
    assert log_in(client, RIGHT).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "sai-mat-khau").status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, head):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sai-mat-khau", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert log_in(client, RIGHT, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429


# Behind a reverse proxy every request comes from the proxy's address: with NUM_PROXIES the lock and the
# throttles count the address the proxy saw, so one person's mistakes do not lock everyone else out.


@pytest.fixture
def behind_one_proxy(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def via_proxy(client_address: str) -> dict:
    return {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": client_address}


def test_behind_a_proxy_a_lock_holds_the_guesser_only(client, head, behind_one_proxy):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sai-mat-khau", **via_proxy("203.0.113.5"))
    assert log_in(client, RIGHT, **via_proxy("203.0.113.5")).status_code == 429
    assert log_in(client, RIGHT, **via_proxy("203.0.113.6")).status_code == 302


def test_behind_a_proxy_a_forged_first_address_does_not_reset_the_count(client, head, behind_one_proxy):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sai-mat-khau", **via_proxy(f"198.51.100.{number}, 203.0.113.5"))
    assert log_in(client, RIGHT, **via_proxy("192.0.2.1, 203.0.113.5")).status_code == 429
