"""The result of `invoke check` for a pull request, as Markdown for GitHub's job summary.

Pure functions only: `tasks.py` runs the check build, asks git which files of `content/`
changed, reads the build contract's page sources and hands all of it here. GitHub renders
the summary as Markdown with some HTML, and problems quote what admins wrote (backticks,
pipes, `<script>`), so every piece of text goes through `code_span` or `escape_text`.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import quote

LIMIT = 200  # pages and files shown per list; the rest are counted
# Every problem is shown up to this many; GitHub refuses a step summary over 1 MiB, and the
# step's log holds the whole list anyway.
PROBLEM_LIMIT = 1000

# git's --name-status letters, as the summary names them (renames are split by --no-renames).
ADDED, ALTERED, REMOVED = "A", "M", "D"
STATUS_WORDS = {ADDED: "ditambahkan", ALTERED: "diubah", REMOVED: "dihapus"}
_GIT_STATUS = {"A": ADDED, "C": ADDED, "M": ALTERED, "T": ALTERED, "D": REMOVED}

# Every ASCII punctuation character CommonMark lets a backslash escape.
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def escape_text(text):
    """Return `text` as literal Markdown on one line: no markup, HTML, entity or line break."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def code_span(text):
    """Return `text` as a Markdown code span, whatever backticks it holds."""
    text = " ".join(str(text).split()) or " "
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    # CommonMark strips one space at each end when both ends have one: padding always
    # keeps a backtick at either end of the text from joining the fence.
    return f"{fence} {text} {fence}"


def report_items(message):
    """Split a failed build's message into its heading and its problems, one per line.

    Content, output and settings reports put a heading on the first line and one problem
    per line below it (`path:line: pesan`, or `- pesan` for Pelican's warnings).
    """
    lines = [line.strip() for line in str(message).strip().splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return "", []
    items = [line[2:] if line.startswith("- ") else line for line in lines[1:]]
    return lines[0], items


def parse_name_status(lines):
    """Read `git diff --name-status --no-renames` lines into (status, path) pairs."""
    changes = []
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0][:1] in _GIT_STATUS:
            changes.append((_GIT_STATUS[parts[0][:1]], parts[-1]))
    return changes


def page_url(siteurl, output_page):
    """Return the address of an output page (`berita/x/index.html` -> `<siteurl>/berita/x/`)."""
    path = output_page.replace("\\", "/").lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{siteurl.rstrip('/')}/{path}"


@dataclass
class PageChanges:
    """The pages a change adds, alters and removes, and the changed files that have none."""

    added: list = field(default_factory=list)  # (url, source)
    altered: list = field(default_factory=list)  # (url, source)
    removed: list = field(default_factory=list)  # source files deleted by the change
    other: list = field(default_factory=list)  # (status, source) with no page of its own


def group_pages(changes, sources, siteurl=""):
    """Map changed source files to the pages built from them.

    `changes` holds (status, path) pairs and `sources` {output page: source}, both with
    paths relative to the repository. A deleted file has no page in this build, so it is
    named as removed; a changed file no page came from (a photo, an attachment, a draft)
    is listed apart.
    """
    pages_of = {}
    for page, source in sources.items():
        pages_of.setdefault(source, []).append(page_url(siteurl, page))
    grouped = PageChanges()
    for status, path in sorted(changes, key=lambda change: change[1]):
        if status == REMOVED:
            grouped.removed.append(path)
        elif path in pages_of:
            target = grouped.added if status == ADDED else grouped.altered
            target += [(url, path) for url in sorted(pages_of[path])]
        else:
            grouped.other.append((status, path))
    return grouped


def capped(items, limit=LIMIT):
    """Return the first `limit` items and how many were left out."""
    items = list(items)
    return items[:limit], max(len(items) - limit, 0)


def _listing(entries, limit):
    shown, rest = capped(entries, limit)
    lines = [f"- {entry}" for entry in shown]
    if rest:
        lines.append(f"- … dan {rest} lainnya")
    return lines


def _link(url):
    """Link to a page, its path as the text (the site's address is the same on every line)."""
    target = quote(url, safe=":/?#=&%~@!$'*+,;")
    path = "/" + url.split("://", 1)[-1].partition("/")[2] if "://" in url else url
    return f"[{code_span(path)}]({target})"


def render_summary(
    ok, heading="", problems=(), pages=None, changes=(), base="", note="", limit=LIMIT
):
    """Return the job summary: status, every problem, then the pages the change touches.

    `pages` is a PageChanges, or None when the build stopped before pages were written:
    then the changed files (`changes`, (status, path) pairs) are listed instead. `note`
    is Markdown the caller wrote (any outside text in it through `code_span`), shown above
    the lists; `heading` and `problems` are escaped here.
    """
    title = "✅ Pemeriksaan konten berhasil" if ok else "❌ Pemeriksaan konten gagal"
    out = [f"## {title}", ""]
    if ok:
        out.append("Tidak ada masalah pada konten maupun pada build uji terbitnya.")
    else:
        out.append(escape_text(heading) if heading else "Pemeriksaan berhenti dengan kesalahan.")
        if problems:
            shown = [code_span(problem) for problem in problems]
            out += ["", *_listing(shown, max(limit, PROBLEM_LIMIT))]
    out += ["", "### Halaman yang berubah", ""]
    if base:
        out += [f"Dibandingkan dengan {code_span(base)}.", ""]
    if note:
        out += [note, ""]
    if pages is not None:
        out += _page_lists(pages, limit)
    elif changes:
        entries = [f"{code_span(path)} ({STATUS_WORDS[status]})" for status, path in changes]
        out += [f"**Berkas yang berubah ({len(entries)})**", "", *_listing(entries, limit)]
    return "\n".join(out).rstrip("\n") + "\n"


def _page_lists(pages, limit):
    sections = [
        ("Ditambahkan", [f"{_link(url)} dari {code_span(src)}" for url, src in pages.added]),
        ("Diubah", [f"{_link(url)} dari {code_span(src)}" for url, src in pages.altered]),
        ("Dihapus", [f"{code_span(src)} (berkas dihapus)" for src in pages.removed]),
        (
            "Berkas lain yang berubah (tanpa halaman sendiri: gambar, lampiran, draf, "
            "item dikecualikan)",
            [f"{code_span(src)} ({STATUS_WORDS[status]})" for status, src in pages.other],
        ),
    ]
    out = []
    for name, entries in sections:
        if entries:
            out += [f"**{name} ({len(entries)})**", "", *_listing(entries, limit), ""]
    return out or ["Tidak ada halaman yang berubah."]
