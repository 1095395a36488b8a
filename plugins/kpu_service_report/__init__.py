"""The annual public-information service report, counted from the office's request register."""

from pelican import signals

from kpu_service_report.handlers import add_generator, apply_settings
from kpu_service_report.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings (and the folder claim) first, then the generator."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
