"""Every write of the register: documents, clauses and references.

Forms, the API, the admin and the demo all come through here; each function checks its rules and raises
ValidationError with a code (and the field it concerns) before anything is saved. The small helpers at the
top (`normalise`, `by_user`, `field_error`) are shared with the policy and obligation services.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import ORDERING_RELATIONS, DocumentStatus, ReferenceRelation
from .models import Clause, Document, DocumentReference
from .validators import validate_pdf_upload


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def by_user(instance, user):
    """Name the user in the history row even outside a web request (API, demo, Celery)."""
    if user is not None:
        instance._history_user = user
    return instance


def field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _refuse_unless_draft(document: Document) -> None:
    if not document.is_draft:
        raise ValidationError(
            _(
                "Document %(number)s is already published: its text and clauses are frozen. "
                "Register a new document that amends it."
            )
            % {"number": document.number},
            code="document_frozen",
        )


def _check_number_free(*, number: str, issuer: str, year: int, exclude_pk=None) -> None:
    # Compared in Python: SQLite's LOWER() and LIKE fold only ASCII letters, and issuers are Vietnamese.
    key = (number.casefold(), issuer.casefold())
    same_year = (
        Document.objects.filter(issued_year=year).exclude(pk=exclude_pk).values_list("number", "issuer")
    )
    if any((n.casefold(), i.casefold()) == key for n, i in same_year):
        raise field_error(
            "number",
            _("Number %(number)s from %(issuer)s in %(year)s is already registered.")
            % {"number": number, "issuer": issuer, "year": year},
            "duplicate_number",
        )


def _check_attachment(attachment) -> None:
    if not attachment:
        return
    try:
        validate_pdf_upload(attachment)
    except ValidationError as exc:
        raise ValidationError({"attachment": exc.error_list}) from exc


# Documents ---------------------------------------------------------------------------------------


@transaction.atomic
def document_create(
    *,
    user,
    kind: str,
    number: str,
    issuer: str,
    issued_on: datetime.date,
    subject: str,
    attachment=None,
    clauses: Sequence[dict] = (),
    references: Sequence[tuple[str, Document]] = (),
) -> Document:
    """Register a draft; `clauses` is a list of {"number", "text"} in reading order, `references` the
    (relation, document) pairs it states (e.g. it supersedes 2629/UBND), recorded in the same step."""
    number, issuer = normalise(number), normalise(issuer)
    if issued_on:
        _check_number_free(number=number, issuer=issuer, year=issued_on.year)
    _check_attachment(attachment)
    document = Document(
        kind=kind,
        number=number,
        issuer=issuer,
        issued_on=issued_on,
        issued_year=issued_on.year if issued_on else 0,
        subject=(subject or "").strip(),
        status=DocumentStatus.DRAFT,
        created_by=user,
    )
    if attachment:
        document.attachment = attachment
    document.full_clean()
    by_user(document, user).save()
    _clauses_set(document=document, clauses=clauses, user=user)
    for relation, target in references:
        reference_add(source=document, target=target, relation=relation, user=user)
    return document


@transaction.atomic
def document_update(
    *,
    document: Document,
    user,
    kind: str,
    number: str,
    issuer: str,
    issued_on: datetime.date,
    subject: str,
    attachment=None,
    remove_attachment: bool = False,
    clauses: Sequence[dict] | None = None,
) -> Document:
    """Change a draft (published ones are frozen); `clauses`, when given, replaces the clause list.

    Each clause dict may carry the "id" of an existing clause and "delete": True to remove it.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    _refuse_unless_draft(document)
    number, issuer = normalise(number), normalise(issuer)
    if issued_on:
        _check_number_free(number=number, issuer=issuer, year=issued_on.year, exclude_pk=document.pk)
    _check_attachment(attachment)
    document.kind = kind
    document.number = number
    document.issuer = issuer
    document.issued_on = issued_on
    document.issued_year = issued_on.year if issued_on else 0
    document.subject = (subject or "").strip()
    if attachment:
        document.attachment = attachment
    elif remove_attachment:
        document.attachment = ""
    document.full_clean()
    by_user(document, user).save()
    if clauses is not None:
        _clauses_set(document=document, clauses=clauses, user=user)
    return document


