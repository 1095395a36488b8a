"""Mistakes in how a Markdown file is written that Markdown would swallow without a word.

The header is split with Python-Markdown's own patterns (its `meta` extension, which Pelican
uses), so a line that ends the header early is found exactly where Markdown stops. Layout
mistakes are judged from the source lines and confirmed on the HTML Markdown made of them.
"""

import re
from dataclasses import dataclass, field

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

from kpu_gate.placeholders import PLACEHOLDER_LINES, PLACEHOLDERS, key_phrase
from kpu_messages import Problem

TAB_LENGTH = 4  # Python-Markdown expands tabs to 4 spaces before it reads anything
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,2}\.)\s+\S")
# What admins type for lists that Python-Markdown does not read as one.
_PAREN_ITEM = re.compile(r"^ {0,3}\d{1,2}\)\s+\S")
_BULLET_ITEM = re.compile(r"^ {0,3}[•◦▪·●○■□➢➤►✓✔]\s*\S")
_SUB_ITEM = re.compile(r"^( {1,3})(?:[-*+]|\d{1,2}\.)\s+\S")
_BLOCK_START = re.compile(r"^ {0,3}(?:#|>|\||<|={3,}\s*$|-{3,}\s*$)")


@dataclass
class Header:
    """The `Key: value` lines at the top of a file, and where Markdown stopped reading them."""

    fields: list = field(default_factory=list)  # (line, key as written, value)
    continued: set = field(default_factory=set)  # lines that continue the field above
    body_line: int = 1  # first line of the body
    stopped: tuple | None = None  # (line, text) of a non-blank line that ended the header


def split_header(text):
    """Split `text` as Pelican's Markdown reader does; return the Header."""
    lines = text.lstrip("\ufeff").split("\n")
    header, number = Header(), 0
    if lines and BEGIN_RE.match(lines[0]):
        number = 1
    key = None
    while number < len(lines):
        line = lines[number].rstrip("\r").expandtabs(TAB_LENGTH)
        number += 1
        if line.strip() == "" or END_RE.match(line):
            header.body_line = number + 1
            return header
        field_match = META_RE.match(line)
        if field_match:
            key = field_match.group("key")
            header.fields.append((number, key, field_match.group("value").strip()))
        elif META_MORE_RE.match(line) and key:
            header.fields.append((number, key, line.strip()))
            header.continued.add(number)
        else:
            header.stopped = (number, lines[number - 1].rstrip("\r"))
            header.body_line = number
            return header
    header.body_line = number + 1
    return header


def header_values(header):
    """Return {lower-cased key: [values]} of a Header (continuation lines included)."""
    values = {}
    for _line, key, value in header.fields:
        values.setdefault(key.lower(), []).append(value)
    return values


def header_problems(header):
    """Report a header that Markdown ends early, dropping the fields below that line."""
    if header.stopped is None or not header.fields:
        return []
    line, text = header.stopped
    previous = header.fields[-1][1]
    indent = len(text) - len(text.lstrip(" "))
    if 0 < indent < TAB_LENGTH:
        message = (
            f'baris "{text.strip()}" terbaca sebagai isi tulisan, bukan lanjutan kolom '
            f'"{previous}": baris lanjutan harus diawali 4 spasi (di sini {indent}). '
            "Tambahkan spasi di awal baris itu."
        )
    else:
        message = (
            f'kepala berkas berhenti di baris "{text.strip()}": baris itu bukan kolom '
            '"Nama: isi", jadi baris itu dan kolom di bawahnya tampil sebagai isi tulisan. '
            'Bila ini kolom, tulis dengan titik dua (misalnya "Category: berita"); bila ini '
            "awal isi tulisan, sisipkan satu baris kosong di atasnya."
        )
    return [Problem(message, line=line)]


def field_problems(header, multi_line=None):
    """Report a field written twice, or continued on a line below when it takes one line.

    Pelican keeps the first of two `Date:` lines (with an English warning) and turns a
    continued `Image_alt:` into a list that reaches the page as "['a', 'b']". `multi_line`
    names the fields that may run over several lines (None: every field may).
    """
    problems, first = [], {}
    for line, key, _value in header.fields:
        name = key.lower()
        if line in header.continued:
            if multi_line is not None and name not in multi_line:
                problems.append(
                    Problem(
                        f'kolom "{key}" hanya satu baris, tetapi baris ini (diawali 4 spasi atau '
                        "lebih) melanjutkannya. Gabungkan isinya ke baris kolom itu.",
                        line=line,
                    )
                )
        elif name in first and name != "lampiran":
            problems.append(
                Problem(
                    f'kolom "{key}" ditulis dua kali (baris {first[name]} dan {line}); hanya yang '
                    "pertama dipakai. Hapus salah satu.",
                    line=line,
                )
            )
        else:
            first.setdefault(name, line)
    return problems


def body_lines(text, header):
    """Yield (line number, line, inside a fenced block) for the body of a file."""
    fence = None
    lines = text.lstrip("\ufeff").split("\n")
    for number in range(header.body_line, len(lines) + 1):
        line = lines[number - 1].rstrip("\r")
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            yield number, line, True
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            yield number, line, True
            continue
        yield number, line, False


