"""YouTube videos behind a facade: the player script on pages with a video, and /video/."""

from pelican import signals

from kpu_video.handlers import (
    add_generator,
    apply_settings,
    check_list_address,
    collect_videos,
    mark_content,
)
from kpu_video.settings import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: settings, each item's videos, the list, then the /video/ page."""
    signals.initialized.connect(apply_settings)
    signals.content_object_init.connect(mark_content)
    signals.page_generator_finalized.connect(check_list_address)
    signals.all_generators_finalized.connect(collect_videos)
    signals.get_generators.connect(add_generator)
