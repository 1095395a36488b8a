"""Settings for the published site: absolute URLs, feeds on, a clean output folder."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403  (the publish build extends the dev settings)
from pelicanconf import KPU_OFFICE  # noqa: E402

SITEURL = KPU_OFFICE["site_url"].rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/semua.atom.xml"
FEED_ALL_RSS = "feeds/semua.rss.xml"
CATEGORY_FEED_ATOM = "feeds/jenis/{slug}.atom.xml"
PPID_FEED_ATOM = "feeds/ppid.atom.xml"
KPU_DIVISION_FEED_ATOM = "feeds/divisi/{slug}.atom.xml"
KPU_DIVISION_FEED_RSS = "feeds/divisi/{slug}.rss.xml"

DELETE_OUTPUT_DIRECTORY = True

# Drafts are never written in the publish build (the dev build shows them under /draf/).
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
