from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    OFFICIAL_LETTER = "official_letter", _("Official letter")
    DIRECTIVE = "directive", _("Directive")
    DECISION = "decision", _("Decision")
    PLAN = "plan", _("Plan")
    NOTICE = "notice", _("Notice")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    REVOKED = "revoked", _("Revoked")


class ReferenceRelation(models.TextChoices):
    IMPLEMENTS = "implements", _("Implements")
    REFERS_TO = "refers_to", _("Refers to")
    AMENDS = "amends", _("Amends")
    SUPERSEDES = "supersedes", _("Supersedes")


PUBLIC_STATUSES = (DocumentStatus.PUBLISHED, DocumentStatus.REVOKED)
# Only these relations order documents in time; a cycle among them would make "which one is current" unanswerable.
ORDERING_RELATIONS = (ReferenceRelation.AMENDS, ReferenceRelation.SUPERSEDES)
