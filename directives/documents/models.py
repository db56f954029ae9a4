"""The register: documents (directives, official letters, decisions), their clauses and references."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import DocumentKind, DocumentStatus, ReferenceRelation


def random_upload_name(folder: str, filename: str) -> str:
    # Uploaded names are never reused: a guessable path must not reveal another agency's evidence.
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def attachment_path(instance, filename: str) -> str:
    return random_upload_name("directives", filename)


class Document(models.Model):
    """A directive, official letter, decision, plan or notice, with its clauses and references."""

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    number = models.CharField(_("number and symbol"), max_length=64, help_text=_("For example 2629/UBND."))
    issuer = models.CharField(_("issuer"), max_length=255)
    issued_on = models.DateField(_("issue date"))
    issued_year = models.PositiveSmallIntegerField(_("year of issue"), editable=False)
    subject = models.TextField(_("subject"))
    attachment = models.FileField(_("PDF attachment"), upload_to=attachment_path, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "number"]
        indexes = [models.Index(fields=["status", "issued_on"])]
        constraints = [
            # The same number from the same issuer in the same year is one document (case-insensitive).
            models.UniqueConstraint(
                Lower("number"), Lower("issuer"), "issued_year", name="directives_document_number_unique"
            ),
        ]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        # Kept in step with issued_on so the database can hold "one number per issuer per year".
        self.issued_year = self.issued_on.year
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentStatus.DRAFT

    @property
    def is_revoked(self) -> bool:
        return self.status == DocumentStatus.REVOKED

    @property
    def is_public(self) -> bool:
        return self.status in (DocumentStatus.PUBLISHED, DocumentStatus.REVOKED)


class Clause(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="clauses", verbose_name=_("document")
    )
    number = models.CharField(_("clause"), max_length=32, help_text=_('For example "2" or "3.1 a".'))
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["document", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="directives_clause_number_unique")
        ]

    def __str__(self):
        return f"{self.document.number} · {self.number}"


class DocumentReference(models.Model):
    source = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="outgoing_references", verbose_name=_("document")
    )
    target = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="incoming_references",
        verbose_name=_("referenced document"),
    )
    relation = models.CharField(_("relation"), max_length=16, choices=ReferenceRelation.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document reference")
        verbose_name_plural = _("document references")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "relation"], name="directives_documentreference_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="directives_documentreference_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.source.number} {self.get_relation_display()} {self.target.number}"
