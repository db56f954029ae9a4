"""How the sub-domains make up the product's shared pages: the menu, the home pages and the demo.

This is the top floor: it names every sub-domain, and none of them names it. Each sub-domain offers the
same small interface (`nav.nav_items(request, roles)`, `panels.public_panels(request)`,
`panels.home_panels(request, roles)`, `demo.seed(...)`); the order here is the order people see.
"""

from django.utils.translation import pgettext_lazy

from directives.compliance import nav as compliance_nav
from directives.compliance import panels as compliance_panels
from directives.dashboard import demo as dashboard_demo
from directives.dashboard import nav as dashboard_nav
from directives.dashboard import panels as dashboard_panels
from directives.documents import demo as documents_demo
from directives.documents import nav as documents_nav
from directives.documents import panels as documents_panels
from directives.obligations import demo as obligations_demo
from directives.obligations import nav as obligations_nav
from directives.obligations import panels as obligations_panels
from directives.opendata.registry import register_resource
from directives.policy import demo as policy_demo
from directives.policy import nav as policy_nav
from directives.policy import opendata as policy_opendata
from directives.policy import panels as policy_panels
from directives.policy.preview import RULES_PROVIDER, register_preview_section
from directives.policy.services import register_policy_applied_listener
from staffing.assignments import demo as assignments_demo
from staffing.assignments import nav as assignments_nav
from staffing.assignments import panels as assignments_panels
from staffing.assignments.reminders import (
    assignments_due_notify,
    no_report_notify,
    stalled_work_notify,
)
from staffing.assignments.selectors import report_notes
from staffing.classification import demo as classification_demo
from staffing.classification import nav as classification_nav
from staffing.companies import demo as companies_demo
from staffing.companies import nav as companies_nav
from staffing.companies import panels as companies_panels
from staffing.company_checks import demo as company_checks_demo
from staffing.company_checks import nav as company_checks_nav
from staffing.company_checks import panels as company_checks_panels
from staffing.company_checks.reminders import follow_ups_due_notify
from staffing.inspections import demo as inspections_demo
from staffing.inspections import nav as inspections_nav
from staffing.inspections import panels as inspections_panels
from staffing.inspections import preview as inspections_preview
from staffing.inspections.reminders import teams_to_suspend_notify
from staffing.notifications import demo as notifications_demo
from staffing.notifications.registry import register_reminder
from staffing.outbox import nav as outbox_nav
from staffing.registry import demo as registry_demo
from staffing.registry import nav as registry_nav
from staffing.registry import panels as registry_panels
from staffing.workmodes import demo as workmodes_demo
from staffing.workmodes import nav as workmodes_nav
from staffing.workmodes import opendata as workmodes_opendata
from staffing.workmodes import panels as workmodes_panels
from staffing.workmodes import preview as workmodes_preview
from staffing.workmodes.person_notes import register_person_note
from staffing.workmodes.reminders import (
    district_day_notify,
    policy_over_cap_notify,
    tomorrow_reminders_notify,
)
from tthc.calendar import demo as calendar_demo
from tthc.catalogue import demo as catalogue_demo
from tthc.catalogue import nav as catalogue_nav
from tthc.catalogue import opendata as catalogue_opendata
from tthc.dossiers import demo as dossiers_demo
from tthc.dossiers import nav as dossiers_nav
from tthc.dossiers import panels as dossiers_panels
from tthc.dossiers import preview as dossiers_preview
from tthc.dossiers.reminders import dossiers_due_notify
from tthc.intake import opendata as intake_opendata
from tthc.intake import preview as intake_preview
from tthc.reception import demo as reception_demo
from tthc.reception import nav as reception_nav
from tthc.reception import panels as reception_panels
from tthc.reception import preview as reception_preview
from tthc.reception.reminders import petitions_due_notify
from tthc.urgent_lists import demo as urgent_lists_demo
from tthc.urgent_lists import opendata as urgent_lists_opendata
from tthc.urgent_lists import panels as urgent_lists_panels

