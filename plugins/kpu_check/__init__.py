"""Content rules while reading (fields, dates, addresses, links to drafts) and a strict log."""

from pelican import signals

from kpu_check.handlers import (
    apply_settings,
    check_content,
    check_duplicate_urls,
    check_links,
    check_reserved_urls,
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
    # Pages are read after news, so every item is known here; problems are raised together
    # at all_generators_finalized, before anything is written.
    signals.page_generator_finalized.connect(check_duplicate_urls)
    signals.page_generator_finalized.connect(check_reserved_urls)
    signals.page_generator_finalized.connect(check_links)
    signals.all_generators_finalized.connect(remember_exempt_items)
    signals.all_generators_finalized.connect(raise_recorded)
    signals.content_written.connect(remember_output)