def tab_problems(text, header):
    """Report lines indented with a tab outside a list (a code box, or a run-on paragraph).

    Inside a list a tab counts as four spaces and nests an item, as intended; elsewhere it
    turns the line into a code box or joins it to the paragraph above.
    """
    problems, in_list, blank = [], False, True
    for number, line, fenced in body_lines(text, header):
        if fenced or not line.strip():
            blank = blank or not line.strip()
            continue
        expanded = line.expandtabs(TAB_LENGTH)
        if _LIST_ITEM.match(expanded):
            in_list = True
        elif blank and not expanded.startswith(" "):
            in_list = False  # a paragraph after a blank line ends the list
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and not in_list:
            problems.append(
                Problem(
                    "baris diawali tab. Markdown membacanya sebagai kotak kode abu-abu atau "
                    "menyambungnya ke paragraf di atasnya. Ganti tab dengan spasi: butir daftar "
                    'tanpa spasi di depannya ("- butir"), sub-butir dengan 4 spasi.',
                    line=number,
                )
            )
        blank = False
    return problems


def list_problems(text, header):
    """Report list items written straight under a paragraph, which Markdown joins to it."""
    problems, kind = [], None  # kind of the current block: "list", "paragraph" or "other"
    for number, line, fenced in body_lines(text, header):
        expanded = line.expandtabs(TAB_LENGTH)
        if fenced or not expanded.strip():
            kind = None if not fenced else "other"
            continue
        problems += _marker_problems(number, line, expanded, kind)
        item = _LIST_ITEM.match(expanded)
        if kind is None:
            kind = "list" if item else "other" if _BLOCK_START.match(expanded) else "paragraph"
            continue
        if item and kind == "paragraph":
            problems.append(
                Problem(
                    f'butir daftar "{_short(line.strip())}" menyambung ke paragraf di atasnya, '
                    "jadi tidak tampil sebagai daftar. Sisipkan satu baris kosong sebelum "
                    "butir pertama.",
                    line=number,
                )
            )
            kind = "list"
    return problems


def _marker_problems(number, line, expanded, kind):
    """Report list markers Markdown does not read: "1)", "•", sub-items indented 1-3 spaces."""
    if _PAREN_ITEM.match(expanded):
        marker = expanded.strip().split(")")[0]
        return [
            Problem(
                f'butir "{_short(line.strip())}" tidak tampil sebagai daftar bernomor: Markdown '
                f'membaca "{marker}." (titik), bukan "{marker})". Ganti tanda kurung dengan titik.',
                line=number,
            )
        ]
    if _BULLET_ITEM.match(expanded):
        return [
            Problem(
                f'butir "{_short(line.strip())}" memakai tanda "{expanded.strip()[0]}" (dari '
                'Word), yang tidak dibaca sebagai daftar. Ganti dengan "- " di awal baris.',
                line=number,
            )
        ]
    indent = _SUB_ITEM.match(expanded)
    if indent and kind == "list":
        return [
            Problem(
                f'sub-butir "{_short(line.strip())}" menjorok {len(indent.group(1))} spasi, jadi '
                "tampil sejajar dengan butir di atasnya. Sub-butir menjorok 4 spasi.",
                line=number,
            )
        ]
    return []


def code_block_problems(text, header, fragment):
    """Report indented lines that Markdown turned into a grey code box (admins write no code)."""
    if "<pre" not in (fragment or ""):
        return []
    from kpu_gate.markup import elements  # the gate's parser, for the rare file with a code box

    blocks = [node for node in elements(fragment) if node.name == "pre"]
    lines = [(n, line) for n, line, fenced in body_lines(text, header) if not fenced]
    problems = []
    for block in blocks:
        first = next((row for row in block.to_text().split("\n") if row.strip()), "")
        for number, line in lines:
            expanded = line.expandtabs(TAB_LENGTH)
            indent = len(expanded) - len(expanded.lstrip(" "))
            if indent >= TAB_LENGTH and first.strip() and expanded.strip() == first.strip():
                problems.append(
                    Problem(
                        f'baris "{_short(line.strip())}" menjorok {indent} spasi, jadi tampil '
                        "sebagai kotak kode abu-abu. Hapus spasi di awal baris itu (butir daftar "
                        'ditulis "- butir" atau "1. butir" tanpa spasi di depannya).',
                        line=number,
                    )
                )
                break
    return problems


def placeholder_problems(text, scaffold_hint):
    """Report example text from `invoke new` still in a file that goes live."""
    flat = _flat(text)
    problems = []
    for placeholder, needle in _FLAT_PLACEHOLDERS:
        if needle in flat:
            first = key_phrase(placeholder)
            problems.append(
                Problem(
                    f'teks contoh dari invoke new masih ada: "{_short(first, 70)}". Ganti dengan '
                    f"isi yang sebenarnya{scaffold_hint}.",
                    needle=first[:40],
                )
            )
    lines = text.split("\n")
    for placeholder in PLACEHOLDER_LINES:
        for number, line in enumerate(lines, start=1):
            if line.strip() == placeholder:
                problems.append(
                    Problem(
                        f'judul contoh dari invoke new masih ada: "{placeholder}". Ganti dengan '
                        f"subjudul yang sebenarnya atau hapus baris itu{scaffold_hint}.",
                        line=number,
                    )
                )
    return problems


def _flat(text):
    return " ".join(text.lower().split())


# Each example is recognised by its first clause, so a half-edited one is caught too.
_FLAT_PLACEHOLDERS = tuple((text, _flat(key_phrase(text))) for text in PLACEHOLDERS)


def _short(text, limit=60):
    return text if len(text) <= limit else text[: limit - 1] + "…"
