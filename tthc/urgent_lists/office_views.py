"""Office pages: the district office composes and publishes the urgent list (clause 3.1, last line, of
2629/UBND). Anyone else gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffing.registry.roles import roles_for
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .forms import UrgentListCreateForm, UrgentListItemsForm, UrgentListPublishForm, directive_choices
from .models import UrgentList
from .selectors import directive_url


def _require_reader(request):
    """District office, leadership and administrators read every version, drafts included."""
    if not roles_for(request.user).sees_all_agencies:
        raise Http404


def _require_composer(request):
    """Only the district office (and administrators) compose and publish the list."""
    if not roles_for(request.user).is_district_manager:
        raise Http404


def _crumbs(current, urgent_list=None):
    crumbs = [(_("Urgent in-person lists"), reverse("tthc:urgent-list-index"))]
    if urgent_list is not None:
        crumbs.append((str(urgent_list), reverse("tthc:urgent-list-detail", args=[urgent_list.pk])))
    return [*crumbs, (current, None)]


@login_required
def urgent_list_index(request):
    _require_reader(request)
    versions = UrgentList.objects.select_related("directive", "published_by").order_by(
        "status", "-version", "-id"
    )
    today = timezone.localdate()
    return render(
        request,
        "tthc/urgent_lists/urgent_list_index.html",
        {
            "versions": versions,
            "in_force": selectors.urgent_list_in_force(today),
            "may_compose": roles_for(request.user).is_district_manager,
            "create_form": UrgentListCreateForm(),
            "crumbs": [(_("Urgent in-person lists"), None)],
        },
    )


@login_required
@require_POST
def urgent_list_create(request):
    _require_composer(request)
    form = UrgentListCreateForm(request.POST)
    if form.is_valid():
        copy_from = (
            selectors.urgent_list_in_force(timezone.localdate())
            if form.cleaned_data["copy_in_force"]
            else None
        )
        try:
            draft = services.urgent_list_create_draft(
                by=request.user,
                directive=form.cleaned_data["directive"],
                title=form.cleaned_data["title"],
                note=form.cleaned_data["note"],
                copy_from=copy_from,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("A new draft was created. Choose its procedures and save."))
            return redirect("tthc:urgent-list-compose", pk=draft.pk)
    messages.error(
        request, _("The draft could not be created: %(errors)s") % {"errors": form.errors.as_text()}
    )
    return redirect("tthc:urgent-list-index")


@login_required
def urgent_list_detail(request, pk):
    _require_reader(request)
    urgent_list = get_object_or_404(UrgentList.objects.select_related("directive", "published_by"), pk=pk)
    if urgent_list.is_published:
        previous = selectors.previous_published_version(urgent_list)
    else:
        previous = selectors.published_urgent_lists().order_by("-version").first()
    today = timezone.localdate()
    return render(
        request,
        "tthc/urgent_lists/urgent_list_detail.html",
        {
            "urgent_list": urgent_list,
            "items": selectors.urgent_list_items(urgent_list),
            "previous": previous,
            "diff": selectors.urgent_list_diff(previous, urgent_list),
            "directive_url": directive_url(urgent_list.directive),
            "may_compose": roles_for(request.user).is_district_manager and not urgent_list.is_published,
            "publish_form": UrgentListPublishForm(initial={"effective_from": today}),
            "history": urgent_list.history.select_related("history_user").order_by("-history_date")[:20],
            "crumbs": _crumbs(str(urgent_list)),
        },
    )


def _compose(request, urgent_list, form):
    """Save the compose form through urgent_list_compose; "Save and publish" needs its date. Returns the
    saved version or None (the form then carries the errors)."""
    publish = request.POST.get("action") == "publish"
    if not form.is_valid():
        return None
    if publish and form.cleaned_data["effective_from"] is None:
        form.add_error("effective_from", _("Enter the day this version takes effect."))
        return None
    try:
        return services.urgent_list_compose(
            urgent_list=urgent_list,
            by=request.user,
            directive=form.cleaned_data["directive"],
            title=form.cleaned_data["title"],
            note=form.cleaned_data["note"],
            items=form.items(),
            publish_from=form.cleaned_data["effective_from"] if publish else None,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


def _saved(request, saved):
    if saved.is_published:
        messages.success(
            request,
            _("Version %(version)s was published; it takes effect on %(date)s.")
            % {"version": saved.version, "date": saved.effective_from.strftime("%d/%m/%Y")},
        )
    else:
        messages.success(request, _("The draft was saved."))
    return redirect("tthc:urgent-list-detail", pk=saved.pk)


def _compose_page(request, urgent_list, form, chosen, conditions, crumbs):
    procedures = list(form.fields["procedures"].queryset)
    rows = [(p, p.pk in chosen, conditions.get(p.pk, "")) for p in procedures]
    return render(
        request,
        "tthc/urgent_lists/urgent_list_compose.html",
        {
            "urgent_list": urgent_list,
            "form": form,
            "rows": rows,
            "chosen_count": len(chosen),
            "crumbs": crumbs,
        },
    )


def _posted_choice(request):
    chosen = {int(pk) for pk in request.POST.getlist("procedures") if pk.isdigit()}
    return chosen, {p: request.POST.get(f"conditions-{p}", "") for p in chosen}


@login_required
def urgent_list_compose(request, pk):
    _require_composer(request)
    urgent_list = get_object_or_404(UrgentList.objects.select_related("directive"), pk=pk)
    if urgent_list.is_published:
        messages.warning(request, _("A published version is frozen. Start a new draft to change the list."))
        return redirect("tthc:urgent-list-detail", pk=urgent_list.pk)
    stored = {item.procedure_id: item.conditions for item in urgent_list.items.all()}
    if request.method == "POST":
        form = UrgentListItemsForm(request.POST)
        saved = _compose(request, urgent_list, form)
        if saved is not None:
            return _saved(request, saved)
        chosen, conditions = _posted_choice(request)
    else:
        form = UrgentListItemsForm(
            initial={
                "directive": urgent_list.directive,
                "title": urgent_list.title,
                "note": urgent_list.note,
                "procedures": list(stored),
                "effective_from": timezone.localdate(),
            }
        )
        chosen, conditions = set(stored), stored
    return _compose_page(request, urgent_list, form, chosen, conditions, _crumbs(_("Compose"), urgent_list))


@login_required
def urgent_list_new(request):
    """A new version on one page: it starts from the version in force (?directive= names the deciding
    directive, e.g. from its register page) and is saved as a draft or published at once."""
    _require_composer(request)
    if request.method == "POST":
        form = UrgentListItemsForm(request.POST)
        saved = _compose(request, None, form)
        if saved is not None:
            return _saved(request, saved)
        chosen, conditions = _posted_choice(request)
    else:
        in_force = selectors.urgent_list_in_force(timezone.localdate())
        stored = {item.procedure_id: item.conditions for item in in_force.items.all()} if in_force else {}
        asked = request.GET.get("directive", "")
        directive = directive_choices().filter(pk=int(asked)).first() if asked.isdigit() else None
        form = UrgentListItemsForm(
            initial={
                "directive": directive,
                "procedures": list(stored),
                "effective_from": timezone.localdate(),
            }
        )
        chosen, conditions = set(stored), stored
    return _compose_page(request, None, form, chosen, conditions, _crumbs(_("New version")))


@login_required
@require_POST
def urgent_list_publish(request, pk):
    _require_composer(request)
    urgent_list = get_object_or_404(UrgentList, pk=pk)
    form = UrgentListPublishForm(request.POST)
    if form.is_valid():
        try:
            published = services.urgent_list_publish(
                urgent_list=urgent_list,
                effective_from=form.cleaned_data["effective_from"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Version %(version)s was published; it takes effect on %(date)s.")
                % {"version": published.version, "date": published.effective_from.strftime("%d/%m/%Y")},
            )
            return redirect("tthc:urgent-list-detail", pk=published.pk)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("tthc:urgent-list-detail", pk=urgent_list.pk)


@login_required
@require_POST
def urgent_list_discard(request, pk):
    _require_composer(request)
    urgent_list = get_object_or_404(UrgentList, pk=pk)
    try:
        services.urgent_list_discard_draft(urgent_list=urgent_list, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("tthc:urgent-list-detail", pk=urgent_list.pk)
    messages.success(request, _("The draft was deleted."))
    return redirect("tthc:urgent-list-index")
