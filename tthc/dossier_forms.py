"""Forms of the dossier pages: validation and layout only; the intake rules live in dossier_services."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from staffing.models import Agency

from .constants import Channel, DossierStatus
from .dossier_services import MAX_EXTENSION_WORKING_DAYS
from .models import Procedure

# A service error on received_at belongs to the two inputs the officer types it in.
SERVICE_FIELD_MAP = {"received_at": "received_date"}


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError at the field it names, or above the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        name = SERVICE_FIELD_MAP.get(name, name)
        form.add_error(name if name in form.fields else None, errors)


def procedures_for_agency(agency):
    """Active procedures that this agency's kind handles (an empty kind list means every kind)."""
    procedures = list(Procedure.objects.filter(is_active=True).only("pk", "agency_kinds"))
    ids = [p.pk for p in procedures if not p.agency_kinds or agency.kind in p.agency_kinds]
    return Procedure.objects.filter(pk__in=ids).order_by("code")


class ProcedureChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.name}"


class ProcedureMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.name}"


class DossierReceiveForm(forms.Form):
    procedure = ProcedureChoiceField(label=capfirst(_("procedure")), queryset=Procedure.objects.none())
    channel = forms.ChoiceField(
        label=capfirst(_("intake channel")), choices=Channel.choices, widget=forms.RadioSelect
    )
    received_date = forms.DateField(
        label=_("Received on"), help_text=_("dd/mm/yyyy"), widget=forms.DateInput(format="%d/%m/%Y")
    )
    received_time = forms.TimeField(
        label=_("at"), help_text=_("HH:MM"), widget=forms.TimeInput(format="%H:%M")
    )
    special_case_reason = forms.CharField(
        label=_("Special, urgent case: reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only for an in-person intake of a procedure that is not on the urgent list (clause 3.1 b)."
        ),
    )
    applicant_name = forms.CharField(label=capfirst(_("applicant's full name")), max_length=128)
    applicant_id_number = forms.CharField(
        label=capfirst(_("ID number")), max_length=12, help_text=_("9 or 12 digits.")
    )
    applicant_phone = forms.CharField(label=capfirst(_("mobile phone")), max_length=20)
    applicant_email = forms.EmailField(label=capfirst(_("email")), required=False)
    applicant_address = forms.CharField(label=capfirst(_("address")), max_length=255, required=False)
    documents_received = forms.CharField(
        label=capfirst(_("documents received")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One document per line."),
    )
    result_delivery = forms.ChoiceField(
        label=capfirst(_("result delivery")),
        required=False,
        choices=[("", _("As the rules suggest")), *Channel.choices],
        help_text=_(
            "Left empty: by post while the policy encourages it, in person where the law requires it."
        ),
    )

    def __init__(self, *args, agency, **kwargs):
        now = timezone.localtime()
        kwargs.setdefault(
            "initial",
            {"received_date": now.date(), "received_time": now.time().replace(second=0, microsecond=0)},
        )
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["procedure"].queryset = procedures_for_agency(agency)
        hint_url = reverse("tthc:dossier-channel-hint", args=[agency.pk])
        live_hint = {
            "hx-get": hint_url,
            "hx-target": "#channel-hint",
            "hx-include": "[name=procedure],[name=received_date],[name=channel]",
        }
        self.fields["procedure"].widget.attrs.update({**live_hint, "hx-trigger": "change"})
        self.fields["received_date"].widget.attrs.update({**live_hint, "hx-trigger": "change"})
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(
                _("Procedure and channel"),
                "procedure",
                Div(
                    Div("received_date", css_class="col-7 col-md-4"),
                    Div("received_time", css_class="col-5 col-md-3"),
                    css_class="row",
                ),
                Div(
                    HTML('{% include "tthc/dossiers/_channel_hint.html" %}'),
                    css_id="channel-hint",
                    css_class="mb-3",
                    aria_live="polite",
                ),
                Field("channel"),
                "special_case_reason",
            ),
            Fieldset(
                _("Applicant"),
                "applicant_name",
                Div(
                    Div("applicant_id_number", css_class="col-md-6"),
                    Div("applicant_phone", css_class="col-md-6"),
                    css_class="row",
                ),
                "applicant_email",
                "applicant_address",
            ),
            Fieldset(_("Documents and result"), "documents_received", "result_delivery"),
            Submit("submit", _("Receive the dossier")),
        )

    def chosen_procedure_and_day(self):
        """The procedure and intake day typed so far (valid or not), for the channel hint."""
        field = self.fields["procedure"]
        try:
            procedure = field.clean(self.data.get("procedure")) if self.is_bound else None
            day = (
                self.fields["received_date"].clean(self.data.get("received_date")) if self.is_bound else None
            )
        except ValidationError:
            return None, None
        return procedure, day

    def received_at(self) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(self.cleaned_data["received_date"], self.cleaned_data["received_time"])
        )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "procedure": data["procedure"],
            "channel": data["channel"],
            "received_at": self.received_at(),
            "special_case_reason": data["special_case_reason"],
            "applicant_name": data["applicant_name"],
            "applicant_id_number": data["applicant_id_number"],
            "applicant_phone": data["applicant_phone"],
            "applicant_email": data["applicant_email"],
            "applicant_address": data["applicant_address"],
            "documents_received": data["documents_received"],
            "result_delivery": data["result_delivery"] or None,
        }


