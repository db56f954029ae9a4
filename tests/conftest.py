import os
import shutil

import pytest

from staffing.registry.constants import Role
from tests.factories import AgencyFactory, user_with_role


@pytest.fixture(autouse=True)
def _vietnamese(settings):
    settings.LANGUAGE_CODE = "vi"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Throttle counters must not leak from one test into the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Phòng Tư pháp")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Phòng Y tế")


@pytest.fixture
def head(agency):
    return user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")


@pytest.fixture
def office_user(db):
    return user_with_role(Role.DISTRICT_OFFICE, username="van-phong")


@pytest.fixture
def head_client(client, head):
    client.force_login(head)
    return client


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client


# Browser tests: Debian's chromium, never a downloaded browser ------------------------------------


def pytest_collection_modifyitems(config, items):
    # Playwright's event loop stays up for the rest of the session once a browser test has run, and Django
    # then refuses the database flush of later transactional tests: run the browser tests last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Debian's chromium is required (apt-get install chromium) but is not installed")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture(scope="session")
def playwright(django_db_setup, playwright):
    # Create the test database before Playwright starts its event loop: Django refuses database work
    # inside a running loop, so a browser test run on its own would fail while setting up the database.
    return playwright


@pytest.fixture
def allow_async_unsafe(monkeypatch):
    # Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse otherwise.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
