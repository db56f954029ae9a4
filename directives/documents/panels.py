"""Panels of the register: the latest directives on the public home page, and the registry through which the
sub-domains above the register (the policy, the obligations) add their blocks to a document's pages.

A document panel is a dict {"template": ..., "column": "main" or "side", plus what the template reads as
`panel.<key>`}; the register page puts "main" panels under the clauses and "side" panels above the
references; the public page shows its panels above the references.
"""

from collections.abc import Callable

from .selectors import published_documents

LATEST_COUNT = 5

DocumentPanelProvider = Callable[..., dict | None]

_document_panels: list[DocumentPanelProvider] = []


def register_document_panel(provider: DocumentPanelProvider) -> None:
    """`provider(document, *, page, can_edit)` returns a panel or None; `page` is "public" or "register".
    Called from DirectivesConfig.ready()."""
    if provider not in _document_panels:
        _document_panels.append(provider)


def document_panels(document, *, page: str, can_edit: bool = False) -> list[dict]:
    panels = (provider(document, page=page, can_edit=can_edit) for provider in _document_panels)
    return [panel for panel in panels if panel is not None]


def public_panels(request):
    return [
        {
            "template": "directives/documents/panels/latest_documents.html",
            "documents": list(published_documents().order_by("-issued_on", "-id")[:LATEST_COUNT]),
        }
    ]


def home_panels(request, roles):
    return []
