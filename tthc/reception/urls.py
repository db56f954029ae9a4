from django.urls import path

from . import desk_views as desk
from . import office_views as office
from . import public_views as public

urlpatterns = [
    # Public pages: no login (clause 2, third dash of 2629/UBND: reception moves online while suspended).
    path("reception/<int:pk>/", public.reception_page, name="public-reception"),
    path("reception/<int:pk>/petition/", public.petition_file_view, name="petition-file"),
    path("petitions/receipt/", public.petition_receipt, name="petition-receipt"),
    path("petitions/lookup/", public.petition_lookup, name="petition-lookup"),
    # The agency's people and the district office.
    path("petitions/", desk.petition_home, name="petition-home"),
    path("petitions/office/", office.petition_office, name="petition-office"),
    path("petitions/office/settings/", office.petition_settings, name="petition-settings"),
    path("petitions/agency/<int:agency_id>/", desk.petition_list, name="petition-list"),
    path("petitions/agency/<int:agency_id>/schedule/", desk.reception_schedule, name="reception-schedule"),
    path(
        "petitions/agency/<int:agency_id>/schedule/<int:pk>/remove/",
        desk.reception_slot_remove,
        name="reception-slot-remove",
    ),
    path("petitions/<int:pk>/", desk.petition_detail, name="petition-detail"),
    path("petitions/<int:pk>/attachment/", desk.petition_attachment, name="petition-attachment"),
    path("petitions/<int:pk>/assign/", desk.petition_assign_view, name="petition-assign"),
    path("petitions/<int:pk>/answer/", desk.petition_answer_view, name="petition-answer"),
    path("petitions/<int:pk>/close/", desk.petition_close_view, name="petition-close"),
]
