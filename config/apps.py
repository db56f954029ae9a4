"""App configs that name third-party apps in Vietnamese on the admin site."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    verbose_name = _("Log-in monitoring")
