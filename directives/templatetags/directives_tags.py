from django import template

from directives.obligations.constants import ObligationState

register = template.Library()

STATE_CLASSES = {
    ObligationState.PENDING: "text-bg-secondary",
    ObligationState.ACKNOWLEDGED: "text-bg-info",
    ObligationState.DONE: "text-bg-success",
    ObligationState.OVERDUE: "text-bg-danger",
    ObligationState.CLOSED: "text-bg-light border",
}
STATUS_CLASSES = {"draft": "text-bg-warning", "published": "text-bg-success", "revoked": "text-bg-secondary"}


@register.inclusion_tag("directives/_state_badge.html")
def state_badge(state):
    if state is None:
        return {"label": "", "css": ""}
    return {"label": ObligationState(state).label, "css": STATE_CLASSES[state]}


@register.inclusion_tag("directives/_state_badge.html")
def status_badge(document):
    return {"label": document.get_status_display(), "css": STATUS_CLASSES.get(document.status, "")}


@register.simple_tag
def state_label(state):
    return ObligationState(state).label
