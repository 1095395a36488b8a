"""Signal handlers of kpu_ppid."""

from kpu_gate.handlers import gate_state
from kpu_ppid.generator import PpidGenerator
from kpu_ppid.settings import SCHEMA, PpidSettingsError, validate_settings
from kpu_settings import apply_schema, raise_settings_problems


def apply_settings(pelican):
    """Fill in the PPID_* defaults and stop at once on a bad setting."""
    apply_schema(pelican.settings, SCHEMA, "kpu_ppid")
    problems = validate_settings(pelican.settings)
    raise_settings_problems(pelican.settings, "kpu_ppid", problems, PpidSettingsError)
    gate_state(pelican.settings)  # fail at once, not file by file, if the gate is not loaded first


def add_generator(pelican):
    """Add the PPID generator after Pelican's own (it needs the pages to detect clashes)."""
    return PpidGenerator