MENU = (
    (
        pgettext_lazy("menu", "Work schedule"),
        (workmodes_nav, assignments_nav, classification_nav, inspections_nav),
    ),
    (pgettext_lazy("menu", "Agencies and staff"), (registry_nav, companies_nav, company_checks_nav)),
    (
        pgettext_lazy("menu", "Directives"),
        (dashboard_nav, documents_nav, obligations_nav, compliance_nav, outbox_nav, policy_nav),
    ),
    (pgettext_lazy("menu", "Procedures"), (catalogue_nav, dossiers_nav, reception_nav)),
)

_DIRECTIVES = (obligations_panels, compliance_panels, policy_panels, documents_panels)
_TTHC = (urgent_lists_panels, dossiers_panels, reception_panels)
HOME_PANELS = (
    dashboard_panels,
    workmodes_panels,
    assignments_panels,
    inspections_panels,
    registry_panels,
    companies_panels,
    company_checks_panels,
    *_DIRECTIVES,
    *_TTHC,
)
# A one-stop officer who runs no agency starts the day at the desk: the dossiers come first.
DESK_PANELS = (
    *_TTHC,
    workmodes_panels,
    assignments_panels,
    inspections_panels,
    registry_panels,
    companies_panels,
    company_checks_panels,
    *_DIRECTIVES,
)
# Visitors first need the policy in force and how to file a dossier; the directory comes last.
PUBLIC_PANELS = (policy_panels, documents_panels, *_TTHC, workmodes_panels, registry_panels)

# Floor order: the registry first, then the directives, the procedures, and the plans that need them all.
DEMO = (
    registry_demo,
    companies_demo,
    company_checks_demo,
    documents_demo,
    policy_demo,
    obligations_demo,
    catalogue_demo,
    calendar_demo,
    urgent_lists_demo,
    dossiers_demo,
    reception_demo,
    workmodes_demo,
    inspections_demo,
    assignments_demo,
    classification_demo,
    dashboard_demo,
    notifications_demo,  # last: the reminders read what every step above made
)

# Each kind of notification that a beat entry sends, as the demo runs them (beat runs them through tasks).
for _reminder in (
    tomorrow_reminders_notify,
    district_day_notify,
    no_report_notify,
    assignments_due_notify,
    stalled_work_notify,
    dossiers_due_notify,
    teams_to_suspend_notify,
    petitions_due_notify,
    follow_ups_due_notify,
):
    register_reminder(_reminder)

# The today page marks home workers who sent no progress report that day.
register_person_note(report_notes)


# The open data of clause 4, in the order of the public page and of datapackage.json.
for _resource in (
    urgent_lists_opendata.URGENT_LIST,
    policy_opendata.POLICIES,
    policy_opendata.POLICIES_IN_FORCE,
    catalogue_opendata.PROCEDURES,
    intake_opendata.INTAKE_ARRANGEMENTS,
    workmodes_opendata.COMPLIANCE,
):
    register_resource(_resource)


# The sections of a policy preview, in the order of the page: what a clerk checks first comes first.
for _provider in (
    workmodes_preview.PROVIDER,
    intake_preview.PROVIDER,
    dossiers_preview.PROVIDER,
    inspections_preview.PROVIDER,
    reception_preview.PROVIDER,
    RULES_PROVIDER,
):
    register_preview_section(_provider)

# A policy that starts to apply tells the heads whose saved plans it puts over the cap.
register_policy_applied_listener(policy_over_cap_notify)


def menu_groups(request, roles):
    groups = []
    for label, modules in MENU:
        items = [item for module in modules for item in module.nav_items(request, roles)]
        if items:
            active = any(prefix and request.path.startswith(prefix) for _label, _url, prefix in items)
            groups.append({"label": label, "items": items, "active": active})
    return groups
