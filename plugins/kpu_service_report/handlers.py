"""Signal handlers of kpu_service_report."""

from kpu_buildstate import contract
from kpu_service_report.generator import ServiceReportGenerator
from kpu_service_report.settings import SCHEMA
from kpu_settings import apply_schema


def apply_settings(pelican):
    """Check the KPU_SERVICE_* settings and claim the register folder from kpu_ppid."""
    apply_schema(pelican.settings, SCHEMA, "kpu_service_report")
    contract.claim_folder(
        pelican.settings, pelican.settings["KPU_SERVICE_REGISTER_PATH"], "kpu_service_report"
    )


def add_generator(pelican):
    """Add the report generator; it must come before kpu_ppid's, which reads its DIP item."""
    return ServiceReportGenerator
