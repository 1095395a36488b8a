"""Photo albums: an album page, a page per photo (a lightbox without JavaScript), /galeri/."""

from pelican import signals

from kpu_gallery.handlers import add_generator, apply_settings
from kpu_gallery.settings import SCHEMA
from kpu_messages import raise_recorded

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings first, then the generator that owns content/galeri/."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(raise_recorded)
