"""Signal handler of kpu_verify: the last word on a build before anyone ships it."""

import functools
import os
from urllib.parse import urlparse

from kpu_buildstate import contract, load_pickle, save_pickle
from kpu_check.handlers import STATE_KEY, CheckState
from kpu_check.strict import detach
from kpu_incremental.writer import FACTS_KEY, READERS_KEY
from kpu_messages import AdminFacingError, locate_line, problem_report
from kpu_verify import output as out
from kpu_verify.active import active_content

MEMO_FORMAT = 3  # bump when what the memo keeps per file changes


class StrictBuildError(AdminFacingError):
    """Pelican warned or erred during a publish build."""


class OutputCheckError(AdminFacingError):
    """The built site has a dead link, a leak or a stale listing."""


def ask_for_page_facts(pelican):
    """Have the incremental writer index each page it renders (no second read of it)."""
    if pelican.settings.get("KPU_OUTPUT_CHECK"):
        host = _site_host(pelican.settings)
        readers = pelican.settings.setdefault(READERS_KEY, [])
        readers.append(("page", out.index_text))
        readers.append(("active", functools.partial(active_content, site_host=host)))


def finish(pelican):
    """End strict collection and, in publish builds, check the output before anyone ships it.

    Work other plugins left running (the search index) is awaited here, after the output
    check that runs meanwhile, so its warnings still count and its failure stops the build.
    """
    settings = pelican.settings
    state = settings.get(STATE_KEY)
    check = state is not None and settings["KPU_OUTPUT_CHECK"]
    memo_path = os.path.join(settings["CACHE_PATH"], "kpu_verify", "files.pickle")
    facts = settings.get(FACTS_KEY, {})
    memo = out.FileMemo(load_pickle(memo_path, MEMO_FORMAT, default={}) if check else {}, facts)
    if check:  # read every page and image while the search index is being written
        out.read_all(pelican.output_path, memo, _site_host(settings))
    contract.finish_background_work(settings)
    problems = []
    if check:
        signature_path = os.path.join(settings["CACHE_PATH"], "kpu_verify", "links-ok.pickle")
        signature = out.links_signature(settings.get("SITEURL", ""), memo)
        unchanged = signature is not None and load_pickle(signature_path, MEMO_FORMAT) == signature
        problems = verify_folder(pelican.output_path, settings, state, memo, links=not unchanged)
        save_pickle(memo_path, memo.fresh, MEMO_FORMAT)
        if not problems and signature is not None:
            save_pickle(signature_path, signature, MEMO_FORMAT)
    if state is None:
        return
    messages = []
    if state.collector is not None:
        detach(state.collector)
        messages = state.collector.messages
        state.collector = None
    if messages:
        lines = [f"- {m}" for m in dict.fromkeys(messages)]
        raise StrictBuildError(
            "Build terbit berhenti karena Pelican memberi peringatan:\n" + "\n".join(lines)
        )
    if problems:
        raise OutputCheckError(problem_report(problems).replace("di konten", "di hasil build", 1))


def verify_folder(output, settings, state=None, memo=None, links=True):
    """Check a built folder; with a build's state, point at content files and find leaks.

    `links=False` skips the link check: the caller knows no file or page changed since a
    build whose links all worked.
    """
    state = state or CheckState()
    lines = []
    theme_links = {}  # a broken link in the theme repeats on every page: say it once
    siteurl = settings.get("SITEURL", "")
    broken = out.check_links(output, siteurl, memo) if links else []
    for page, line, link, message in broken:
        if _written_in_source(state.sources.get(page), link):
            lines.append(_where(settings, state, output, page, line, message))
        else:
            theme_links.setdefault(message, []).append((page, line))
    for message, places in theme_links.items():
        page, line = places[0]
        more = f" (juga di {len(places) - 1} halaman lain)" if len(places) > 1 else ""
        lines.append(f"output/{page}:{line}: {message}{more}")
    for page, message in state.leaks:
        lines.append(_where(settings, state, output, page, 1, message))
    for page, line, what in out.active_pages(output, _site_host(settings), memo):
        message = (
            f"halaman terbit memuat {what}, yang bisa menjalankan skrip atau memuat kode situs "
            "lain. Hapus bagian itu; bila tidak ada di berkas Anda, serahkan kepada pengelola "
            "teknis (tema atau plugin)."
        )
        lines.append(f"output/{page}:{line}: {message}")
    for image in out.images_with_metadata(output, memo):
        lines.append(f"output/{image}:1: gambar terbit masih membawa metadata (EXIF/XMP).")
    draft_url = settings.get("DRAFT_URL", "")
    if (
        not settings.get("DRAFT_SAVE_AS")
        and draft_url
        and os.path.isdir(os.path.join(output, draft_url.split("{")[0]))
    ):
        lines.append(f"output/{draft_url.split('{')[0]}:1: folder draf ada di situs terbit.")
    for slug in state.exempt:  # only kpu_ppid's items, so its PPID_ITEM_URL is set
        folder = settings["PPID_ITEM_URL"].format(slug=slug)
        if os.path.exists(os.path.join(output, folder)):
            lines.append(f"output/{folder}:1: berkas informasi dikecualikan ikut terbit.")
    for listing in _listings(settings):
        path = os.path.join(output, listing)
        if not os.path.isfile(path):
            lines.append(f"output/{listing}:1: berkas ini wajib ada di situs terbit.")
            continue
        for url in out.unpublished_urls(output, settings.get("SITEURL", ""), out.listed_urls(path)):
            lines.append(f'output/{listing}:1: mencantumkan "{url}" yang tidak terbit.')
    return sorted(dict.fromkeys(lines), key=_position)


def _site_host(settings):
    """Return the host of the site's own address (scripts from it are the site's)."""
    return urlparse(settings.get("SITEURL") or "").netloc


def _position(line):
    """Sort "path:line: message" by path, then line number, then text."""
    path, number, _rest = (line.split(":", 2) + ["", ""])[:3]
    return (path, int(number) if number.isdigit() else 0, line)


def _written_in_source(source, link):
    """Tell whether a link was written by an admin in a content file (not by the theme)."""
    if not source:
        return False
    with open(source, encoding="utf-8", errors="replace") as handle:
        return link in handle.read()


def _listings(settings):
    names = [settings.get(key) for key in ("FEED_ALL_ATOM", "FEED_ALL_RSS", "PPID_FEED_ATOM")]
    if settings.get("KPU_SITEMAP"):
        names.append(settings["KPU_SITEMAP"])
    return [name for name in names if name]


def _where(settings, state, output, page, line, message):
    """Point at the content file (and its line) behind a page, else at the page itself."""
    source = state.sources.get(page)
    if source:
        with open(source, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        content_dir = os.path.basename(os.path.normpath(settings["PATH"]))
        relative = os.path.relpath(source, settings["PATH"])
        return f"{content_dir}/{relative}:{locate_line(text, message)}: {message}"
    return f"output/{page}:{line}: {message}"