@transaction.atomic
def document_publish(*, document: Document, user, confirm_rules_end: bool = False) -> Document:
    """Publish a draft. When publishing it would leave days without rules that were in force (it supersedes a
    directive whose policy it does not replace), the office must say so explicitly, or draft this document's
    own policy first: it is published with it, so no day is left without the intended rules."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not document.is_draft:
        raise ValidationError(
            _("Only a draft can be published; %(number)s is %(status)s.")
            % {"number": document.number, "status": document.get_status_display().lower()},
            code="not_draft",
        )
    lapsing = [c for c in publish_consequences(document) if c.ends_rules]
    if lapsing and not confirm_rules_end:
        raise field_error(
            "confirm_rules_end",
            _(
                "Publishing %(number)s ends rules with nothing to replace them: %(what)s Draft the policy of "
                "%(number)s first (it is published together with the document), or confirm that these rules end."
            )
            % {"number": document.number, "what": " ".join(c.text for c in lapsing)},
            "rules_would_lapse",
        )
    document.status = DocumentStatus.PUBLISHED
    document.published_at = timezone.now()
    document.published_by = user
    document.full_clean()
    by_user(document, user).save(update_fields=["status", "published_at", "published_by", "updated_at"])
    for listener in _publish_listeners:
        listener(document)
    return document


_publish_listeners: list[Callable[[Document], None]] = []


def register_publish_listener(listener: Callable[[Document], None]) -> None:
    """Called inside document_publish's transaction once the document is published (the policy tells the
    agencies a new cap puts over it); from DirectivesConfig.ready()."""
    if listener not in _publish_listeners:
        _publish_listeners.append(listener)


@dataclass(frozen=True)
class PublishConsequence:
    """What publishing a document does to rules in force, in words; `ends_rules` when they end unreplaced."""

    text: str
    ends_rules: bool = False


_publish_consequences: list[Callable[[Document], list[PublishConsequence]]] = []


def register_publish_consequences(source: Callable[[Document], list[PublishConsequence]]) -> None:
    """The policy (a floor above the register) says what a publication ends; from DirectivesConfig.ready()."""
    if source not in _publish_consequences:
        _publish_consequences.append(source)


def publish_consequences(document: Document) -> list[PublishConsequence]:
    return [item for source in _publish_consequences for item in source(document)]


@transaction.atomic
def document_revoke(*, document: Document, user, revoked_on: datetime.date, reason: str = "") -> Document:
    """End a published document from `revoked_on`: its policy no longer applies from that day."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not document.is_published:
        raise ValidationError(
            _("Only a published document can be revoked; %(number)s is %(status)s.")
            % {"number": document.number, "status": document.get_status_display().lower()},
            code="not_published",
        )
    if revoked_on is None:
        raise field_error("revoked_on", _("Enter the date the revocation takes effect."), "required")
    if revoked_on < document.issued_on:
        raise field_error(
            "revoked_on",
            _("The revocation cannot take effect before the document was issued (%(day)s).")
            % {"day": document.issued_on.strftime("%d/%m/%Y")},
            "revoked_before_issue",
        )
    document.status = DocumentStatus.REVOKED
    document.revoked_on = revoked_on
    document.revoked_by = user
    document.revocation_reason = (reason or "").strip()
    document.full_clean()
    by_user(document, user).save(
        update_fields=["status", "revoked_on", "revoked_by", "revocation_reason", "updated_at"]
    )
    return document


# Clauses -----------------------------------------------------------------------------------------


def _check_clause_number_free(*, document: Document, number: str, exclude_pk=None) -> None:
    clash = document.clauses.filter(number__iexact=number)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise field_error(
            "number",
            _("Clause %(number)s already exists in this document.") % {"number": number},
            "duplicate_clause",
        )


@transaction.atomic
def clause_create(
    *, document: Document, number: str, text: str, position: int | None = None, user=None
) -> Clause:
    document = Document.objects.select_for_update().get(pk=document.pk)
    _refuse_unless_draft(document)
    number = normalise(number)
    _check_clause_number_free(document=document, number=number)
    if position is None:
        position = document.clauses.count() + 1
    clause = Clause(document=document, number=number, text=(text or "").strip(), position=position)
    clause.full_clean()
    by_user(clause, user).save()
    return clause


