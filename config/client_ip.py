"""The client's address as every throttle and the log-in lock see it.

Behind NUM_PROXIES trusted reverse proxies it is the address the outermost proxy saw (the NUM_PROXIES-th
entry from the right of X-Forwarded-For, Django REST framework's rule); without them it is the socket's
address, since an X-Forwarded-For header is then whatever the client typed.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle


def client_ip(request) -> str:
    if not api_settings.NUM_PROXIES:
        return request.META.get("REMOTE_ADDR", "")
    return BaseThrottle().get_ident(request)
