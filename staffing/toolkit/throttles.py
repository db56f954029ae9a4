"""Per-client limits of the public forms and look-ups, shared by the pages and the API.

Every one counts in Django's cache per client IP, with one atomic increment per request (CountingThrottle),
so simultaneous requests cannot all read the same count and pass. The pages call them directly (a plain Django request carries
the same META); the API lists them in throttle_classes.
"""

from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _PerClientThrottle(SimpleRateThrottle):
    def get_ident(self, request):
        # Without a configured proxy count, X-Forwarded-For is whatever the client typed: a fresh
        # header per request would be a fresh allowance, so only the socket address counts.
        if api_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR")
        return super().get_ident(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class CountingThrottle(_PerClientThrottle):
    """A fixed window whose counter is one atomic cache increment.

    SimpleRateThrottle reads a list of times, appends and writes it back: twenty requests at the same
    moment all read the same list and all pass. `cache.add` creates the window's counter only if absent
    and `cache.incr` is atomic (Redis INCR; locmem under its lock), so exactly `num_requests` pass.
    """

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        cache.add(key, 0, self.duration)
        try:
            count = cache.incr(key)
        except ValueError:  # the window expired between add and incr: this request opens the next one
            cache.add(key, 1, self.duration)
            count = 1
        return count <= self.num_requests

    def wait(self):
        return self.duration


class PublicLookupThrottle(CountingThrottle):
    """Counts look-ups at DEFAULT_THROTTLE_RATES["public_lookup"]: the dossier and the petition status
    look-ups share one allowance per client. Every attempt counts, found or not, so guessing is slow."""

    scope = "public_lookup"


class PublicFilingThrottle(CountingThrottle):
    """Public filings (the petition form and its API) at DEFAULT_THROTTLE_RATES["public_filing"]."""

    scope = "public_filing"


class OpenDataThrottle(CountingThrottle):
    """Open-data files and their descriptor at DEFAULT_THROTTLE_RATES["open_data"] per client: a file over a
    quarter of days costs queries, so a client that scrapes in a loop is slowed, a reader never."""

    scope = "open_data"
