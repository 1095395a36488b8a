"""One gate for every document: its Markdown file and the HTML made of it.

News items, pages and PPID items all pass `vet_document`, so a rule holds for every content
type, and a field added later is judged the moment it is written: every header field is
plain text unless it is rendered as HTML, and then it goes through the markup gate.
"""

import hashlib
import os
import re
from dataclasses import dataclass, field

from kpu_gate.dates import check_date_text
from kpu_gate.files import RASTER, extension
from kpu_gate.markup import elements, markup_in_text, vet_html
from kpu_gate.references import describe, resolve
from kpu_gate.source import (
    body_lines,
    code_block_problems,
    field_problems,
    header_problems,
    list_problems,
    placeholder_problems,
    split_header,
    tab_problems,
)
from kpu_messages import Problem


def _code_version():
    """Digest the gate's own code: a changed rule forgets every document that passed."""
    hasher = hashlib.blake2b(digest_size=8)
    folder = os.path.dirname(__file__)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as handle:
                hasher.update(handle.read())
    return hasher.hexdigest()


GATE_VERSION = _code_version()
DEFAULT_LINK_SYNTAX = "[{|](?P<what>.*?)[|}]"
# What may follow {filename} in a link. Pelican replaces such links as text after the gate and
# puts an entity-decoded #fragment or ?query back unescaped, so "&quot;" there would close
# the attribute: only characters that cannot end or open markup are allowed.
_SAFE_LINK_VALUE = re.compile(r"[A-Za-z0-9._~!$()*+,;=:@/%?#\-]*")
LINK_PLACEHOLDERS = ("{filename}", "{static}", "{attach}", "|filename|", "|static|", "|attach|")


@dataclass(frozen=True)
class Document:
    """What the gate needs to judge one content file."""

    source_path: str  # absolute path of the Markdown file
    fragment: str  # the body as HTML
    formatted: dict = field(default_factory=dict)  # header fields rendered as HTML: {name: html}
    live: bool = True  # published or scheduled (not a draft)
    date_fields: tuple = ()  # header fields that hold a date
    with_time: bool = True  # whether a date usually carries a time (news) or not (PPID)
    scaffold_hint: str = ""  # what to do instead, e.g. "; atau tulis Status: draft"
    multi_line: frozenset | None = None  # fields that may continue on lines below (None: all)
    # Pelican's INTRASITE_LINK_REGEX, and whether the document's links are replaced at all.
    link_syntax: str = DEFAULT_LINK_SYNTAX
    links_replaced: bool = True


@dataclass
class Passed:
    """Digests of documents that passed, in earlier builds and in this one."""

    known: set = field(default_factory=set)
    seen: set = field(default_factory=set)


