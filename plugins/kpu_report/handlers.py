"""Signal handlers of kpu_report."""

from kpu_report.generator import ReportGenerator
from kpu_report.model import SCHEMA
from kpu_settings import apply_schema


def apply_settings(pelican):
    """Fill in the KPU_REPORT_* defaults and stop at once on a bad one."""
    apply_schema(pelican.settings, SCHEMA, "kpu_report")


def add_generator(pelican):
    """Add the report generator."""
    return ReportGenerator
