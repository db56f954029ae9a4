"""Reads of the register: what a visitor or an office reader may see, with clauses, references and history."""

from collections.abc import Callable

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffing.registry.roles import roles_for

from .constants import PUBLIC_STATUSES
from .models import Clause, Document, DocumentReference


def published_documents():
    """Documents anyone may read: published ones, and revoked ones (marked as such)."""
    return Document.objects.filter(status__in=PUBLIC_STATUSES)


def user_reads_drafts(user) -> bool:
    """District office, leadership and administrators read the whole register, drafts included."""
    return roles_for(user).sees_all_agencies


def require_office(request):
    """District office staff and administrators change the register; anyone else gets a 404."""
    if not roles_for(request.user).is_district_manager:
        raise Http404


def require_register_reader(request):
    if not user_reads_drafts(request.user):
        raise Http404


def documents_visible_to(user):
    return Document.objects.all() if user_reads_drafts(user) else published_documents()


def with_references(queryset, *, public_only: bool):
    """Prefetch clauses and both ends of the reference graph (only public ends when `public_only`)."""
    outgoing = DocumentReference.objects.select_related("target").order_by("relation", "target__issued_on")
    incoming = DocumentReference.objects.select_related("source").order_by("relation", "source__issued_on")
    if public_only:
        outgoing = outgoing.filter(target__status__in=PUBLIC_STATUSES)
        incoming = incoming.filter(source__status__in=PUBLIC_STATUSES)
    return queryset.prefetch_related(
        Prefetch("clauses", queryset=Clause.objects.order_by("position", "id")),
        Prefetch("outgoing_references", queryset=outgoing),
        Prefetch("incoming_references", queryset=incoming),
    )


def get_public_document(pk) -> Document:
    """A published or revoked document with its clauses and public references; drafts are 404."""
    return get_object_or_404(with_references(published_documents(), public_only=True), pk=pk)


def get_document_for_user(user, pk) -> Document:
    """The document if this user may read it (drafts only for the district office and leadership)."""
    drafts = user_reads_drafts(user)
    queryset = with_references(documents_visible_to(user), public_only=not drafts)
    return get_object_or_404(queryset.select_related("published_by", "revoked_by", "created_by"), pk=pk)


HISTORY_ACTIONS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}
HISTORY_SKIPPED_FIELDS = {"id", "updated_at", "created_at", "issued_year"}


def history_rows(records, label) -> list[dict]:
    """One row per historical record, naming the fields that changed since the object's previous record."""
    rows, previous = [], {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        fields = [f for f in record.tracked_fields if f.name not in HISTORY_SKIPPED_FIELDS]
        before = previous.get(record.id)
        changed = []
        if before is not None and record.history_type == "~":
            changed = [
                f.verbose_name for f in fields if getattr(before, f.attname) != getattr(record, f.attname)
            ]
        previous[record.id] = record
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "action": HISTORY_ACTIONS.get(record.history_type, record.history_type),
                "object": label(record),
                "changed": changed,
            }
        )
    return rows


_history_sources: list[Callable[[Document], list[dict]]] = []


def register_history_source(source: Callable[[Document], list[dict]]) -> None:
    """Add rows to `document_history` from a sub-domain above the register (the policy's changes);
    `source(document)` returns rows made by `history_rows`. Called from DirectivesConfig.ready()."""
    if source not in _history_sources:
        _history_sources.append(source)


def document_history(document: Document) -> list[dict]:
    """Changes of the document, its clauses and references, and of what the registered sources add (its policy),
    newest first (one query each)."""
    rows = history_rows(
        document.history.select_related("history_user"),
        lambda r: _("Document %(number)s") % {"number": r.number},
    )
    rows += history_rows(
        Clause.history.filter(document_id=document.pk).select_related("history_user"),
        lambda r: _("Clause %(number)s") % {"number": r.number},
    )
    rows += history_rows(
        DocumentReference.history.filter(source_id=document.pk).select_related("history_user", "target"),
        lambda r: (
            _("Reference: %(relation)s %(number)s")
            % {"relation": r.get_relation_display().lower(), "number": r.target.number if r.target else "?"}
        ),
    )
    for source in _history_sources:
        rows += source(document)
    return sorted(rows, key=lambda row: row["date"], reverse=True)


def reference_targets(document: Document):
    return Document.objects.exclude(pk=document.pk).order_by("-issued_on", "number")
