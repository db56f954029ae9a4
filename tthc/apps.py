from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TthcConfig(AppConfig):
    name = "tthc"
    verbose_name = _("Administrative procedures")

    def ready(self):
        from directives.documents.panels import register_document_panel
        from tthc.calendar import tasks as calendar_tasks  # noqa: F401  (registered for the worker)
        from tthc.dossiers import compliance, tasks  # noqa: F401  (tasks: registered for the worker)
        from tthc.reception import compliance as reception_sections
        from tthc.reception import tasks as reception_tasks  # noqa: F401  (registered for the worker)
        from tthc.urgent_lists.panels import document_panel as urgent_list_document_panel

        # A directive's register page starts the urgent-list version it decides.
        register_document_panel(urgent_list_document_panel)
        compliance.register()
        reception_sections.register()
