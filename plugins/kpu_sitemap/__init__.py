"""sitemap.xml of every public page (PPID and division pages included) and robots.txt.

Our own rather than pelican-sitemap: that plugin lists only Pelican's articles, pages and
index templates, so PPID items, DIP views and division pages would be missing.
"""

from pelican import signals

from kpu_sitemap.handlers import apply_settings, remember_dates, write_sitemap
from kpu_sitemap.model import SCHEMA

# Read by kpu_settings, so a build that stops over another plugin's settings names these too.
SETTINGS_SCHEMA = SCHEMA


def register():
    """Connect the handlers; the sitemap is written from the finished output."""
    signals.initialized.connect(apply_settings)
    signals.content_written.connect(remember_dates)
    signals.finalized.connect(write_sitemap)
