"""Give static pages a parent and children from their folder, for breadcrumbs and menus."""

from pelican import signals

from kpu_navigation.handlers import apply_settings, link_page_tree
from kpu_navigation.model import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings first, the page tree once all pages are read."""
    signals.initialized.connect(apply_settings)
    signals.page_generator_finalized.connect(link_page_tree)
