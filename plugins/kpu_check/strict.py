"""Collect Pelican's warnings and errors during a build so a publish build can fail on them."""

import logging

from pelican.log import LimitFilter


class WarningCollector(logging.Handler):
    """Keep every WARNING or worse from Pelican and the kit's plugins."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        """Keep the message of a record from Pelican or a kit plugin."""
        if record.name.startswith(("pelican", "kpu_")):
            self.messages.append(record.getMessage())

    def stop(self):
        """Stop collecting (the build contract's `strict.stop()`)."""
        detach(self)


def forget_earlier_warnings():
    """Let this build log again what an earlier build in the same process logged.

    Pelican drops a warning it has logged once in the process, so a second build in the
    same process (the preview server, a test) would neither show nor count it.
    """
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def attach():
    """Start collecting on the root logger, replacing a collector a failed build left behind."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, WarningCollector):
            root.removeHandler(handler)
    collector = WarningCollector()
    root.addHandler(collector)
    return collector


def detach(collector):
    """Stop collecting."""
    logging.getLogger().removeHandler(collector)
