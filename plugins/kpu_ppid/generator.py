"""PpidGenerator: reads content/ppid/ and writes the DIP, the DIK, item pages and open data."""

import logging
import os
from functools import partial

from pelican.generators import Generator
from pelican.utils import slugify

from kpu_attachments import copy_attachments, resolve_all
from kpu_buildstate import contract
from kpu_gate.handlers import gate_state
from kpu_gate.markup import rewrite_youtube, youtube_thumbnail
from kpu_gate.vet import Document, vet_document
from kpu_messages import Problem, record_problems, recorded_problems
from kpu_office.model import office_now, office_zone
from kpu_ppid.dip import (
    DIK_COLUMNS,
    DIP_COLUMNS,
    build_sections,
    build_views,
    dik_records,
    dip_records,
    exempt_sources,
    number_exempt,
    to_csv,
    to_json,
)
from kpu_ppid.feed import ppid_atom
from kpu_ppid.model import check_collection, parse_item

logger = logging.getLogger(__name__)


class PpidGenerator(Generator):
    """Own content/ppid/: PPID items are not news, so Pelican's generators never see them."""

    def __init__(self, *args, **kwargs):
        self.items = []
        self.sections = []
        self.views = []
        self.exempt_rows = []
        super().__init__(*args, **kwargs)

    def _reserved_slugs(self):
        """Slugs an item may not take: the DIP/DIK pages and static pages under /ppid/."""
        prefix = self.settings["PPID_URL"]
        urls = [self.settings["PPID_DIP_URL"], self.settings["PPID_DIK_URL"]]
        pages = self.context.get("pages", []) + self.context.get("hidden_pages", [])
        urls += [page.url for page in pages]
        return {u[len(prefix) :].split("/")[0] for u in urls if u.startswith(prefix)} - {""}

    def _read_items(self):
        """Read and validate every item; return (items, {source: [problems]})."""
        reader = self.readers.readers["md"]
        classes, groups = self.settings["PPID_CLASSES"], self.settings["PPID_GROUPS"]
        items, problems, today = [], {}, office_now(self.settings).date()
        # get_files returns a set: sort, so every build lists the items in the same order.
        # Folders another plugin reads (the request register) hold no PPID items.
        claimed = list(contract.claimed_folders(self.settings))
        files = sorted(
            self.get_files(self.settings["PPID_PATH"], exclude=claimed, extensions=("md",))
        )
        gate, surveyed = gate_state(self.settings), recorded_problems(self.context)
        for relative in files:
            if relative in surveyed:
                continue  # the gate's survey named what is wrong (a file not saved as UTF-8)
            source = os.path.join(self.path, relative)
            try:
                body, metadata = reader.read(source)
            except Exception as error:  # a broken header must be reported, not skipped
                problems[relative] = [f"berkas tidak dapat dibaca ({error})."]
                continue
            document = Document(
                source_path=source,
                fragment=body,
                live=True,  # PPID items have no drafts: every item goes live when built
                scaffold_hint=" (item PPID langsung terbit saat situs dibangun)",
                links_replaced=False,  # Pelican replaces {filename} only in its own contents
            )
            gate_problems = vet_document(document, gate.passed, gate.listings)
            body = rewrite_youtube(
                body,
                str(metadata.get("judul") or ""),
                partial(
                    youtube_thumbnail, source_dir=os.path.dirname(source), listings=gate.listings
                ),
            )
            default_slug = slugify(
                os.path.splitext(os.path.basename(relative))[0],
                regex_subs=self.settings["SLUG_REGEX_SUBSTITUTIONS"],
            )
            item, item_problems = parse_item(
                relative, metadata, body, classes, groups, today, default_slug
            )
            item_problems = gate_problems + item_problems
            if item is not None:
                item.url = self.settings["PPID_ITEM_URL"].format(slug=item.slug)
                item.save_as = item.url + "index.html"
                if not item.exempt:  # an exempt item's body (and its images) is never published
                    item.body, image_problems = self._responsive_images(item.body, source)
                    item_problems += image_problems
                    item.attachments, attachment_problems = resolve_all(
                        item.lampiran,
                        os.path.dirname(source),
                        self.settings["PPID_ATTACHMENT_TYPES"],
                        item.url,
                        gate,
                    )
                    item_problems += attachment_problems
                items.append(item)
            if item_problems:
                problems[relative] = item_problems
        for source, metadata, body, row in contract.offered_ppid_items(self.settings):
            item, item_problems = self._offered_item(source, metadata, body, today, row)
            if item is not None:
                items.append(item)
            if item_problems:
                problems[source] = item_problems
        for relative, message in check_collection(items, self._reserved_slugs()):
            problems.setdefault(relative, []).append(message)
        return items, problems

    def _offered_item(self, source, metadata, body, today, row=None):
        """Check an item another plugin made from data by the rules of an item file."""
        classes, groups = self.settings["PPID_CLASSES"], self.settings["PPID_GROUPS"]
        metadata = {key.lower(): value for key, value in metadata.items()}
        slug = metadata.get("slug") or slugify(
            os.path.splitext(os.path.basename(source))[0],
            regex_subs=self.settings["SLUG_REGEX_SUBSTITUTIONS"],
        )
        item, problems = parse_item(source, metadata, body, classes, groups, today, slug)
        if row is not None:  # one row of a data file: point every message at that row
            problems = [Problem(p, line=row.line) for p in problems]
        if item is not None:
            item.url = self.settings["PPID_ITEM_URL"].format(slug=item.slug)
            item.save_as = item.url + "index.html"
            item.attachments = []
            item.row = row
        return item, problems

    def _responsive_images(self, body, source):
        """Give images in an item's body the same treatment as news images (if enabled).

        Through the build contract: kpu_images offers its image rewrite there when loaded.
        """
        if "<img" not in body:
            return body, []
        return contract.process_fragment(
            self.settings, body, os.path.dirname(source), eager_first=False
        )

    def generate_context(self):
        """Validate all items (listing every problem at once) and build the DIP model."""
        items, problems = self._read_items()
        for source, messages in problems.items():
            record_problems(self.context, source, messages)
        if problems:
            return  # the build stops with every problem once all generators have read
        self.items = items
        classes, groups = self.settings["PPID_CLASSES"], self.settings["PPID_GROUPS"]
        public = [i for i in items if not i.exempt]
        self.sections = build_sections(public, classes, groups)
        years = sorted({i.tahun for i in public}, reverse=True)
        self.views = build_views(self.sections, classes, years, self.settings["PPID_DIP_URL"])
        self.exempt_rows = number_exempt([i for i in items if i.exempt])
        self.context.update(
            ppid_items=public,
            ppid_sections=self.sections,
            ppid_years=years,
            ppid_exempt_rows=self.exempt_rows,
            ppid_exempt_sources=exempt_sources(self.exempt_rows),
        )
        logger.info("[kpu_ppid] %d DIP items, %d DIK items", len(public), len(self.exempt_rows))

    def generate_output(self, writer):
        """Write item pages, every DIP view, the DIK, open data, attachments and the feed."""
        relative_urls = self.settings["RELATIVE_URLS"]
        item_template = self.get_template("ppid_item")
        for item in self.context["ppid_items"]:
            writer.write_file(
                item.save_as, item_template, self.context, relative_urls, item=item, url=item.url
            )
            # Pelican's content_written cannot tell kpu_check this page's file; the output
            # check and `invoke check --ringkasan` name the item behind the page.
            contract.record_page_source(
                self.settings, item.save_as, os.path.join(self.path, item.source)
            )
        dip_template = self.get_template("ppid_dip")
        full_view = self.views[0] if self.views else None
        for view in self.views:
            writer.write_file(
                view.save_as,
                dip_template,
                self.context,
                relative_urls,
                view=view,
                full_view=full_view,
                url=view.url,
            )
        dik_url = self.settings["PPID_DIK_URL"]
        writer.write_file(
            dik_url + "index.html",
            self.get_template("ppid_dik"),
            self.context,
            relative_urls,
            rows=self.exempt_rows,
            url=dik_url,
        )
        self._write_open_data()
        self._copy_attachments()
        self._write_feed()

    def _write(self, relative, text, encoding="utf-8"):
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding=encoding, newline="") as handle:
            handle.write(text)

    def _write_open_data(self):
        """Write the DIP and DIK as CSV (with a BOM, so Excel reads UTF-8) and JSON."""
        siteurl, groups = self.settings["SITEURL"], self.settings["PPID_GROUPS"]
        publisher = self.settings.get("SITENAME", "")
        generated = office_now(self.settings).isoformat(timespec="seconds")
        dip = dip_records(self.sections, siteurl, groups)
        dik = dik_records(self.exempt_rows, siteurl, self.settings["PPID_DIK_URL"], groups)
        for base, title, columns, records in (
            (self.settings["PPID_DIP_DATA"], "Daftar Informasi Publik", DIP_COLUMNS, dip),
            (
                self.settings["PPID_DIK_DATA"],
                "Daftar Informasi yang Dikecualikan",
                DIK_COLUMNS,
                dik,
            ),
        ):
            self._write(base + ".csv", to_csv(columns, records), encoding="utf-8-sig")
            self._write(base + ".json", to_json(title, columns, records, publisher, generated))

    def _copy_attachments(self):
        """Copy only the declared attachments of DIP items; exempt items have none by rule."""
        for item in self.context["ppid_items"]:
            copy_attachments(item.attachments, self.output_path)

    def _write_feed(self):
        path = self.settings.get("PPID_FEED_ATOM")
        if not path:
            return
        domain = self.settings.get("FEED_DOMAIN") or self.settings["SITEURL"]
        title = f"{self.settings.get('SITENAME', '')}: informasi publik (PPID)"
        zone = office_zone(self.settings)
        document = ppid_atom(self.items, domain, f"{domain}/{path}", title, zone)
        self._write(path, document)
