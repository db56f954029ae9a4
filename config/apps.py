"""App configs that name third-party apps in Vietnamese on the admin site."""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    verbose_name = _("Log-in monitoring")


class ProjectConfig(AppConfig):
    """The project itself as an app: it composes the sub-domains (menus, home pages, the demo command)."""

    name = "config"
    verbose_name = _("Work-mode administration")
    default = True

    def ready(self):
        # Every process (web, worker, beat, commands, tests) fills the registries the same way: the
        # sub-domains' sections, listeners and resources are known before the first request or task.
        from . import composition  # noqa: F401
