"""Signal handlers of kpu_report."""

from kpu_report.generator import ReportGenerator
from kpu_report.model import DEFAULTS


def apply_settings(pelican):
    """Fill in the KPU_REPORT_* defaults."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def add_generator(pelican):
    """Add the report generator."""
    return ReportGenerator
