"""The outbox page: every e-mail the product sends, pending, sent or failed, with why and the next try."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access
from .constants import Status, kind_label
from .models import OutboxMessage
from .selectors import outbox_counts, outbox_kinds, outbox_messages
from .services import message_retry

PER_PAGE = 50


@login_required
def outbox_list(request):
    if not access.may_read(request.user):
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    kinds = outbox_kinds()
    kind = request.GET.get("kind", "")
    kind = kind if kind in kinds else ""
    page = Paginator(outbox_messages(status=status, kind=kind), PER_PAGE).get_page(request.GET.get("page"))
    for message in page:
        message.kind_label = kind_label(message.kind)
    context = {
        "page_obj": page,
        "status": status,
        "kind": kind,
        "statuses": Status.choices,
        "kinds": [(value, kind_label(value)) for value in kinds],
        "counts": outbox_counts(),
        "may_retry": access.may_retry(request.user),
    }
    return render(request, "outbox/list.html", context)


@login_required
@require_POST
def outbox_retry(request, pk):
    if not access.may_retry(request.user):
        raise Http404
    message = get_object_or_404(OutboxMessage, pk=pk)
    try:
        message_retry(message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The message to %(to)s will be sent again now.") % {"to": message.to})
    return redirect("outbox:list")
