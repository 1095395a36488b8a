"""Give static pages a parent and children from their folder, for breadcrumbs and menus."""

from pelican import signals

from kpu_navigation.handlers import link_page_tree


def register():
    """Connect the handler once all pages are read."""
    signals.page_generator_finalized.connect(link_page_tree)
