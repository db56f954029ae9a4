from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = _("Agencies and staff")

    def ready(self):
        from . import compliance_sections

        compliance_sections.register()
