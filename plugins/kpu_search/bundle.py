"""Tell whether a Pagefind bundle is whole, before a build publishes it or keeps it.

What a bundle must hold follows from its own files: pagefind-entry.json names each language's
metadata file (pagefind.<hash>.pf_meta) and WebAssembly file, and the metadata names every
index chunk, page fragment and filter file. All of those are gzip streams, whose trailer
(CRC-32 and length) shows a file cut short or damaged. The JavaScript and CSS files are the
same for every site, so their sizes and digests are known for each Pagefind version
(STATIC_FILES; tests/unit/test_search_index.py says when an upgrade needs a new row).
"""

import gzip
import json
import os
import re
import zlib

from kpu_buildstate.store import digest_file

ENTRY = "pagefind-entry.json"
# Every gzip file Pagefind writes starts with this marker once unpacked.
MARKER = b"pagefind_dcd"
# Pagefind's hashes are short names made of these; anything else is not a name Pagefind wrote.
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")

# (size, digest) of the files that do not depend on the site, by Pagefind version.
STATIC_FILES = {
    "1.5.2": {
        "pagefind-component-ui.css": (41830, "86387ac1d4f786d14d58dcb58feff67a"),
        "pagefind-component-ui.js": (175488, "da3c7b967691699352e64d91cdbd4a0a"),
        "pagefind-highlight.js": (44352, "9a9fad0035e4f3b75638ebd8a7c60547"),
        "pagefind-modular-ui.css": (7336, "8e4103c08c4ce93f16c6a463c43e498b"),
        "pagefind-modular-ui.js": (14634, "b8333d7f3eb5b5878fbbd0fd120fca52"),
        "pagefind-ui.css": (14482, "0a0dd0cf940ffb684715d4fe2abeb3d3"),
        "pagefind-ui.js": (119987, "5ab799232f2549acbe7dc5dd40c70c78"),
        "pagefind-worker.js": (41255, "a1207c9459e84c2dca9c0593ae66e121"),
        "pagefind.js": (45555, "e78156fa92ca3d965ee905591f82d739"),
    },
}
# What the search page loads (theme/templates/cari.html), for a version not in the table.
CORE_FILES = ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css")


def static_files_table(folder):
    """Return {name: (size, digest)} of a bundle's JavaScript and CSS (a STATIC_FILES row)."""
    return {
        name: (os.path.getsize(os.path.join(folder, name)), digest_file(os.path.join(folder, name)))
        for name in sorted(os.listdir(folder))
        if name.endswith((".js", ".css"))
    }


def check_bundle(folder):
    """Return (file, problem) pairs for what is missing, cut short or damaged; [] if whole."""
    entry, problem = _read_entry(folder)
    if problem:
        return [(ENTRY, problem)]
    problems = _check_static(folder, entry.get("version"))
    gzipped = ["wasm.unknown.pagefind"]
    for language, facts in entry["languages"].items():
        meta_name = f"pagefind.{facts['hash']}.pf_meta"
        if facts.get("wasm") is not None:
            gzipped.append(f"wasm.{facts['wasm']}.pagefind")
        meta, problem = _unpack(os.path.join(folder, meta_name))
        if problem:
            problems.append((meta_name, problem))
            continue
        try:
            names, pages = _meta_files(meta)
        except (ValueError, IndexError, TypeError, KeyError, UnicodeDecodeError):
            problems.append((meta_name, "rusak: isinya tidak dapat dibaca"))
            continue
        if pages != facts.get("page_count"):
            problems.append(
                (
                    ENTRY,
                    f"menyebut {facts.get('page_count')} halaman {language}, "
                    f"metadata menyebut {pages}",
                )
            )
        gzipped += names
    for name in gzipped:
        _, problem = _unpack(os.path.join(folder, name))
        if problem:
            problems.append((name, problem))
    return problems


def page_count(folder):
    """Return how many pages a bundle's entry file counts, or None if it cannot be read."""
    entry, problem = _read_entry(folder)
    if problem:
        return None
    return sum(facts.get("page_count", 0) for facts in entry["languages"].values())


