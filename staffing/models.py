"""Gatherer: Django reads the app's models here; each lives in its sub-domain."""

from staffing.assignments.models import Assignment, Deputy, ProgressReport, StallThresholds
from staffing.classification.models import Classification, RuleSet
from staffing.companies.models import Company
from staffing.company_checks.models import CheckAnswer, CompanyCheck, CriteriaSet, Criterion, RiskBand
from staffing.heartbeat.models import WorkerHeartbeat
from staffing.inspections.models import InspectionTeam, OutsideParticipant
from staffing.notifications.models import Notification, NotificationPreference
from staffing.outbox.models import OutboxAttachment, OutboxMessage
from staffing.registry.models import Agency, RoleAssignment, StaffMember
from staffing.workmodes.models import PlanningReminder, WorkMode

__all__ = [
    "CheckAnswer",
    "CompanyCheck",
    "CriteriaSet",
    "Criterion",
    "RiskBand",
    "Assignment",
    "ProgressReport",
    "StallThresholds",
    "Deputy",
    "Classification",
    "RuleSet",
    "InspectionTeam",
    "OutsideParticipant",
    "Company",
    "Notification",
    "NotificationPreference",
    "OutboxMessage",
    "OutboxAttachment",
    "Agency",
    "PlanningReminder",
    "RoleAssignment",
    "StaffMember",
    "WorkMode",
    "WorkerHeartbeat",
]
