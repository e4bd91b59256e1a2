"""Caregiver review: PIN-guarded dashboard, plan editing and exports for the clinician.

Plain Python like the rest of app/: the screens call these functions and show the
messages they return; no rule lives in the UI.
"""
from .dashboard import Dashboard, StepSummary, dashboard
from .export import ExportError, ExportResult, default_export_folder, export_all
from .pin import CaregiverLock, CaregiverSession, CheckResult, PinError
from .plan_edit import DraftStep, PlanDraft, PlanEditError

__all__ = [
    "CaregiverLock", "CaregiverSession", "CheckResult", "PinError",
    "Dashboard", "StepSummary", "dashboard",
    "DraftStep", "PlanDraft", "PlanEditError",
    "ExportError", "ExportResult", "default_export_folder", "export_all",
]
