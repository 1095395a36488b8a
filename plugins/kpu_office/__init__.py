"""Validate the regency block (KPU_OFFICE); derive the settings and office facts from it."""

from pelican import signals

from kpu_office.handlers import apply_office_settings


def register():
    """Connect the handlers: settings are checked once, before anything is read."""
    signals.initialized.connect(apply_office_settings)