def read_text(path):
    """Read a Markdown file as the report does (the survey reports bad bytes itself)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read().lstrip("\ufeff")


def _digest(document, text):
    hasher = hashlib.blake2b(digest_size=16)
    parts = [GATE_VERSION, text, document.fragment, repr(sorted(document.formatted.items()))]
    parts += [repr((document.live, document.date_fields, document.with_time))]
    parts += [repr(sorted(document.multi_line) if document.multi_line is not None else None)]
    parts += [repr((document.link_syntax, document.links_replaced))]
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.digest()


def vet_document(document, passed=None, listings=None):
    """Return every Problem of one document; a document that passed before is not re-read."""
    text = read_text(document.source_path)
    problems = []
    if listings is not None and any(p in document.fragment for p in LINK_PLACEHOLDERS):
        problems += link_problems(document.fragment, document.source_path, listings)
    key = _digest(document, text)
    if passed is not None and key in passed.known:
        passed.seen.add(key)
        return problems
    found = _judge(document, text)
    if passed is not None and not found:
        passed.seen.add(key)
    return problems + found


def _judge(document, text):
    header = split_header(text)
    problems = header_problems(header) + field_problems(header, document.multi_line)
    formatted = {name.lower(): (name, html) for name, html in document.formatted.items()}
    first_line = {}
    for line, key, value in header.fields:
        first_line.setdefault(key.lower(), (line, value))
        if key.lower() in formatted:
            continue
        tag = markup_in_text(value)
        if tag:
            problems.append(
                Problem(
                    f'kolom "{key}" berisi HTML "{tag}". Kolom ini teks biasa: tag HTML tampil '
                    "apa adanya di situs. Hapus tag itu.",
                    line=line,
                )
            )
    for name in document.date_fields:
        if name.lower() in first_line:
            line, raw = first_line[name.lower()]
            message = check_date_text(name, raw, with_time=document.with_time)
            if message:
                problems.append(Problem(message, line=line))
    problems += vet_html(document.fragment)
    problems += placeholder_link_problems(document)
    for key, (name, html) in formatted.items():
        line = first_line.get(key, (None, ""))[0]
        found = vet_html(html) + placeholder_link_problems(document, html)
        problems += [Problem(f'kolom "{name}": {p}', line=line) for p in found]
    tabs = tab_problems(text, header)
    tab_lines = {p.line for p in tabs}
    problems += tabs + list_problems(text, header)
    problems += [
        p for p in code_block_problems(text, header, document.fragment) if p.line not in tab_lines
    ]
    if document.live:
        problems += placeholder_problems(text, document.scaffold_hint)
    return [_located(problem, text, header) for problem in problems]


_CODE_SPAN = re.compile(r"`+[^`]*`+")


def _located(problem, text, header):
    """Give a problem that quotes its text the line where that text is markup.

    The quoted text may also stand in a code span or a fenced block above (an example of
    what not to write), which the report's plain search would find first.
    """
    needle = getattr(problem, "needle", None)
    if getattr(problem, "line", None) or not needle:
        return problem
    for number, line, fenced in body_lines(text, header):
        if not fenced and needle in _CODE_SPAN.sub("", line):
            return Problem(str(problem), line=number, needle=needle)
    return problem


def placeholder_link_problems(document, html=None):
    """Report {filename}-style links that Pelican's text replacement would turn into markup.

    Found with Pelican's own pattern, over the text as Pelican will read it.
    """
    html = document.fragment if html is None else html
    if not any(mark in html for mark in "{|"):
        return []
    pattern = _link_pattern(document.link_syntax)
    problems = []
    for match in pattern.finditer(html):
        path, value = match.group("path"), match.group("value")
        if not document.links_replaced:
            problems.append(
                Problem(
                    f'tautan "{path[:60]}" tidak diganti menjadi alamat di item PPID. Tulis alamat '
                    'halamannya langsung, misalnya "/berita/2024/nama-berita/".',
                    needle=path[:40],
                )
            )
        elif not _SAFE_LINK_VALUE.fullmatch(value):
            bad = "".join(sorted({c for c in value if not _SAFE_LINK_VALUE.fullmatch(c)}))
            problems.append(
                Problem(
                    f'tautan "{path[:60]}" memuat tanda yang tidak boleh di alamat ({bad!r}). '
                    "Tulis letak berkasnya saja, tanpa spasi, tanda kutip atau kode HTML seperti "
                    "&quot;.",
                    needle=path[:40],
                )
            )
    return problems


def _link_pattern(syntax):
    """Return Pelican's pattern for intra-site links (Content._get_intrasite_link_regex)."""
    return re.compile(
        rf"""(?P<markup><[^\>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*)
        (?P<quote>["\'])(?P<path>{syntax}(?P<value>.*?))(?P=quote)""",
        re.X,
    )


def link_problems(fragment, source_path, listings):
    """Report {filename}/{static}/{attach} links whose file is missing or misspelt."""
    problems = []
    for node in elements(fragment):
        for name in ("href", "src"):
            value = (node.attrs.get(name) or "").strip()
            if not value.startswith(LINK_PLACEHOLDERS):
                continue
            resolved = resolve(value, os.path.dirname(source_path), listings)
            if resolved.path is None:
                problems.append(
                    Problem(f"tautan {describe(resolved, value)}", needle=value.split("#")[0])
                )
            elif value.startswith(("{attach}", "|attach|")) and extension(resolved.path) not in (
                RASTER | {"md"}
            ):
                # Pelican moves an {attach} file beside the linking page once pages are written,
                # after the gate has published its clean copy where {static} puts it.
                problems.append(
                    Problem(
                        f'tautan "{value}": {{attach}} tidak dipakai situs ini. Cantumkan berkas '
                        "di kolom Lampiran, atau tulis {static} sebagai ganti {attach}.",
                        needle=value.split("#")[0],
                    )
                )
    return problems
