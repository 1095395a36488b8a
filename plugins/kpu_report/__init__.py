"""The office's publishing report: items per month per division and per type, with a chart."""

from pelican import signals

from kpu_report.handlers import add_generator, apply_settings
from kpu_report.model import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings first, then the report generator."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
