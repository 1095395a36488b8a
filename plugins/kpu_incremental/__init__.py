"""Incremental builds: render only the pages and feeds whose inputs changed.

Pelican 4.12 has no selective writing, so a one-word edit re-renders every page. This plugin
gives Pelican a Writer that reuses the previous build's file for each page whose site-wide
settings, page variables and touched content items are all unchanged.
"""

from pelican import signals

from kpu_incremental.handlers import apply_settings, finish, prepare, writer_class
from kpu_incremental.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers; `get_generators` runs just before Pelican empties the output."""
    signals.initialized.connect(apply_settings)
    signals.get_generators.connect(prepare)
    signals.get_writer.connect(writer_class)
    signals.finalized.connect(finish)
