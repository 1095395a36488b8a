"""Read Markdown once: parse new files on every core, reuse unchanged ones from a store.

Pelican parses every file on every build, one after another. This plugin parses what is new
or changed in worker processes before Pelican's readers ask for it and keeps each parse keyed
by the hash of the file's bytes; an unchanged file is never parsed again. Warnings a file
raised are logged again whenever it is read, so a strict build still fails on them.
"""

from pelican import signals

from kpu_readahead.handlers import apply_settings, save_store, wrap_reader
from kpu_readahead.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers; generator_init runs once each generator has its readers."""
    signals.initialized.connect(apply_settings)
    signals.generator_init.connect(wrap_reader)
    signals.all_generators_finalized.connect(save_store)
