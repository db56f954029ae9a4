"""Gatherer: the agencies API lives in staffing.registry."""

from staffing.registry.api_urls import urlpatterns  # noqa: F401
