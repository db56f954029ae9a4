"""The public limits hold under simultaneous requests: each throttle counts with one atomic increment per
client and window (Redis INCR in production, locmem under its lock in the default tests), so 60 requests at
the same moment let exactly the allowance through, not whatever a read-append-write race lets pass.

The Redis runs need REDIS_URL (CI sets it); without it they are skipped."""

import threading
import uuid

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from staffing.toolkit.throttles import OpenDataThrottle, PublicFilingThrottle, PublicLookupThrottle
from tthc.catalogue.api import PublicCatalogueThrottle

CLIENTS_AT_ONCE = 60


def _cache(backend, settings) -> dict:
    if backend == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (CI sets it)")
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": settings.REDIS_URL,
        "KEY_PREFIX": f"throttle-test-{uuid.uuid4().hex}",
    }


@pytest.mark.parametrize("backend", ["locmem", "redis"])
@pytest.mark.parametrize(
    ("throttle", "allowance"),
    [
        (PublicLookupThrottle, 20),
        (PublicCatalogueThrottle, 25),
        (PublicFilingThrottle, 5),
        (OpenDataThrottle, 30),
    ],
)
def test_sixty_simultaneous_requests_get_exactly_the_allowance(
    settings, monkeypatch, backend, throttle, allowance
):
    monkeypatch.setattr(throttle, "THROTTLE_RATES", {throttle.scope: f"{allowance}/min"})
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
    other = RequestFactory().get("/", REMOTE_ADDR="203.0.113.8")
    barrier = threading.Barrier(CLIENTS_AT_ONCE)
    answers, errors = [], []

    def client():
        try:
            barrier.wait()
            answers.append(throttle().allow_request(request, None))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            caches.close_all()

    with override_settings(CACHES={"default": _cache(backend, settings)}):
        threads = [threading.Thread(target=client) for _ in range(CLIENTS_AT_ONCE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        assert sum(answers) == allowance
        assert throttle().allow_request(other, None)  # another client has its own allowance
