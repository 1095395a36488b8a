"""Indonesian dates from Babel's CLDR data, independent of the machine's locale."""

from pelican import signals

from kpu_dates.handlers import add_date_filters, set_build_year, set_indonesian_dates


def register():
    """Connect the handlers: filters for templates, Indonesian dates on every content."""
    signals.initialized.connect(set_build_year)
    signals.generator_init.connect(add_date_filters)
    signals.content_object_init.connect(set_indonesian_dates)
