"""DivisionsGenerator: division pages and feeds, the division index, /feeds/ and OPML."""

import logging
import os

from pelican.generators import Generator

from kpu_divisions.model import all_feeds, build_divisions, group_feeds, opml

logger = logging.getLogger(__name__)


class DivisionsGenerator(Generator):
    """Write what follows from each item's `Divisi:`; the items are the ArticlesGenerator's."""

    def __init__(self, *args, **kwargs):
        self.divisions = []
        self.feeds = []
        super().__init__(*args, **kwargs)

    def generate_context(self):
        """Group the published items by division and list every feed; home uses both."""
        office = self.settings["KPU_OFFICE"]
        self.divisions = build_divisions(office, self.context.get("articles", []), self.settings)
        categories = [category for category, _items in self.context.get("categories", [])]
        types = self.settings.get("KPU_CONTENT_TYPES", {})
        self.feeds = all_feeds(self.settings, categories, self.divisions, types)
        self.context.update(
            kpu_divisions=self.divisions,
            kpu_feeds=self.feeds,
            kpu_feed_groups=group_feeds(self.feeds),
        )

    def generate_output(self, writer):
        """Write each division's paginated page and feeds, the index, /feeds/ and the OPML."""
        relative_urls = self.settings["RELATIVE_URLS"]
        template = self.get_template("division")
        for division in self.divisions:
            writer.write_file(
                division.url + "index.html",
                template,
                self.context,
                relative_urls,
                paginated={"articles": division.articles, "dates": division.articles},
                template_name="division",
                url=division.url,
                division=division,
                articles=division.articles,
                dates=division.articles,
            )
            for path, kind in ((division.feed_atom, "atom"), (division.feed_rss, "rss")):
                if path:
                    writer.write_feed(
                        division.articles,
                        self.context,
                        path,
                        feed_type=kind,
                        feed_title=division.name,
                    )
        index_url = self.settings["KPU_DIVISIONS_URL"]
        writer.write_file(
            index_url + "index.html",
            self.get_template("divisions"),
            self.context,
            relative_urls,
            url=index_url,
        )
        feeds_url = self.settings["KPU_FEEDS_URL"]
        writer.write_file(
            feeds_url + "index.html",
            self.get_template("feeds"),
            self.context,
            relative_urls,
            url=feeds_url,
        )
        if self.feeds:
            self._write_opml()

    def _write_opml(self):
        domain = self.settings.get("FEED_DOMAIN") or self.settings["SITEURL"]
        document = opml(self.feeds, f"Umpan {self.settings['SITENAME']}", domain)
        path = os.path.join(self.output_path, self.settings["KPU_FEEDS_OPML"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(document)
        logger.info("[kpu_divisions] %d feeds listed in %s", len(self.feeds), path)
