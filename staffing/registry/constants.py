from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    SPECIALISED_OFFICE = "specialised_office", _("Specialised office")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")
    COMMUNE_COMMITTEE = "commune_committee", _("Commune People's Committee")
    TOWNSHIP_COMMITTEE = "township_committee", _("Township People's Committee")
    PUBLIC_UTILITY_COMPANY = "public_utility_company", _("Public-utility company")
    OTHER = "other", _("Other")


COMMUNE_LEVEL_KINDS = (AgencyKind.COMMUNE_COMMITTEE, AgencyKind.TOWNSHIP_COMMITTEE)


class StaffCategory(models.TextChoices):
    CADRE = "cadre", _("Cadre")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee")
    WORKER = "worker", _("Worker")


class DutyGroup(models.TextChoices):
    REGULAR = "regular", _("Regular")
    EPIDEMIC_TASK_FORCE = "epidemic_task_force", _("Epidemic task force")
    POLICE = "police", _("Police")
    MILITARY = "military", _("Military")


class Role(models.TextChoices):
    DISTRICT_ADMIN = "district_admin", _("District administrator")
    DISTRICT_OFFICE = "district_office", _("District office staff")
    DISTRICT_LEADERSHIP = "district_leadership", _("District leadership")
    AGENCY_HEAD = "agency_head", _("Agency head")
    STAFF_MEMBER = "staff_member", _("Staff member")
    COMMUNE_CHAIRMAN = "commune_chairman", _("Commune chairman")
    ONE_STOP_OFFICER = "one_stop_officer", _("One-stop officer")


# Roles that see every agency; the first two may also change district-wide data.
DISTRICT_WIDE_ROLES = (Role.DISTRICT_ADMIN, Role.DISTRICT_OFFICE, Role.DISTRICT_LEADERSHIP)
DISTRICT_MANAGER_ROLES = (Role.DISTRICT_ADMIN, Role.DISTRICT_OFFICE)
# Roles bound to one agency; the assignment must name it.
AGENCY_ROLES = (Role.AGENCY_HEAD, Role.STAFF_MEMBER, Role.COMMUNE_CHAIRMAN, Role.ONE_STOP_OFFICER)
# Roles that run an agency: they set its work modes, import its staff, acknowledge its obligations.
AGENCY_MANAGER_ROLES = (Role.AGENCY_HEAD, Role.COMMUNE_CHAIRMAN)
