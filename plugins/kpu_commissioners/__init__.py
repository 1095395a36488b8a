"""The commissioners' profile page, generated from the regency block (KPU_OFFICE)."""

from pelican import signals

from kpu_commissioners.handlers import apply_settings, attach_commissioners, check_page_found
from kpu_commissioners.model import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: photos checked at start-up, the list set on the page when read."""
    signals.initialized.connect(apply_settings)
    signals.content_object_init.connect(attach_commissioners)
    signals.page_generator_finalized.connect(check_page_found)