class ChannelHintForm(forms.Form):
    procedure = forms.ModelChoiceField(queryset=Procedure.objects.filter(is_active=True))
    received_date = forms.DateField(required=False)
    channel = forms.CharField(required=False)


class DossierFilterForm(forms.Form):
    q = forms.CharField(label=_("Code, name or phone"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=capfirst(_("status")), required=False, choices=[("", _("All statuses")), *DossierStatus.choices]
    )
    procedure = ProcedureChoiceField(
        label=capfirst(_("procedure")),
        required=False,
        queryset=Procedure.objects.none(),
        empty_label=_("All procedures"),
    )
    channel = forms.ChoiceField(
        label=capfirst(_("intake channel")),
        required=False,
        choices=[("", _("All channels")), *Channel.choices],
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    received_from = forms.DateField(label=_("Received from"), required=False)
    received_to = forms.DateField(label=_("Received until"), required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures_for_agency(agency)


class DossierTransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=DossierStatus.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note or reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    postage_amount = forms.IntegerField(
        label=_("Postage (VND)"),
        required=False,
        min_value=0,
        help_text=_("For a free postal return; left empty, the configured flat rate is booked."),
    )


class DossierExtensionForm(forms.Form):
    procedures = ProcedureMultipleChoiceField(
        label=capfirst(_("procedures")),
        queryset=Procedure.objects.filter(is_active=True).order_by("code"),
        widget=forms.CheckboxSelectMultiple,
    )
    agencies = forms.ModelMultipleChoiceField(
        label=capfirst(_("agencies")),
        queryset=Agency.objects.active().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    working_days = forms.IntegerField(
        label=_("Extend by (working days)"), min_value=1, max_value=MAX_EXTENSION_WORKING_DAYS
    )
    reason = forms.CharField(label=capfirst(_("reason")), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Div(
                Div("procedures", css_class="col-md-6"),
                Div("agencies", css_class="col-md-6"),
                css_class="row",
            ),
            Div(
                Div("working_days", css_class="col-md-3"),
                Div("reason", css_class="col-md-9"),
                css_class="row",
            ),
            Submit("submit", _("Extend the due dates")),
        )


class StatusLookupForm(forms.Form):
    code = forms.CharField(label=capfirst(_("dossier code")), max_length=40)
    phone = forms.CharField(
        label=_("Applicant's mobile phone"), max_length=20, help_text=_("The number given at intake.")
    )
