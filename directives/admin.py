"""The admin registrations of the sub-domains (read-only: every change goes through the web forms)."""

from directives.compliance import admin as compliance_admin  # noqa: F401
from directives.documents import admin as documents_admin  # noqa: F401
from directives.obligations import admin as obligations_admin  # noqa: F401
from directives.policy import admin as policy_admin  # noqa: F401
