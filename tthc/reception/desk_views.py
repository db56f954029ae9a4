"""Pages of an agency's people: its petitions (list, one petition with its history and actions, the
attachment) and its reception schedule and channels."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from staffing.registry.roles import roles_for
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .constants import UNANSWERED_STATUSES, PetitionStatus
from .forms import AnswerForm, AssignForm, ChannelsForm, CloseForm, PetitionFilterForm, SlotForm
from .models import ReceptionChannels, ReceptionSlot

PAGE_SIZE = 50


@login_required
def petition_home(request):
    """One agency: straight to its petitions; several: a choice; the district: its overdue list."""
    roles = roles_for(request.user)
    if roles.sees_all_agencies:
        return redirect("tthc:petition-office")
    agencies = list(selectors.petition_agencies_for_user(request.user))
    if len(agencies) == 1:
        return redirect("tthc:petition-list", agencies[0].pk)
    return render(request, "tthc/reception/agency_choice.html", {"agencies": agencies})


@login_required
def petition_list(request, agency_id):
    agency = selectors.get_agency_for_petitions(request.user, agency_id)
    today = timezone.localdate()
    form = PetitionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.petitions_for_agency(
        agency, today=today, status=filters.get("status", ""), overdue=filters.get("overdue", False)
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tthc/reception/list.html",
        {
            "agency": agency,
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "overdue": selectors.overdue_petitions(today=today, agency_id=agency.pk),
            "counts": selectors.petition_counts([agency.pk], today=today).get(
                agency.pk, selectors.NO_PETITIONS
            ),
            "may_edit_reception": selectors.may_edit_reception(request.user, agency.pk),
        },
    )


def _detail_context(request, petition, **forms):
    can_act = selectors.may_handle_petitions(request.user, petition.agency_id)
    staff = selectors.assignable_staff(petition.agency)
    return {
        "petition": petition,
        "history": selectors.petition_history(petition),
        "can_act": can_act,
        "is_open": petition.status in UNANSWERED_STATUSES,
        "is_closed": petition.status == PetitionStatus.CLOSED,
        "is_overdue": petition.status in UNANSWERED_STATUSES and petition.due_date < timezone.localdate(),
        "assign_form": forms.get("assign_form") or AssignForm(staff=staff),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "close_form": forms.get("close_form") or CloseForm(),
    }


@login_required
def petition_detail(request, pk):
    petition = selectors.get_petition_for_user(request.user, pk)
    return render(request, "tthc/reception/detail.html", _detail_context(request, petition))


ACTIONS = {
    "assign": (AssignForm, services.petition_assign, gettext_lazy("The petition has been assigned.")),
    "answer": (AnswerForm, services.petition_answer, gettext_lazy("The answer has been recorded.")),
    "close": (CloseForm, services.petition_close, gettext_lazy("The petition has been closed.")),
}


def _act(request, pk, action):
    petition = selectors.get_petition_for_user(request.user, pk)
    if not selectors.may_handle_petitions(request.user, petition.agency_id):
        raise Http404
    form_class, service, done = ACTIONS[action]
    kwargs = {"staff": selectors.assignable_staff(petition.agency)} if action == "assign" else {}
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            service(petition=petition, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, str(done))
            return redirect("tthc:petition-detail", petition.pk)
    context = _detail_context(request, petition, **{f"{action}_form": form})
    return render(request, "tthc/reception/detail.html", context, status=400)


@login_required
@require_POST
def petition_assign_view(request, pk):
    return _act(request, pk, "assign")


@login_required
@require_POST
def petition_answer_view(request, pk):
    return _act(request, pk, "answer")


@login_required
@require_POST
def petition_close_view(request, pk):
    return _act(request, pk, "close")


@login_required
def petition_attachment(request, pk):
    petition = selectors.get_petition_for_user(request.user, pk)
    if not petition.attachment:
        raise Http404
    response = FileResponse(petition.attachment.open("rb"), as_attachment=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def reception_schedule(request, agency_id):
    """The head keeps the regular reception sessions and the channels published while they are suspended."""
    agency = selectors.get_agency_for_reception_edit(request.user, agency_id)
    staff = selectors.assignable_staff(agency)
    channels = ReceptionChannels.objects.filter(agency=agency).first()
    initial = (
        {"hotline": channels.hotline, "email": channels.email, "note": channels.note} if channels else {}
    )
    slot_form = SlotForm(staff=staff)
    channels_form = ChannelsForm(initial=initial)
    status = 200
    if request.method == "POST":
        which = request.POST.get("form")
        if which == "slot":
            slot_form = SlotForm(request.POST, staff=staff)
            form, service = slot_form, services.reception_slot_add
        else:
            channels_form = ChannelsForm(request.POST)
            form, service = channels_form, services.reception_channels_set
        if form.is_valid():
            try:
                service(agency=agency, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The reception schedule has been saved."))
                return redirect("tthc:reception-schedule", agency.pk)
        status = 400
    return render(
        request,
        "tthc/reception/schedule.html",
        {
            "agency": agency,
            "slots": ReceptionSlot.objects.filter(agency=agency).select_related("officer"),
            "slot_form": slot_form,
            "channels_form": channels_form,
            "r": selectors.reception_status(agency),
        },
        status=status,
    )


@login_required
@require_POST
def reception_slot_remove(request, agency_id, pk):
    agency = selectors.get_agency_for_reception_edit(request.user, agency_id)
    slot = get_object_or_404(ReceptionSlot, pk=pk, agency=agency)
    services.reception_slot_remove(slot=slot, actor=request.user)
    messages.success(request, _("The session has been removed."))
    return redirect("tthc:reception-schedule", agency.pk)
