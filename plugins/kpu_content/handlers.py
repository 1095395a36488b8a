"""Signal handlers of kpu_content."""

import logging
import os

from markupsafe import Markup
from pelican.contents import Article, Page
from pelican.urlwrappers import Category

from kpu_attachments import copy_attachments, parse_attachment_refs, resolve_all
from kpu_content.model import (
    SCHEMA,
    check_news_metadata,
    check_page_metadata,
    diagnose_unreadable,
    labelled_feed_title,
    read_header,
    split_divisions,
)
from kpu_content.types import (
    HOAX_TYPE,
    INFOGRAPHIC_TYPE,
    check_hoax_fields,
    check_infographic_fields,
    claim_review,
    hoax_details,
)
from kpu_gate.handlers import gate_state
from kpu_messages import Problem, record_problems, recorded_problems
from kpu_office.model import unit_slugs, units
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)


def apply_settings(pelican):
    """Check the content types, attachment types and home count; fill in the defaults."""
    apply_schema(pelican.settings, SCHEMA, "kpu_content")
    gate_state(pelican.settings)  # fail at once, not file by file, if the gate is not loaded first


def check_content(content):
    """Check one news item or page and attach its type and division details."""
    settings = content.settings
    if isinstance(content, Article):
        types = settings["KPU_CONTENT_TYPES"]
        divisions = {unit["slug"]: unit for unit in units(settings["KPU_OFFICE"])}
        problems = check_news_metadata(content.metadata, list(divisions), types)
        slugs = split_divisions(content.metadata.get("divisi"))
        content.divisions = [divisions[s] for s in slugs if s in divisions]
        category = getattr(content, "category", None)
        content.type_label = types.get(getattr(category, "slug", ""), "")
        problems += _attach_type_fields(content, getattr(category, "slug", ""))
    elif isinstance(content, Page):
        problems = check_page_metadata(content.metadata)
    else:
        return
    # Recorded, not raised: items with a missing title never reach a generator's lists.
    record_problems(content._context, content.relative_source_path, problems)


def _attach_type_fields(content, type_slug):
    """Resolve attachments (any type) and the hoax box (clarifications); return problems."""
    settings, metadata = content.settings, content.metadata
    refs = parse_attachment_refs(metadata.get("lampiran"))
    content.attachments, problems = resolve_all(
        refs,
        os.path.dirname(content.source_path),
        settings["KPU_ATTACHMENT_TYPES"],
        content.url if refs else "",  # Pelican works the URL out anew on every use
        gate_state(settings),
    )
    content.decree_number = str(metadata.get("nomor", "")).strip()
    content.hoax = content.claim_review = None
    if type_slug == HOAX_TYPE:
        hoax_problems = check_hoax_fields(metadata)
        problems += hoax_problems
        if not hoax_problems:
            office = settings.get("KPU_OFFICE", {})
            siteurl = settings.get("SITEURL", "")
            content.hoax = hoax_details(metadata, metadata.get("tags", []))
            content.claim_review = claim_review(
                content.hoax,
                f"{siteurl}/{content.url}",
                content.date,
                office.get("name", ""),
                f"{siteurl}/",
            )
    content.infographic = type_slug == INFOGRAPHIC_TYPE
    if content.infographic:
        body = striptags(content._content or "")
        problems += [
            _at_body(message, content.source_path) if message.startswith("isi") else message
            for message in check_infographic_fields(metadata, body)
        ]
    return problems


def _at_body(message, source_path):
    """Point a message about the body at the body's first line (after the fields)."""
    with open(source_path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().replace("\r\n", "\n").split("\n")
    blank = next((n for n, line in enumerate(lines, start=1) if not line.strip()), len(lines))
    return Problem(message, line=min(blank + 1, len(lines)))


def striptags(html):
    """Return an HTML fragment's text, as a reader hears it."""
    return Markup(html).striptags()


def copy_news_attachments(generator, writer):
    """Publish the attachments of every written news item beside its page."""
    written = generator.articles + generator.hidden_articles
    if generator.settings.get("DRAFT_SAVE_AS"):
        written += generator.drafts
    for article in written:
        copy_attachments(getattr(article, "attachments", []), generator.output_path)


def diagnose_unreadable_files(generator):
    """Explain files Pelican failed to read and only logged (e.g. an unparseable date)."""
    context, settings = generator.context, generator.settings
    known = recorded_problems(context)
    failed = [
        path
        for path, content in context.get("generated_content", {}).items()
        if content is None and path not in known
    ]
    article_dirs = tuple(f"{d.rstrip('/')}/" for d in settings.get("ARTICLE_PATHS", []))
    for path in failed:
        source = os.path.join(settings["PATH"], path)
        with open(source, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        problems = diagnose_unreadable(text)
        if path.startswith(article_dirs):
            problems += _other_field_problems(read_header(text), settings)
        record_problems(context, path, problems)


def _other_field_problems(header, settings):
    """Check the remaining fields of an unreadable news item, so all are fixed in one go."""
    metadata = {k: v for k, v in header.items() if k not in ("date", "category")}
    metadata["date"] = header.get("date", "")  # already diagnosed
    if header.get("category"):
        metadata["category"] = Category(header["category"], settings)
    types = settings["KPU_CONTENT_TYPES"]
    problems = check_news_metadata(metadata, unit_slugs(settings["KPU_OFFICE"]), types)
    return [p for p in problems if not p.startswith('kolom "Date"')]


def link_related_items(generator, count=3):
    """Give each news item the newest others of its type (once, not per page render)."""
    by_type = {}
    for article in generator.articles:  # newest first
        by_type.setdefault(getattr(getattr(article, "category", None), "slug", ""), []).append(
            article
        )
    for article in generator.articles + generator.drafts:
        same = by_type.get(getattr(getattr(article, "category", None), "slug", ""), [])
        article.related = [other for other in same[: count + 1] if other is not article][:count]


def label_category_feed(context, feed):
    """Title category feeds with the type's label ("Klarifikasi Hoaks"), not its slug."""
    title = feed.feed.get("title", "")
    feed.feed["title"] = labelled_feed_title(
        title, context.get("SITENAME", ""), context.get("KPU_CONTENT_TYPES", {})
    )
