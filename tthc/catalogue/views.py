"""Office pages of the catalogue: the district office imports the procedure catalogue. Anyone else gets a
404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from staffing.registry.roles import roles_for
from tthc.calendar.import_pages import import_page, template_download

from .importers import ProcedureImporter


def _require_composer(request):
    """Only the district office (and administrators) import the catalogue."""
    if not roles_for(request.user).is_district_manager:
        raise Http404


@login_required
def procedure_import(request):
    _require_composer(request)
    return import_page(
        request,
        importer_class=ProcedureImporter,
        template="tthc/catalogue/procedure_import.html",
        done_message=_(
            "Catalogue import finished: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
        ),
        done_url=reverse("tthc:procedure-list"),
        crumbs=[(_("Procedure catalogue"), reverse("tthc:procedure-list")), (_("Import"), None)],
        urls={
            "csv": reverse("tthc:procedure-import-template-csv"),
            "xlsx": reverse("tthc:procedure-import-template-xlsx"),
        },
    )


@login_required
def procedure_import_template(request, fmt):
    _require_composer(request)
    return template_download(
        ProcedureImporter(), fmt, sheet_name=_("Procedures"), filename="procedure-template"
    )
