"""Replace the output folder whole: a failed or killed build leaves the last good site.

List it first in PLUGINS: every other plugin must see the staging folder as the output.
"""

from pelican import signals

from kpu_output.handlers import make_staging, start


def register():
    """Connect the handlers that start each build (`start` connects the one that ends it)."""
    signals.initialized.connect(start)
    signals.get_generators.connect(make_staging)
