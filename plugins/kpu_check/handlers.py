"""Signal handlers of kpu_check: content rules while reading, a strict log, an output check."""

from dataclasses import dataclass

from pelican.contents import Article, Page

from kpu_buildstate import contract
from kpu_check.links import Release, unpublished_links
from kpu_check.policy import (
    NEWS_FIELDS,
    PAGE_FIELDS,
    check_date,
    duplicate_urls,
    field_line,
    reserved_prefixes,
    reserved_urls,
    unknown_fields,
)
from kpu_check.settings import SCHEMA
from kpu_check.strict import attach, forget_earlier_warnings
from kpu_content.model import read_header
from kpu_messages import Problem, record_problems
from kpu_office.model import office_now
from kpu_settings import apply_schema

STATE_KEY = "KPU_CHECK_STATE"


@dataclass
class CheckState:
    """What one build's checks keep for themselves; what the output check needs is in the
    build contract (page sources, leaks, forbidden outputs, the strict collector)."""

    collector: object = None


def apply_settings(pelican):
    """Check the settings and, for strict builds, start collecting Pelican's warnings."""
    apply_schema(pelican.settings, SCHEMA, "kpu_check")
    forget_earlier_warnings()
    state = CheckState()
    if pelican.settings["KPU_STRICT"]:
        state.collector = attach()
        contract.build(pelican.settings).strict = state.collector
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
    now = office_now(settings)
    for name in ("date", "modified"):
        value = getattr(content, name, None)
        if value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=now.tzinfo)
            problem = check_date(name.capitalize(), value, now)
            if problem:
                problems.append(problem)
    record_problems(content._context, content.relative_source_path, problems)


# The setting each list's address comes from, and the one it will have once published.
URL_SETTINGS = {
    "articles": "ARTICLE_URL",
    "hidden_articles": "ARTICLE_URL",
    "drafts": "DRAFT_URL",
    "pages": "PAGE_URL",
    "hidden_pages": "PAGE_URL",
    "draft_pages": "DRAFT_PAGE_URL",
}
LATER_SETTINGS = {"drafts": "ARTICLE_URL", "draft_pages": "PAGE_URL"}


def _eventual_url(content, pattern):
    """Return the address `content` will have under `pattern`, or None if it cannot have one."""
    try:
        return pattern.format(**content.url_format)
    except (KeyError, ValueError, AttributeError):
        return None


def _slug_line(content):
    """Return the line of the item's own Slug field, or None when its file name gives the slug."""
    if "slug" not in content.metadata:
        return None
    try:
        with open(content.source_path, encoding="utf-8", errors="replace") as handle:
            return field_line(handle.read(), "Slug")
    except OSError:
        return None


def check_duplicate_urls(generator):
    """Once news and pages are read, report items that would overwrite each other.

    Drafts and scheduled items (a future Date, kept as drafts by publish builds) are compared
    by the address they will have once published too: a clash found only on the due date
    would stop every publication that day. A clash an item's Slug field causes is reported
    at that field, where the admin can fix it.
    """
    context, settings = generator.context, generator.settings
    entries, contents = [], {}
    for key, setting in URL_SETTINGS.items():
        for content in context.get(key, []):
            source = content.relative_source_path
            contents[source] = content
            entries.append((source, key, content.url, "{slug}" in str(settings[setting])))
            if key in LATER_SETTINGS:
                pattern = str(settings[LATER_SETTINGS[key]])
                eventual = _eventual_url(content, pattern)
                if eventual is not None and eventual != content.url:
                    entries.append((source, f"{key}-later", eventual, "{slug}" in pattern))
    for source, via_slug, message in duplicate_urls(entries):
        line = _slug_line(contents[source]) if via_slug else None
        record_problems(context, source, [Problem(message, line=line)])


def check_reserved_urls(generator):
    """Report pages at or under an address the kit writes pages of its own at.

    Pelican would stop with a traceback when writing the second page, after everything
    else has been checked; here the page is named with the other content problems.
    """
    context, settings = generator.context, generator.settings
    entries = []
    for key in ("pages", "hidden_pages", "draft_pages"):
        for page in context.get(key, []):
            # A draft page sits under the drafts' own folder until it is published.
            url = _eventual_url(page, settings["PAGE_URL"]) if key == "draft_pages" else page.url
            if url is not None:
                entries.append((page.relative_source_path, url))
    for source, message in reserved_urls(entries, reserved_prefixes(settings)):
        record_problems(context, source, [message])


def _release(content, now):
    """Tell when an item becomes public, the same way in dev and publish builds.

    Publish builds turn scheduled news into drafts (WITH_FUTURE_DATES = False), so the
    item's own Status field, not Pelican's status, says whether it is a draft.
    """
    draft = str(content.metadata.get("status", "published")).strip().lower() == "draft"
    date = getattr(content, "date", None) if isinstance(content, Article) else None
    if date is not None and date.tzinfo is None:
        date = date.replace(tzinfo=now.tzinfo)
    return Release(draft=draft, date=date if date is not None and date > now else None)


def check_links(generator):
    """Report links from public items to drafts or scheduled news, at the link's line.

    The dev build follows such a link and the publish build only finds it dead in the
    written output; checking once every item is read reports it in both, before writing.
    """
    context = generator.context
    now = office_now(generator.settings)
    items = [
        item
        for item in context.get("generated_content", {}).values()
        if isinstance(item, (Article, Page))
    ]
    releases = {item.relative_source_path: _release(item, now) for item in items}
    for item in items:
        release = releases[item.relative_source_path]
        if release.draft:
            continue  # a draft may link to another draft; neither is published
        public_from = release.date or now
        problems = unpublished_links(item._content, item.relative_dir, releases, public_from)
        record_problems(context, item.relative_source_path, problems)


def remember_exempt_items(generators):
    """Note the exempt PPID items, whose folders the output check must not find."""
    if not generators:
        return
    context = generators[0].context
    if context.get(STATE_KEY) is None or not context.get("PPID_ITEM_URL"):
        return
    for row in context.get("ppid_exempt_rows", []):
        folder = context["PPID_ITEM_URL"].format(slug=row.item.slug)
        contract.forbid_output(
            generators[0].settings, folder, "berkas informasi dikecualikan ikut terbit."
        )


def remember_output(path, context):
    """Note which content file each page came from, and whether it must not be published."""
    if context.get(STATE_KEY) is None:
        return
    content = context.get("article") or context.get("page")
    if content is None or not hasattr(content, "source_path"):
        return
    settings = context  # the page's context holds the build's settings and contract
    output = contract.relative_output(settings, path)
    contract.record_page_source(settings, output, content.source_path)
    if context.get("KPU_OUTPUT_CHECK"):
        if getattr(content, "status", "published") == "draft":
            message = "draf ikut terbit; draf tidak boleh ada di situs terbit."
            contract.report_leak(settings, output, message)
        date = getattr(content, "date", None)
        if isinstance(content, Article) and date and date > office_now(context):
            contract.report_leak(settings, output, "tulisan bertanggal di masa depan ikut terbit.")
