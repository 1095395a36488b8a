"""Site search with Pagefind: index the finished output at the end of every build."""

from pelican import signals

from kpu_buildstate import contract
from kpu_search.handlers import apply_settings, index_site
from kpu_search.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA
# Waiting or not changes when the index is written, never what a page shows.
contract.per_build_key("KPU_SEARCH_WAIT")


def register():
    """Connect the handlers; indexing reads the written pages, so it runs at the end."""
    signals.initialized.connect(apply_settings)
    signals.finalized.connect(index_site)
