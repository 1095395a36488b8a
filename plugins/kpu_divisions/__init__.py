"""Divisions: a page and feeds per division, the division index, the feeds page and OPML."""

from pelican import signals

from kpu_divisions.handlers import add_generator, apply_settings
from kpu_divisions.model import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings first, then the generator for division pages."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
