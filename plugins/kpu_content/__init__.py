"""Check and enrich news items' fields (type, divisions, image, attachments, hoax box)."""

from pelican import signals

from kpu_content.handlers import (
    check_content,
    copy_news_attachments,
    raise_on_problems,
    set_default_types,
)


def register():
    """Connect the handlers: check each item as it is read, fail once all are read."""
    signals.initialized.connect(set_default_types)
    signals.content_object_init.connect(check_content)
    signals.all_generators_finalized.connect(raise_on_problems)
    signals.article_writer_finalized.connect(copy_news_attachments)
