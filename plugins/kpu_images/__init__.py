"""Responsive, metadata-free images, share cards and social kits, encoded once and cached."""

from pelican import signals

from kpu_images.handlers import (
    add_picture_filter,
    apply_settings,
    collect_social_kits,
    drop_raster_originals,
    finish,
    plan_site_images,
    process_content,
)
from kpu_images.settings import SCHEMA
from kpu_messages import raise_recorded

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers: plan while reading, report problems, encode before writing pages."""
    signals.initialized.connect(apply_settings)
    signals.initialized.connect(plan_site_images)
    signals.generator_init.connect(add_picture_filter)
    signals.content_object_init.connect(process_content)
    signals.static_generator_finalized.connect(drop_raster_originals)
    signals.all_generators_finalized.connect(raise_recorded)
    signals.all_generators_finalized.connect(collect_social_kits)
    signals.all_generators_finalized.connect(finish)
