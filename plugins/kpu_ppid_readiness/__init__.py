"""PPID readiness: what the annual e-Monev evaluation looks for, checked on the built site."""

from pelican import signals

from kpu_ppid_readiness.handlers import add_generator, apply_settings, write_report
from kpu_ppid_readiness.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings, the generator, and the report once pages exist."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
    signals.finalized.connect(write_report)
