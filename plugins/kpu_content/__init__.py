"""Check and enrich news items' fields (type, divisions, image, attachments, hoax box)."""

from pelican import signals

from kpu_content.handlers import (
    apply_settings,
    check_content,
    copy_news_attachments,
    diagnose_unreadable_files,
    label_category_feed,
    link_related_items,
)
from kpu_content.model import SCHEMA
from kpu_messages import raise_recorded

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: check each item as it is read, fail once all are read."""
    signals.initialized.connect(apply_settings)
    signals.content_object_init.connect(check_content)
    # Files Pelican could not read are only known once a generator has tried them all.
    signals.article_generator_finalized.connect(diagnose_unreadable_files)
    signals.article_generator_finalized.connect(link_related_items)
    signals.page_generator_finalized.connect(diagnose_unreadable_files)
    signals.all_generators_finalized.connect(raise_recorded)
    signals.article_writer_finalized.connect(copy_news_attachments)
    signals.feed_generated.connect(label_category_feed)
