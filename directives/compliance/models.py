from django.db import models
from django.utils.translation import gettext_lazy as _


class ComplianceReport(models.Model):
    """The district's daily compliance report: stored before it is e-mailed, so a day's report goes out once."""

    day = models.DateField(_("day"), unique=True)
    built_at = models.DateTimeField(_("built at"))
    content = models.JSONField(_("content"), default=dict)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("compliance report")
        verbose_name_plural = _("compliance reports")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day:%d/%m/%Y}"

    @property
    def recipient_list(self) -> list[str]:
        return [address for address in self.recipients.split(", ") if address]
