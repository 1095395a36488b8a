"""The web editor at /admin/: Decap CMS, bundled from npm, configured from the content model.

Admins write, review and publish from a browser. The editor's config is made on every build
from the same settings the checks use (model.py), files are read and written in Pelican's own
`Key: value` header (static/kpu-format.js), and its page is kept out of the sitemap, the
search index and the feeds (noindex, no Pagefind body).
"""

from pelican import signals

from kpu_admin.handlers import apply_settings, write_admin
from kpu_admin.model import SCHEMA

SETTINGS_SCHEMA = SCHEMA


def register():
    """Check the settings at start; write /admin/ into the finished output."""
    signals.initialized.connect(apply_settings)
    signals.finalized.connect(write_admin)
