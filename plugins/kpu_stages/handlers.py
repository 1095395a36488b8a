"""Signal handlers of kpu_stages."""

from kpu_buildstate import contract
from kpu_gate.handlers import gate_state
from kpu_settings import apply_schema
from kpu_stages.generator import StagesGenerator
from kpu_stages.settings import SCHEMA


def apply_settings(pelican):
    """Check the KPU_STAGES_* settings and claim content/tahapan/ (the gate then reads it)."""
    settings = pelican.settings
    apply_schema(settings, SCHEMA, "kpu_stages")
    gate_state(settings)  # fail at once if the gate is not loaded first
    contract.claim_folder(settings, settings["KPU_STAGES_PATH"], "kpu_stages")


def add_generator(pelican):
    """Add the stages generator; it comes before kpu_service_report's, which reads its periods."""
    return StagesGenerator
