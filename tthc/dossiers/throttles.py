"""The per-client limit of the public status look-up, shared by the page and the API."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class PublicLookupThrottle(SimpleRateThrottle):
    """Counts look-ups per client IP in Django's cache at DEFAULT_THROTTLE_RATES["public_lookup"].

    The page calls it directly (a plain Django request carries the same META); the API lists it in
    throttle_classes. Every attempt counts, found or not, so guessing codes or phones is slow.
    """

    scope = "public_lookup"

    def get_ident(self, request):
        # Without a configured proxy count, X-Forwarded-For is whatever the client typed: a fresh
        # header per request would be a fresh allowance, so only the socket address counts.
        if api_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR")
        return super().get_ident(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
