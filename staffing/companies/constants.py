from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    MANUFACTURING = "manufacturing", _("Manufacturing")
    CONSTRUCTION = "construction", _("Construction")
    TRADE = "trade", _("Trade and retail")
    FOOD_ACCOMMODATION = "food_accommodation", _("Food and accommodation")
    TRANSPORT = "transport", _("Transport and logistics")
    AGRICULTURE = "agriculture", _("Agriculture")
    SERVICES = "services", _("Other services")
    OTHER = "other", _("Other")


class CompanyStatus(models.TextChoices):
    ACTIVE = "active", _("Operating")
    CLOSED = "closed", _("Closed")


PAGE_SIZE = 50
