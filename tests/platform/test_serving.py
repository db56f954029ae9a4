"""How the product is served: safe defaults when a server names no settings, mail from one URL, links that
follow the address `make run` serves on, oversized bodies refused unread, and a light first page."""

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _python(code: str, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


PRODUCTION_ENV = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "workmode.example.gov.vn"}


def test_a_wsgi_server_that_names_no_settings_runs_the_production_ones():
    out = _python(
        """
        import config.wsgi
        from django.conf import settings
        print(settings.SETTINGS_MODULE, settings.DEBUG, settings.ALLOWED_HOSTS)
        """,
        **PRODUCTION_ENV,
    )
    assert out == "config.settings.production False ['workmode.example.gov.vn']"


def test_the_celery_app_without_settings_named_uses_production():
    out = _python("import config.celery, os; print(os.environ['DJANGO_SETTINGS_MODULE'])", **PRODUCTION_ENV)
    assert out == "config.settings.production"


def test_the_mail_server_comes_from_email_url_with_a_timeout():
    out = _python(
        """
        import django; django.setup()
        from django.conf import settings as s
        print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT)
        """,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        EMAIL_URL="smtp+tls://canbo:mat-khau@mail.example.gov.vn:587",
        EMAIL_TIMEOUT="7",
        **PRODUCTION_ENV,
    )
    assert out == "django.core.mail.backends.smtp.EmailBackend mail.example.gov.vn 587 canbo True 7"


def test_links_in_e_mails_follow_the_port_make_run_serves_on():
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    assert (
        _python(code, DJANGO_SETTINGS_MODULE="config.settings.local", PORT="18201")
        == "http://127.0.0.1:18201"
    )
    assert (
        _python(code, DJANGO_SETTINGS_MODULE="config.settings.local", SITE_URL="https://ubnd.example.gov.vn")
        == "https://ubnd.example.gov.vn"
    )


@pytest.mark.django_db
def test_a_body_over_the_largest_upload_is_refused_from_its_length(client):
    response = client.generic(
        "POST",
        "/staffing/staff/import/",
        b"x",
        content_type="text/plain",
        CONTENT_LENGTH=str(300 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "Tệp quá lớn" in response.text


def test_a_huge_upload_announced_to_the_real_server_is_answered_before_it_is_sent(live_server):
    host, port = live_server.thread.host, live_server.thread.port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(
            b"POST /staffing/staff/import/ HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            b"Content-Length: 314572800\r\n\r\n"
        )
        answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 413")


@pytest.mark.django_db
def test_the_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
    assert 'rel="icon"' in client.get("/").text


def test_a_cold_first_page_under_make_run_weighs_under_200_kb(tmp_path):
    """With the settings `make run` uses: static files collected, compressed and cached for a year."""
    out = _python(
        """
        import gzip, json, re
        import django; django.setup()
        from django.core.management import call_command
        call_command("migrate", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)
        from django.test import Client
        client = Client(HTTP_ACCEPT_ENCODING="gzip")
        page = client.get("/")
        total = len(gzip.compress(page.content))
        assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.content.decode())
        caching = []
        for url in assets:
            response = client.get(url)
            body = b"".join(response.streaming_content)
            total += len(body)
            caching.append((url, response.get("Content-Encoding", ""), response.get("Cache-Control", "")))
        print(json.dumps({"total": total, "assets": caching}))
        """,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_DEBUG="false",
        REDIS_URL="",
    )
    import json

    result = json.loads(out.splitlines()[-1])
    assert result["total"] < 200 * 1024, result
    css = [a for a in result["assets"] if a[0].endswith(".css")]
    assert css and all(encoding == "gzip" for _url, encoding, _cache in css), css
    assert all("max-age=315360000" in cache for _url, _enc, cache in result["assets"]), result["assets"]
