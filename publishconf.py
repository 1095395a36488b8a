"""Settings for the published site: absolute URLs, feeds on, a clean output folder."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403  (the publish build extends the dev settings)
from pelicanconf import KPU_OFFICE  # noqa: E402

SITEURL = KPU_OFFICE["site_url"].rstrip("/")
# GitHub Pages needs a CNAME file for a custom domain (not for *.github.io addresses).
_HOST = SITEURL.split("://", 1)[-1].split("/", 1)[0]
KPU_DEPLOY_CNAME = "" if _HOST.endswith("github.io") else _HOST
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

# Safe publishing: any Pelican warning fails the build, and the output is checked (links,
# anchors, drafts, future items, exempt PPID files, image metadata, sitemap and feeds).
KPU_STRICT = True
KPU_OUTPUT_CHECK = True
# Scheduled items: a future Date stays out until the first build on or after that date.
WITH_FUTURE_DATES = False