def _read_bytes(path):
    """Return (bytes, None) for a file with content, else (None, what is wrong with it)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None, "tidak ada"
    if not data:
        return None, "kosong (0 bita)"
    return data, None


def _read_entry(folder):
    """Return (entry, None) for a readable pagefind-entry.json, else (None, problem)."""
    data, problem = _read_bytes(os.path.join(folder, ENTRY))
    if problem:
        return None, problem
    try:
        entry = json.loads(data)
        languages = entry["languages"]
        for facts in languages.values():
            if not _NAME.fullmatch(facts["hash"]) or not isinstance(facts["page_count"], int):
                raise ValueError(facts)
            if facts.get("wasm") is not None and not _NAME.fullmatch(facts["wasm"]):
                raise ValueError(facts)
        if not languages:
            raise ValueError("no language")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, f"terpotong atau rusak ({len(data)} bita, bukan JSON Pagefind yang utuh)"
    return entry, None


def _check_static(folder, version):
    """Compare the JavaScript and CSS with the files this Pagefind version always writes."""
    known = STATIC_FILES.get(version, {})
    problems = []
    for name in known or CORE_FILES:
        path = os.path.join(folder, name)
        try:
            size = os.path.getsize(path)
        except OSError:
            problems.append((name, "tidak ada"))
            continue
        if size == 0:
            problems.append((name, "kosong (0 bita)"))
        elif name in known and size != known[name][0]:
            problems.append((name, f"{size} bita, seharusnya {known[name][0]} bita (terpotong)"))
        elif name in known and digest_file(path) != known[name][1]:
            problems.append((name, f"isinya tidak sama dengan berkas Pagefind {version}"))
    return problems


def _unpack(path):
    """Return (bytes, None) for a whole Pagefind gzip file, else (None, problem)."""
    data, problem = _read_bytes(path)
    if problem:
        return None, problem
    try:
        unpacked = gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return None, f"terpotong atau rusak ({len(data)} bita, gzip tidak utuh)"
    if not unpacked.startswith(MARKER):
        return None, "rusak: bukan berkas Pagefind"
    return unpacked, None


def _meta_files(meta):
    """Return (files the metadata names, its page count) from an unpacked .pf_meta."""
    value, _ = _cbor(meta, len(MARKER))
    pages, chunks, filters = value[1], value[2], value[3]
    named = (
        [("fragment", page[0], "pf_fragment") for page in pages]
        + [("index", chunk[2], "pf_index") for chunk in chunks]
        + [("filter", kind[1], "pf_filter") for kind in filters]
    )
    names = []
    for folder, name, extension in named:
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise ValueError(name)
        names.append(f"{folder}/{name}.{extension}")
    return names, len(pages)


def _cbor(data, at, depth=0):
    """Decode one CBOR item (the subset Pagefind writes); return (value, next offset).

    Written out because the metadata is the only CBOR the kit reads: no dependency for it.
    Lengths are checked against the data, so a damaged file raises instead of looping.
    """
    if depth > 16:
        raise ValueError("CBOR nested too deep")
    head = data[at]
    major, info = head >> 5, head & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        if at + size > len(data):
            raise ValueError("CBOR cut short")
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError("CBOR with indefinite length")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        end = at + argument
        if end > len(data):
            raise ValueError("CBOR cut short")
        chunk = data[at:end]
        return (chunk if major == 2 else chunk.decode("utf-8")), end
    if major in (4, 5):
        count = argument * (2 if major == 5 else 1)
        if count > len(data) - at:  # every item takes at least one byte
            raise ValueError("CBOR cut short")
        items = []
        for _ in range(count):
            item, at = _cbor(data, at, depth + 1)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), at
    if major == 6:  # a tag: the tagged item is what counts
        return _cbor(data, at, depth + 1)
    return {20: False, 21: True, 22: None}.get(argument, argument), at
