"""Favicons, app icons and the web manifest, drawn from the office's emblem at build time."""

from pelican import signals

from kpu_icons.handlers import apply_settings, write_icons
from kpu_icons.model import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: templates learn the icon paths first, files are written last."""
    signals.initialized.connect(apply_settings)
    signals.finalized.connect(write_icons)
