"""With the security values of config.settings.production, every answer carries HSTS, nosniff and
X-Frame-Options DENY, plain HTTP is sent to HTTPS (the health check aside), cookies are Secure, and the
deploy check passes."""

import importlib
import sys

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
)


def production_values(monkeypatch) -> dict:
    """The values as config/settings/production.py computes them from a minimal environment."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "prod-" + "k" * 60)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "testserver")
    for name in ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_HSTS_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    sys.modules.pop("config.settings.production", None)
    module = importlib.import_module("config.settings.production")
    sys.modules.pop("config.settings.production", None)
    return {name: getattr(module, name) for name in SECURITY_SETTINGS if hasattr(module, name)}


@pytest.fixture
def production(settings, monkeypatch):
    values = production_values(monkeypatch)
    for name, value in values.items():
        setattr(settings, name, value)
    return values


def https_get(client, url, **extra):
    return client.get(url, secure=True, **extra)


def test_production_turns_every_protection_on(production):
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["X_FRAME_OPTIONS"] == "DENY"


@pytest.mark.parametrize("name", ["public-home", "tthc:dossier-lookup", "login", "api-directive-list"])
def test_https_answers_carry_hsts_nosniff_and_frame_deny(production, name):
    response = https_get(Client(), reverse(name))
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_signed_in_page_carries_them_too(production, agency):
    client = Client()
    client.force_login(user_with_role(Role.AGENCY_HEAD, agency))
    response = https_get(client, reverse("home"))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" in response


def test_plain_http_is_sent_to_https(production):
    response = Client().get(reverse("directives:public_list"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_proxy_header_marks_a_request_secure(production):
    response = Client().get(reverse("directives:public_list"), HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


def test_the_load_balancer_health_check_answers_on_plain_http(production):
    response = Client().get(reverse("healthz"))
    assert response.status_code == 200


def test_session_and_csrf_cookies_are_secure_and_the_session_is_http_only(production, agency):
    user = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")
    client = Client()
    https_get(client, reverse("login"))
    csrf = client.cookies["csrftoken"]
    response = client.post(
        reverse("login"),
        {"username": "truong-phong", "password": "matkhau-demo-123", "csrfmiddlewaretoken": csrf.value},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    assert csrf["secure"]
    assert user.pk == int(client.session["_auth_user_id"])


def test_the_deploy_check_passes_with_the_production_values(production, settings):
    settings.SECRET_KEY = "prod-" + "k" * 60
    call_command("check", deploy=True, fail_level="WARNING")
