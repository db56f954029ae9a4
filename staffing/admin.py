"""Gatherer: the admin pages of each sub-domain register themselves when imported."""

from staffing.assignments import admin as assignments_admin  # noqa: F401
from staffing.classification import admin as classification_admin  # noqa: F401
from staffing.companies import admin as companies_admin  # noqa: F401
from staffing.company_checks import admin as company_checks_admin  # noqa: F401
from staffing.heartbeat import admin as heartbeat_admin  # noqa: F401
from staffing.inspections import admin as inspections_admin  # noqa: F401
from staffing.notifications import admin as notifications_admin  # noqa: F401
from staffing.outbox import admin as outbox_admin  # noqa: F401
from staffing.registry import admin as registry_admin  # noqa: F401
from staffing.workmodes import admin as workmodes_admin  # noqa: F401
