"""Site search with Pagefind: index the finished output at the end of every build."""

from pelican import signals

from kpu_search.handlers import apply_settings, index_site


def register():
    """Connect the handlers; indexing reads the written pages, so it runs at the end."""
    signals.initialized.connect(apply_settings)
    signals.finalized.connect(index_site)