@transaction.atomic
def clause_update(
    *, clause: Clause, number: str, text: str, position: int | None = None, user=None
) -> Clause:
    document = Document.objects.select_for_update().get(pk=clause.document_id)
    _refuse_unless_draft(document)
    number = normalise(number)
    _check_clause_number_free(document=document, number=number, exclude_pk=clause.pk)
    clause.number = number
    clause.text = (text or "").strip()
    if position is not None:
        clause.position = position
    clause.full_clean()
    by_user(clause, user).save()
    return clause


@transaction.atomic
def clause_delete(*, clause: Clause, user=None) -> None:
    document = Document.objects.select_for_update().get(pk=clause.document_id)
    _refuse_unless_draft(document)
    if clause.obligations.exists():
        raise ValidationError(
            _("Clause %(number)s has obligations; remove them before removing the clause.")
            % {"number": clause.number},
            code="clause_has_obligations",
        )
    by_user(clause, user).delete()


def _clauses_set(*, document: Document, clauses: Sequence[dict], user=None) -> None:
    kept = [c for c in clauses if not c.get("delete")]
    numbers = [normalise(c["number"]).lower() for c in kept]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise field_error(
            "clauses",
            _("Clause numbers must differ: %(numbers)s.") % {"numbers": ", ".join(duplicates)},
            "duplicate_clause",
        )
    existing = {c.pk: c for c in document.clauses.all()}
    for data in clauses:
        if data.get("delete") and data.get("id") in existing:
            clause_delete(clause=existing.pop(data["id"]), user=user)
    for position, data in enumerate(kept, start=1):
        number, text = normalise(data["number"]), (data["text"] or "").strip()
        clause = existing.get(data.get("id"))
        if clause is None:
            clause_create(document=document, number=number, text=text, position=position, user=user)
        elif (clause.number, clause.text, clause.position) != (number, text, position):
            clause_update(clause=clause, number=number, text=text, position=position, user=user)


# References --------------------------------------------------------------------------------------


def _reaches(*, start_pk: int, goal_pk: int) -> bool:
    """Whether `start` already amends or supersedes `goal`, directly or through other documents."""
    edges = defaultdict(set)
    for source_id, target_id in DocumentReference.objects.filter(relation__in=ORDERING_RELATIONS).values_list(
        "source_id", "target_id"
    ):
        edges[source_id].add(target_id)
    seen, frontier = {start_pk}, [start_pk]
    while frontier:
        node = frontier.pop()
        for nxt in edges[node]:
            if nxt == goal_pk:
                return True
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return False


@transaction.atomic
def reference_add(*, source: Document, target: Document, relation: str, user=None) -> DocumentReference:
    """Record that `source` implements, refers to, amends or supersedes `target`."""
    if target is None:
        raise field_error("target", _("Choose the referenced document."), "required")
    if source.pk == target.pk:
        raise field_error("target", _("A document cannot refer to itself."), "self_reference")
    # Both rows locked in one order: two offices adding A→B and B→A at once cannot both pass the cycle check.
    locked = {d.pk: d for d in Document.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    source = locked[source.pk]
    _refuse_unless_draft(source)
    if relation not in ReferenceRelation.values:
        raise field_error("relation", _("Choose a relation."), "invalid_relation")
    if DocumentReference.objects.filter(source=source, target=target, relation=relation).exists():
        raise field_error(
            "target",
            _("This reference to %(number)s is already recorded.") % {"number": target.number},
            "duplicate_reference",
        )
    if relation in ORDERING_RELATIONS and _reaches(start_pk=target.pk, goal_pk=source.pk):
        raise field_error(
            "target",
            _(
                "%(target)s already amends or supersedes %(source)s (directly or through other documents); "
                "this reference would close a cycle."
            )
            % {"target": target.number, "source": source.number},
            "reference_cycle",
        )
    reference = DocumentReference(source=source, target=target, relation=relation)
    reference.full_clean()
    by_user(reference, user).save()
    return reference


@transaction.atomic
def reference_remove(*, reference: DocumentReference, user=None) -> None:
    _refuse_unless_draft(Document.objects.select_for_update().get(pk=reference.source_id))
    by_user(reference, user).delete()
