from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectivesConfig(AppConfig):
    name = "directives"
    verbose_name = _("Directives")

    def ready(self):
        from directives.compliance import sections as compliance_sections
        from directives.compliance import tasks as compliance_tasks  # noqa: F401  (Celery tasks)
        from directives.documents.panels import register_document_panel
        from directives.documents.selectors import register_history_source
        from directives.documents.services import register_publish_consequences, register_publish_listener
        from directives.obligations import compliance as obligation_sections
        from directives.obligations import panels as obligation_panels
        from directives.obligations import tasks as obligation_tasks  # noqa: F401  (Celery tasks)
        from directives.policy import panels as policy_panels
        from directives.policy.selectors import policy_history
        from directives.policy.selectors import publish_consequences as policy_publish_consequences
        from directives.policy.services import document_published

        # A document's pages show its policy and obligations, and its history the policy's changes.
        register_document_panel(policy_panels.document_panel)
        register_document_panel(obligation_panels.document_panel)
        register_history_source(policy_history)
        register_publish_consequences(policy_publish_consequences)
        register_publish_listener(document_published)
        compliance_sections.register()
        obligation_sections.register()
