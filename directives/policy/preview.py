"""What a policy change will do, before it is made (issue: "before a directive changes the rules").

`policy_preview` applies the change for real (`policy_set`, and `document_publish` for a draft) inside a
savepoint that is always rolled back, and has every registered section measure the district before and
inside it: the sections read the data through the same selectors the services enforce (`policy_in_force`,
the cap arithmetic of `WorkModePolicy.remote_cap`, the channel rule), so the preview cannot drift from the
rules. Nothing is saved, and nothing is sent: notifications and e-mails queued inside the savepoint are
rolled back with it (on-commit callbacks of a rolled-back savepoint never run), and the publication
listeners know they run in a preview (`services.previewing()`).

Sections come from the sub-domains (config.composition registers them): each has a `key`, a
`measure(scope) -> data` read before and after, and a `compare(before, after, scope) -> PreviewSection`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from directives.documents.constants import ReferenceRelation
from directives.documents.models import Document
from directives.documents.services import document_publish
from staffing.registry.constants import AgencyKind

from .models import WorkModePolicy
from .selectors import policies_in_force_by_kind, public_policies
from .services import as_preview, policy_set

MAX_PREVIEW_DAYS = (
    92  # an open-ended policy is previewed over the days that already have plans, a quarter at most
)


@dataclass(frozen=True)
class PreviewScope:
    """The days a change reaches: [start, end] (end None: open-ended, bounded by each section's data) and
    the day the "on a day" sections read (the first day of the new rules unless another is asked)."""

    start: datetime.date
    end: datetime.date | None
    day: datetime.date
    directive: Document

    def bounded_end(self, last_with_data: datetime.date | None) -> datetime.date | None:
        ends = [d for d in (self.end, last_with_data) if d is not None]
        if not ends:
            return None
        return min(min(ends), self.start + datetime.timedelta(days=MAX_PREVIEW_DAYS - 1))


@dataclass
class PreviewSection:
    key: str
    title: str
    template: str
    context: dict = field(default_factory=dict)
    summary: str = ""  # one line for the top of the page
    changes: int = 0  # how many things change (0: "nothing changes here")


@dataclass(frozen=True)
class PreviewProvider:
    key: str
    measure: Callable[[PreviewScope], object]
    compare: Callable[[object, object, PreviewScope], PreviewSection | None]


_PROVIDERS: list[PreviewProvider] = []


def register_preview_section(provider: PreviewProvider) -> None:
    if all(p.key != provider.key for p in _PROVIDERS):
        _PROVIDERS.append(provider)


def preview_providers() -> tuple[PreviewProvider, ...]:
    return tuple(_PROVIDERS)


@dataclass
class PolicyPreview:
    directive: Document
    scope: PreviewScope
    publishes: bool  # the directive is a draft: the preview is of publishing it
    sections: list[PreviewSection]
    before: WorkModePolicy | None  # the policy as saved (None: the directive carries none yet)
    after: WorkModePolicy | None  # the policy as it would be (read inside the savepoint, detached)

    @property
    def changes(self) -> int:
        return sum(section.changes for section in self.sections)


class _Rollback(Exception):
    pass


def _scope_of(directive: Document, changes: dict | None, day: datetime.date | None) -> PreviewScope:
    """The old and the new period together (a change that shortens the period frees days too)."""
    saved = WorkModePolicy.objects.filter(directive=directive).first()
    new_from = (changes or {}).get("effective_from") or (saved.effective_from if saved else None)
    if new_from is None:
        raise ValidationError({"effective_from": _("Enter the date the policy takes effect.")})
    new_until = changes.get("effective_until") if changes is not None else (saved and saved.effective_until)
    start, end = new_from, new_until
    if saved is not None and changes is not None:
        start = min(start, saved.effective_from)
        end = None if end is None or saved.effective_until is None else max(end, saved.effective_until)
    return PreviewScope(start=start, end=end, day=day or new_from, directive=directive)


def policy_preview(
    *, directive: Document, changes: dict | None = None, user=None, day: datetime.date | None = None
) -> PolicyPreview:
    """What saving `changes` (policy_set's keyword arguments; None: the policy as saved) and, for a draft,
    publishing the directive would change, section by section. Raises the ValidationError policy_set would
    raise for changes it refuses. Nothing is saved."""
    scope = _scope_of(directive, changes, day)
    providers = preview_providers()
    before_policy = public_policies().filter(directive=directive).first()
    before = {p.key: p.measure(scope) for p in providers}
    after: dict = {}
    after_policy = None
    try:
        with as_preview(), transaction.atomic():
            document = Document.objects.get(pk=directive.pk)
            if changes is not None:
                policy_set(directive=document, user=user, **changes)
            if document.is_draft:
                document_publish(document=document, user=user, confirm_rules_end=True)
            after = {p.key: p.measure(scope) for p in providers}
            after_policy = public_policies().filter(directive=document).first()
            raise _Rollback
    except _Rollback:
        pass
    sections = [s for p in providers if (s := p.compare(before[p.key], after[p.key], scope)) is not None]
    return PolicyPreview(
        directive=directive,
        scope=scope,
        publishes=directive.is_draft,
        sections=sections,
        before=before_policy if directive.is_published else None,
        after=after_policy,
    )


# The section of the policy itself: which rules win, per kind of agency, on the scope's day.


def _rules_measure(scope: PreviewScope) -> dict:
    return {
        kind: (policy.directive.number, policy.ratio_display) if policy else None
        for kind, policy in policies_in_force_by_kind(day=scope.day).items()
    }


def _rules_compare(before: dict, after: dict, scope: PreviewScope) -> PreviewSection:
    rows = [
        {
            "kind": AgencyKind(kind).label,
            "before": before.get(kind),
            "after": now,
            "changed": before.get(kind) != now,
        }
        for kind, now in after.items()
    ]
    references = [
        {
            "relation": ref.get_relation_display(),
            "number": ref.target.number,
            "issued_on": ref.target.issued_on,
        }
        for ref in scope.directive.outgoing_references.select_related("target").filter(
            relation__in=(ReferenceRelation.SUPERSEDES, ReferenceRelation.AMENDS)
        )
    ]
    changed = sum(row["changed"] for row in rows)
    return PreviewSection(
        key="rules",
        title=_("Which rules win"),
        template="directives/policy/preview_rules.html",
        context={"rows": rows, "references": references, "day": scope.day},
        summary=(
            _("On %(day)s the rules change for %(n)s kind(s) of agency.")
            % {"day": scope.day.strftime("%d/%m/%Y"), "n": changed}
        ),
        changes=changed,
    )


RULES_PROVIDER = PreviewProvider(key="rules", measure=_rules_measure, compare=_rules_compare)
