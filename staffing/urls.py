"""Gatherer: the agency and staff pages (namespace "staffing") live in staffing.registry."""

from staffing.registry.urls import app_name, urlpatterns  # noqa: F401
