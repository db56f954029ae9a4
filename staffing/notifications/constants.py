from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    NO_PLAN_TOMORROW = "no_plan_tomorrow", _("No work-mode plan for tomorrow")
    OVER_CAP_TOMORROW = "over_cap_tomorrow", _("Tomorrow over the cap")
    NO_REPORT_TODAY = "no_report_today", _("No progress report today")
    ASSIGNMENTS_DUE = "assignments_due", _("Assignments due tomorrow or overdue")
    ASSIGNMENT_RETURNED = "assignment_returned", _("Assignment returned")
    DOSSIERS_DUE = "dossiers_due", _("Dossiers due tomorrow or overdue")
    DISTRICT_AGENCIES = "district_agencies", _("Agencies over the cap or without a plan today")
    TEAMS_TO_SUSPEND = "teams_to_suspend", _("Inspection teams to suspend")
    PETITIONS_DUE = "petitions_due", _("Petitions due tomorrow or overdue")
    FOLLOW_UPS_DUE = "follow_ups_due", _("Company follow-ups due or overdue")
    STALLED_WORK = "stalled_work", _("Statutory work stalled")
    POLICY_OVER_CAP = "policy_over_cap", _("Saved plans over a new cap")


class ReadState(models.TextChoices):
    UNREAD = "unread", _("Unread")
    READ = "read", _("Read")


INBOX_PAGE_SIZE = 30
