"""Middleware of the project: refuse oversized bodies before reading them, and keep sessions alive cheaply."""

import time

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


class RequestSizeLimitMiddleware:
    """A body larger than the largest upload the product accepts is refused with 413 from its Content-Length,
    before anything reads it: an anonymous 300 MB upload costs one header, not 300 MB of reading."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            # Rendered without the request: nothing of the session or the user is loaded for such a body.
            body = render_to_string("413.html", {"limit_mb": settings.REQUEST_MAX_BYTES / (1024 * 1024)})
            return HttpResponse(body, status=413)
        return self.get_response(request)


class SessionTouchMiddleware:
    """Sessions end after SESSION_IDLE_HOURS without a request; the expiry moves on at most once every
    SESSION_TOUCH_SECONDS, so a read-only request (a page view, the week grid's live summary) writes nothing,
    and the embedded database is not written on every click."""

    KEY = "_touched_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or response.status_code >= 500 or session.is_empty():
            return response
        now = int(time.time())
        if session.modified:
            # Saved anyway (a log-in, a message): the expiry moves on now, at no extra cost.
            session[self.KEY] = now
        elif now - int(session.get(self.KEY, now)) >= settings.SESSION_TOUCH_SECONDS:
            session[self.KEY] = now
        return response
