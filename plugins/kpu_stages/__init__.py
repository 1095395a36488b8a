"""Election stages (tahapan): the /tahapan/ timeline, the home block and a calendar per election."""

from pelican import signals

from kpu_messages import raise_recorded
from kpu_stages.handlers import add_generator, apply_settings
from kpu_stages.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings first, then the generator that owns content/tahapan/."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(raise_recorded)
