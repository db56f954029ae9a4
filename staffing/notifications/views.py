"""The inbox pages: the list (newest first, by kind, unread or read), opening one (marks it read and goes
to the page to act on), marking read, and the e-mail preferences. Only ever the signed-in person's own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .constants import INBOX_PAGE_SIZE
from .forms import InboxFilterForm, PreferencesForm


def _filters(data) -> tuple[InboxFilterForm, dict]:
    form = InboxFilterForm(data)
    return form, (form.cleaned_data if form.is_valid() else {"kind": "", "state": ""})


def _query(filters: dict) -> str:
    return urlencode({name: value for name, value in filters.items() if value})


@login_required
def inbox(request):
    form, filters = _filters(request.GET)
    rows = selectors.inbox(request.user, kind=filters["kind"], state=filters["state"])
    page = Paginator(rows, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    query = _query(filters)
    return render(
        request,
        "staffing/notifications/inbox.html",
        {"form": form, "page_obj": page, "query": query, "filters": filters},
    )


@login_required
def notification_open(request, pk):
    """Opening a notification reads it; it then leads to its page, or back to the inbox without one."""
    notification = selectors.notification_for_user(request.user, pk)
    services.notifications_mark_read(notification=notification, user=request.user)
    return redirect(selectors.safe_link(notification.link) or reverse("notifications:inbox"))


def _back(filters: dict) -> str:
    """Back to the inbox as the person was reading it (the same kind and state)."""
    query = _query(filters)
    url = reverse("notifications:inbox")
    return f"{url}?{query}" if query else url


@login_required
@require_POST
def notification_read(request, pk):
    notification = selectors.notification_for_user(request.user, pk)
    services.notifications_mark_read(notification=notification, user=request.user)
    return redirect(_back(_filters(request.POST)[1]))


@login_required
@require_POST
def notifications_read_all(request):
    _form, filters = _filters(request.POST)
    count = services.notifications_mark_all_read(user=request.user, kind=filters["kind"])
    if count:
        messages.success(request, _("Marked %(count)s notifications read.") % {"count": count})
    return redirect(_back(filters))


@login_required
def preferences(request):
    current = selectors.email_preferences(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=request.user, email_by_kind=form.email_by_kind())
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    return render(request, "staffing/notifications/preferences.html", {"form": form})
