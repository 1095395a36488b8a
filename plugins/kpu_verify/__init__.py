"""Check the finished output: strict warnings, dead links and anchors, leaks, listings.

List it last in PLUGINS: it must run after every other plugin has written its files.
"""

from pelican import signals

from kpu_verify.handlers import ask_for_page_facts, finish


def register():
    """Connect the final check."""
    signals.initialized.connect(ask_for_page_facts)
    signals.finalized.connect(finish)
