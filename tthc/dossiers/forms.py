"""Forms of the dossier pages: validation and layout only; the intake rules live in tthc.intake.rules and
tthc.dossiers.services."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from staffing.registry.models import Agency
from staffing.toolkit.forms import add_service_errors
from tthc.catalogue.forms import ProcedureChoiceField
from tthc.catalogue.models import Procedure
from tthc.catalogue.selectors import procedure_choices
from tthc.intake.constants import Channel

from .constants import MAX_EXTENSION_WORKING_DAYS, DossierStatus

# A service error on received_at belongs to the two inputs the officer types it in.
SERVICE_FIELD_MAP = {"received_at": "received_date"}


def add_intake_errors(form, exc: ValidationError) -> None:
    add_service_errors(form, exc, field_map=SERVICE_FIELD_MAP)


class DossierReceiveForm(forms.Form):
    procedure = ProcedureChoiceField(
        label=capfirst(_("procedure")),
        queryset=Procedure.objects.none(),
        empty_label=_("Choose the procedure…"),
    )
    received_date = forms.DateField(
        label=_("Received on"), help_text=_("dd/mm/yyyy"), widget=forms.DateInput(format="%d/%m/%Y")
    )
    received_time = forms.TimeField(
        label=_("Time received"), help_text=_("HH:MM"), widget=forms.TimeInput(format="%H:%M")
    )
    channel = forms.ChoiceField(
        label=capfirst(_("intake channel")), choices=Channel.choices, widget=forms.RadioSelect
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
        self.fields["procedure"].queryset = procedure_choices(agency)
        # The hint under the procedure follows the procedure, the day and the channel as they are chosen.
        live_hint = {
            "hx-get": reverse("tthc:dossier-channel-hint", args=[agency.pk]),
            "hx-target": "#channel-hint",
            "hx-include": "[name=procedure],[name=received_date],[name=channel]",
            "hx-trigger": "change",
        }
        self.fields["procedure"].widget.attrs.update(live_hint)
        if not self.is_bound:
            self.fields["procedure"].widget.attrs["autofocus"] = True
        self.fields["received_date"].widget.attrs.update({**live_hint, "autocomplete": "off"})
        self.fields["received_time"].widget.attrs.update({"autocomplete": "off"})
        self.fields["channel"].widget.attrs.update(live_hint)
        self.fields["applicant_name"].widget.attrs.update({"autocomplete": "off"})
        self.fields["applicant_id_number"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}
        )
        self.fields["applicant_phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})
        self.fields["applicant_email"].widget.attrs.update({"autocomplete": "off"})
        self.helper = FormHelper()
        self.helper.form_tag = False
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
                Field("channel", template="tthc/dossiers/_channel_field.html"),
                Div("special_case_reason", css_id="special-case"),
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
            Submit("submit", _("Receive the dossier"), css_class="btn-lg"),
        )

    def chosen_procedure_and_day(self):
        """The procedure and intake day typed so far (valid or not), for the channel hint."""
        if not self.is_bound:
            return None, None
        try:
            procedure = self.fields["procedure"].clean(self.data.get("procedure"))
            day = self.fields["received_date"].clean(self.data.get("received_date"))
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
    channel = forms.ChoiceField(choices=Channel.choices, required=False)


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
    """Validation only: the page lays the choices out by agency kind with "select all" boxes."""

    procedures = forms.ModelMultipleChoiceField(
        label=capfirst(_("procedures")),
        queryset=Procedure.objects.filter(is_active=True).order_by("code"),
    )
    agencies = forms.ModelMultipleChoiceField(
        label=capfirst(_("agencies")),
        queryset=Agency.objects.active().order_by("kind", "name"),
    )
    working_days = forms.IntegerField(
        label=_("Extend by (working days)"), min_value=1, max_value=MAX_EXTENSION_WORKING_DAYS
    )
    reason = forms.CharField(label=capfirst(_("reason")), widget=forms.Textarea(attrs={"rows": 2}))

    def chosen(self, name: str) -> set[int]:
        """The ids ticked in the submitted form, kept when the form comes back with an error."""
        if not self.is_bound:
            return set()
        return {int(v) for v in self.data.getlist(name) if str(v).isdigit()}


class StatusLookupForm(forms.Form):
    code = forms.CharField(
        label=capfirst(_("dossier code")),
        max_length=40,
        help_text=_("Printed on your receipt, for example 27526-210607-0001."),
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    phone = forms.CharField(
        label=_("Applicant's mobile phone"),
        max_length=20,
        help_text=_("The number given when the dossier was filed."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
