from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = _("Agencies and staff")

    def ready(self):
        # Celery finds only <app>.tasks by itself: the sub-domains' tasks register when imported.
        from staffing.assignments import compliance as assignment_figures
        from staffing.companies import compliance as company_sections
        from staffing.company_checks import compliance as company_check_sections
        from staffing.heartbeat import tasks as heartbeat_tasks  # noqa: F401
        from staffing.inspections import compliance as inspection_sections
        from staffing.workmodes import compliance_sections, policy_panel
        from staffing.workmodes import tasks as workmodes_tasks  # noqa: F401

        compliance_sections.register()
        assignment_figures.register()
        inspection_sections.register()
        company_sections.register()
        company_check_sections.register()
        policy_panel.register()
