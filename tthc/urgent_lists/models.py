from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tthc.catalogue.models import Procedure

from .constants import UrgentListStatus


class UrgentList(models.Model):
    """A version of the list of special, urgent procedures received in person (clause 3.1 of 2629/UBND)."""

    # Assigned when the version is published; a draft has none yet.
    version = models.PositiveIntegerField(_("version"), unique=True, null=True, blank=True)
    directive = models.ForeignKey(
        "directives.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="urgent_lists",
        verbose_name=_("directive"),
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=UrgentListStatus.choices, default=UrgentListStatus.DRAFT
    )
    note = models.TextField(_("note"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    procedures = models.ManyToManyField(
        Procedure, through="UrgentListItem", related_name="urgent_lists", verbose_name=_("procedures")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urgent in-person list")
        verbose_name_plural = _("urgent in-person lists")
        ordering = [models.F("version").desc(nulls_first=True), "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=UrgentListStatus.DRAFT)
                | Q(version__isnull=False, directive__isnull=False, effective_from__isnull=False),
                name="tthc_urgentlist_published_complete",
            ),
        ]

    def __str__(self):
        if self.version is None:
            return str(_("Draft urgent list"))
        return str(_("Urgent list version %(version)s") % {"version": self.version})

    @property
    def is_published(self) -> bool:
        return self.status == UrgentListStatus.PUBLISHED


class UrgentListItem(models.Model):
    urgent_list = models.ForeignKey(
        UrgentList, on_delete=models.CASCADE, related_name="items", verbose_name=_("urgent list")
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="urgent_list_items", verbose_name=_("procedure")
    )
    conditions = models.CharField(_("conditions"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urgent list item")
        verbose_name_plural = _("urgent list items")
        ordering = ["procedure__code"]
        constraints = [
            models.UniqueConstraint(fields=["urgent_list", "procedure"], name="tthc_urgentlistitem_unique")
        ]

    def __str__(self):
        return str(self.procedure)
