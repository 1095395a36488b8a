"""Content rules while reading (fields, dates, duplicate URLs) and a strict log."""

from pelican import signals

from kpu_check.handlers import (
    apply_settings,
    check_content,
    check_duplicate_urls,
    remember_exempt_items,
    remember_output,
)
from kpu_check.settings import SCHEMA
from kpu_messages import raise_recorded

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers; kpu_verify reads what they collect once the output is written."""
    signals.initialized.connect(apply_settings)
    signals.content_object_init.connect(check_content)
    signals.page_generator_finalized.connect(check_duplicate_urls)
    signals.all_generators_finalized.connect(remember_exempt_items)
    signals.all_generators_finalized.connect(raise_recorded)
    signals.content_written.connect(remember_output)
