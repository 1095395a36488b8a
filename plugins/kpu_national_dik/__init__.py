"""The national DIK: exempt-information entries an office adopts instead of re-typing them."""

from pelican import signals

from kpu_national_dik.handlers import add_generator, apply_settings
from kpu_national_dik.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: the setting (and the list it names) first, then the generator."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
