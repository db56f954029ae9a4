from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _register_outbox_kinds():
    from staffing.outbox.constants import register_kind

    for kind, label in (
        ("compliance_report", _("Daily compliance report")),
        ("weekly_compliance_summary", _("Weekly compliance summary")),
        ("obligation_reminder", _("Obligation reminder")),
        ("planning_reminder", _("Planning reminder")),
        ("pre_cutoff_notice", _("Free postal return notice")),
        ("calendar_loaded", _("Next year's calendar")),
        ("password_reset", _("Password reset link")),
    ):
        register_kind(kind, label)


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = _("Agencies and staff")

    def ready(self):
        # Celery finds only <app>.tasks by itself: the sub-domains' tasks register when imported.
        from staffing.assignments import compliance as assignment_figures
        from staffing.assignments import tasks as assignments_tasks  # noqa: F401
        from staffing.companies import compliance as company_sections
        from staffing.company_checks import compliance as company_check_sections
        from staffing.company_checks import tasks as company_checks_tasks  # noqa: F401
        from staffing.heartbeat import tasks as heartbeat_tasks  # noqa: F401
        from staffing.inspections import compliance as inspection_sections
        from staffing.inspections import tasks as inspections_tasks  # noqa: F401
        from staffing.outbox import access as outbox_access
        from staffing.outbox import tasks as outbox_tasks  # noqa: F401
        from staffing.registry.roles import roles_for
        from staffing.workmodes import compliance_sections, policy_panel
        from staffing.workmodes import tasks as workmodes_tasks  # noqa: F401

        outbox_access.register(
            may_read=lambda user: roles_for(user).sees_all_agencies,
            may_retry=lambda user: roles_for(user).is_district_manager,
        )
        _register_outbox_kinds()
        compliance_sections.register()
        assignment_figures.register()
        inspection_sections.register()
        company_sections.register()
        company_check_sections.register()
        policy_panel.register()
