"""Panels of the policy: today's policy on the home pages, its block on a document's pages, and the registry of
"what the cap means for your agency" rows that sub-domains above the policy (staffing's work modes) fill.

`register_agency_panel(provider)`: `provider(user, *, day)` returns a list of rows (AgencyCap objects:
agency, summary, can_plan, exact_share, rounded) for the user's own agencies; `agency_panels(user, day=...)`
concatenates what the registered providers return. Providers are registered from an AppConfig.ready().
"""

import datetime
from collections.abc import Callable

from django.utils import timezone

from .models import WorkModePolicy
from .selectors import directive_policy, policy_differences, policy_summary_today, replaced_policy

AgencyPanelProvider = Callable[..., list]

_agency_providers: list[AgencyPanelProvider] = []


def register_agency_panel(provider: AgencyPanelProvider) -> None:
    if provider not in _agency_providers:
        _agency_providers.append(provider)


def agency_panels(user, *, day: datetime.date) -> list:
    rows = []
    for provider in _agency_providers:
        rows.extend(provider(user, day=day))
    return rows


def public_panels(request):
    return [{"template": "directives/policy/panels/policy_today.html", "summary": policy_summary_today()}]


def home_panels(request, roles):
    today = timezone.localdate()
    return [
        {
            "template": "directives/policy/panels/policy_today.html",
            "summary": policy_summary_today(today=today),
            "agency_caps": agency_panels(request.user, day=today),
        }
    ]


def document_panel(document, *, page: str, can_edit: bool = False) -> dict:
    """The policy the document carries, on its public page and its register page (a draft's too, there),
    with what changed against the policy of the letter it supersedes or amends."""
    if page == "public":
        template, policy = "directives/policy/_public_panel.html", directive_policy(document)
    else:
        template = "directives/policy/_register_panel.html"
        policy = directive_policy(document) or WorkModePolicy.objects.filter(directive=document).first()
    replaced = replaced_policy(document) if policy is not None else None
    changes = [row for row in policy_differences(replaced, policy) if row["changed"]] if replaced else []
    return {
        "template": template,
        "column": "side",
        "policy": policy,
        "replaced": replaced,
        "changes": changes,
    }
