"""Signal handlers of kpu_check: content rules while reading, a strict log, an output check."""

import datetime
import os
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from pelican.contents import Article, Page

from kpu_check.policy import (
    NEWS_FIELDS,
    PAGE_FIELDS,
    check_date,
    duplicate_urls,
    unknown_fields,
)
from kpu_check.settings import SCHEMA
from kpu_check.strict import attach, forget_earlier_warnings
from kpu_content.model import read_header
from kpu_messages import record_problems
from kpu_settings import apply_schema

STATE_KEY = "KPU_CHECK_STATE"


@dataclass
class CheckState:
    """What one build's checks collect; lives in the build's settings."""

    collector: object = None
    exempt: list = field(default_factory=list)  # slugs of PPID items that must never appear
    sources: dict = field(default_factory=dict)  # output path -> content source path
    leaks: list = field(default_factory=list)  # (output path, message)


def _now(settings):
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC"))


def apply_settings(pelican):
    """Check the settings and, for strict builds, start collecting Pelican's warnings."""
    apply_schema(pelican.settings, SCHEMA, "kpu_check")
    forget_earlier_warnings()
    state = CheckState()
    if pelican.settings["KPU_STRICT"]:
        state.collector = attach()
    pelican.settings[STATE_KEY] = state


def check_content(content):
    """Flag unknown fields and implausible dates (markup and files are kpu_gate's)."""
    if not isinstance(content, (Article, Page)) or content._context is None:
        return
    settings = content.settings
    with open(content.source_path, encoding="utf-8", errors="replace") as handle:
        header = read_header(handle.read(), lower=False)
    known = NEWS_FIELDS if isinstance(content, Article) else PAGE_FIELDS
    problems = unknown_fields(header, known)
    now = _now(settings)
    for name in ("date", "modified"):
        value = getattr(content, name, None)
        if value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=now.tzinfo)
            problem = check_date(name.capitalize(), value, now)
            if problem:
                problems.append(problem)
    record_problems(content._context, content.relative_source_path, problems)


def check_duplicate_urls(generator):
    """Once news and pages are read, report items that would overwrite each other.

    Drafts and scheduled items (a future Date, kept as drafts by publish builds) are compared
    by the address they will have once published too: a clash found only on the due date
    would stop every publication that day.
    """
    context, settings = generator.context, generator.settings
    entries = []
    for key in ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages"):
        for content in context.get(key, []):
            entries.append((content.relative_source_path, key, content.url))
            if key in ("drafts", "draft_pages"):
                pattern = settings["ARTICLE_URL" if key == "drafts" else "PAGE_URL"]
                try:
                    eventual = pattern.format(**content.url_format)
                except (KeyError, ValueError, AttributeError):
                    continue
                if eventual != content.url:
                    entries.append((content.relative_source_path, f"{key}-later", eventual))
    for source, message in duplicate_urls(entries):
        record_problems(context, source, [message])


def remember_exempt_items(generators):
    """Note the exempt PPID items, whose folders the output check must not find."""
    if not generators:
        return
    context = generators[0].context
    state = context.get(STATE_KEY)
    if state is not None:
        state.exempt = [row.item.slug for row in context.get("ppid_exempt_rows", [])]


def remember_output(path, context):
    """Note which content file each page came from, and whether it must not be published."""
    state = context.get(STATE_KEY)
    if state is None:
        return
    content = context.get("article") or context.get("page")
    if content is None or not hasattr(content, "source_path"):
        return
    output = os.path.relpath(path, context.get("OUTPUT_PATH", os.path.dirname(path)))
    state.sources[output] = content.source_path
    if context.get("KPU_OUTPUT_CHECK"):
        if getattr(content, "status", "published") == "draft":
            state.leaks.append((output, "draf ikut terbit; draf tidak boleh ada di situs terbit."))
        date = getattr(content, "date", None)
        if isinstance(content, Article) and date and date > _now(context):
            state.leaks.append((output, "tulisan bertanggal di masa depan ikut terbit."))
