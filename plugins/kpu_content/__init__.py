"""Check and enrich news items' fields (type, divisions, image, attachments, hoax box)."""

from pelican import signals

from kpu_content.handlers import (
    check_content,
    copy_news_attachments,
    diagnose_unreadable_files,
    link_related_items,
    set_default_types,
)
from kpu_messages import raise_recorded


def register():
    """Connect the handlers: check each item as it is read, fail once all are read."""
    signals.initialized.connect(set_default_types)
    signals.content_object_init.connect(check_content)
    # Files Pelican could not read are only known once a generator has tried them all.
    signals.article_generator_finalized.connect(diagnose_unreadable_files)
    signals.article_generator_finalized.connect(link_related_items)
    signals.page_generator_finalized.connect(diagnose_unreadable_files)
    signals.all_generators_finalized.connect(raise_recorded)
    signals.article_writer_finalized.connect(copy_news_attachments)
