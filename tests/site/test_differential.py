"""Differential test: after every edit of a seeded random sequence, an incremental build equals
a full build from scratch, byte for byte; so does the first build after a SIGKILL.

The sample site is copied (content and theme) and edited step by step: news retitled, redated,
moved to another division, drafted and published again, deleted, added and renamed; a PPID item
made `dikecualikan`; a photo replaced; a template edited (and tags and page text changed). One
output folder and one cache carry over from edit to edit: the incremental build, in this
process as in the live preview. After each edit a reference build starts from an empty output
and an empty cache, with kpu_incremental and kpu_readahead off, in a process of its own, on a
copy of the content and theme as that edit left them. So it runs beside the incremental
builds of its step and the next (two cores; at most `REFERENCES_AT_ONCE` references at a
time) and is compared, once it has finished, with the incremental output of its own step,
kept in memory.

The two trees must hold the same relative paths (folders too) with the same bytes. Two
normalisations only:
- the build time stamp (`"dibuat"`) in `ppid/*.json`, replaced on its own line;
- Pagefind's filter and meta files: Pagefind 1.5 writes the values of a filter and the list of
  filters in hash-map order, which changes from run to run, and names these files (and the
  entry's reference to the meta file) by a hash of their bytes. They are compared decoded,
  with that order sorted and the names replaced by what they stand for. Fragments, word index
  chunks and the scripts are compared as they are, names included: they are deterministic.

The SIGKILL tests kill an incremental build running in its own process group: at moments
spread over a measured build, and once while a photo's derived file is being written. Right
after the kill the output must still be a whole site (the previous build's or the new one);
the next build must equal a build from scratch.

The seed is in the test id; KPU_DIFF_SEED, KPU_DIFF_STEPS and KPU_DIFF_KILLS change the seed,
the number of edits (at least 20) and the number of random kills, for exploratory runs.
"""

import collections
import datetime
import difflib
import gzip
import io
import json
import logging
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pelican import Pelican
from PIL import Image, ImageDraw

from tests.conftest import DEV_CONF, ROOT, make_settings
from tests.preview import BuildProcess, changed_files, file_stamps

SEED = int(os.environ.get("KPU_DIFF_SEED", "20261202"))
STEPS = max(20, int(os.environ.get("KPU_DIFF_STEPS", "24")))
KILLS = int(os.environ.get("KPU_DIFF_KILLS", "4"))
REFERENCES_AT_ONCE = 2  # reference builds running while the next steps are edited and built

pytestmark = pytest.mark.differential

# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


class Site:
    """A writable copy of the sample site and the folders of its builds."""

    def __init__(self, root):
        self.root = Path(root)
        self.content = self.root / "content"
        self.theme = self.root / "theme"
        shutil.copytree(ROOT / "content", self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        self.output = self.root / "incremental" / "output"
        self.cache = self.root / "incremental" / "cache"
        self.drafts = set()  # news files this sequence made drafts (relative to content)
        self.revision = 0  # template edits so far
        self.counter = 0  # for unique names and titles
        self.settings = {}  # more overrides, for every build of this copy

    def overrides(self, output, cache, incremental=True):
        """The settings a build of this copy gets on top of pelicanconf.py."""
        values = {
            "PATH": str(self.content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(cache),
            "THEME": str(self.theme),
            **self.settings,
        }
        if not incremental:  # the reference: plain Pelican writer, no stored parses
            values.update(KPU_INCREMENTAL=False, KPU_READAHEAD=False)
        return values

    def build_incremental(self):
        """Build into the persistent output with the persistent cache (what an admin does)."""
        Pelican(make_settings(**self.overrides(self.output, self.cache))).run()

    def start_full(self, name="full", snapshot=False):
        """Start a build from scratch in a process of its own; finish_full() waits for it.

        A process of its own, so nothing of an earlier build lives on in memory; it runs
        beside the incremental build of the same step (two cores). With `snapshot` it builds
        a copy of the content and theme as they are now (time stamps kept), so that the next
        edits may be made while it runs.
        """
        folder = self.root / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        output = folder / "output"
        overrides = self.overrides(output, folder / "cache", incremental=False)
        if snapshot:
            for key, source in (("PATH", self.content), ("THEME", self.theme)):
                shutil.copytree(source, folder / source.name, symlinks=True)
                overrides[key] = str(folder / source.name)
        log = open(folder / "build.log", "wb")  # closed by finish_full()
        process = run_build_process(self.root, overrides, log)
        return process, log, output

    @staticmethod
    def finish_full(started):
        """Wait for a build started by start_full(); return its output folder."""
        process, log, output = started
        code = process.wait()
        log.close()
        assert code == 0, Path(log.name).read_text(encoding="utf-8", errors="replace")
        return output

    def news(self):
        return sorted((self.content / "berita").glob("*.md"))

    def unique(self):
        self.counter += 1
        return self.counter


# A build in a process of its own: the reference builds, and the builds the SIGKILL tests kill.
BUILD_SCRIPT = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
conf, overrides = json.loads(sys.argv[1])
Pelican(read_settings(conf, override=overrides)).run()
"""


def run_build_process(cwd, overrides, log):
    """Start a build of pelicanconf.py with `overrides` in its own process group."""
    return subprocess.Popen(
        [sys.executable, "-c", BUILD_SCRIPT, json.dumps([str(DEV_CONF), overrides])],
        cwd=cwd,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a SIGKILL to the group reaches its renderers and Pagefind
    )


def start_build_process(site, log):
    """Start an incremental build of `site`, exactly as build_incremental() does it."""
    return run_build_process(site.root, site.overrides(site.output, site.cache), log)


# --------------------------------------------------------------------------------------------
# Comparing two output trees
# --------------------------------------------------------------------------------------------

BUILD_STAMP = re.compile(
    rb'^  "dibuat": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)",$', re.M
)
PPID_DATA = re.compile(r"ppid/[^/]+\.json")
PAGEFIND = "pagefind"


def tree(output):
    """Map each relative path in `output` to its bytes (folders end with "/" and map to b"")."""
    output = Path(output)
    files = {}
    for path in sorted(output.rglob("*")):
        name = path.relative_to(output).as_posix()
        if path.is_symlink():
            files[name] = b"symlink -> " + os.readlink(path).encode()
        elif path.is_dir():
            files[name + "/"] = b""
        else:
            data = path.read_bytes()
            if PPID_DATA.fullmatch(name):
                stamped, count = BUILD_STAMP.subn(b'  "dibuat": "<waktu build>",', data)
                data = stamped if count == 1 else data
            files[name] = data
    return canonical_pagefind(files)


def cbor(data):
    """Decode the CBOR that Pagefind writes (definite lengths only)."""

    def item(pos):
        head = data[pos]
        major, info = head >> 5, head & 31
        if major == 7:
            simple = {20: False, 21: True, 22: None}
            if info in simple:
                return simple[info], pos + 1
            size, code = {25: (2, ">e"), 26: (4, ">f"), 27: (8, ">d")}[info]
            return struct.unpack(code, data[pos + 1 : pos + 1 + size])[0], pos + 1 + size
        pos += 1
        if info < 24:
            number = info
        else:
            size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
            number, pos = int.from_bytes(data[pos : pos + size], "big"), pos + size
        if major == 0:
            return number, pos
        if major == 1:
            return -1 - number, pos
        if major in (2, 3):
            chunk = bytes(data[pos : pos + number])
            return (chunk if major == 2 else chunk.decode()), pos + number
        if major == 4:
            values = []
            for _ in range(number):
                value, pos = item(pos)
                values.append(value)
            return values, pos
        if major == 5:
            mapping = {}
            for _ in range(number):
                key, pos = item(pos)
                mapping[key], pos = item(pos)
            return mapping, pos
        raise ValueError(f"CBOR major type {major}")

    value, end = item(0)
    if end != len(data):
        raise ValueError("trailing bytes")
    return value


def pagefind_document(data):
    """Decode a Pagefind .pf_filter or .pf_meta file (gzip, a "pagefind_dcd" mark, CBOR)."""
    plain = gzip.decompress(data)
    if not plain.startswith(b"pagefind_dcd"):
        raise ValueError("not a Pagefind document")
    return cbor(plain[len(b"pagefind_dcd") :])


def canonical_pagefind(files):
    """Replace Pagefind's filter and meta files by a decoded, order-independent form.

    Only files the entry file leads to are replaced; any other (a stale leftover) stays as it
    is, so it shows up as a difference. A file of an unexpected shape also stays as it is.
    """
    entry_name = f"{PAGEFIND}/pagefind-entry.json"
    if entry_name not in files:
        return files
    try:
        entry = json.loads(files[entry_name])
        languages = entry["languages"]
    except (ValueError, KeyError, TypeError):
        return files
    for language in languages.values():
        meta_name = f"{PAGEFIND}/pagefind.{language['hash']}.pf_meta"
        if meta_name not in files:
            continue
        try:
            meta = pagefind_document(files[meta_name])
            version, pages, chunks, filters, *rest = meta
            canonical_filters = []
            decoded = {}
            for filter_name, filter_hash in filters:
                path = f"{PAGEFIND}/filter/{filter_hash}.pf_filter"
                name, values = pagefind_document(files[path])
                assert name == filter_name
                decoded[path] = (filter_name, sorted(values))
                canonical_filters.append([filter_name, "<filter>"])
        except Exception:  # noqa: BLE001  (a truncated or unexpected file stays as it is)
            continue
        for path, (filter_name, values) in decoded.items():
            del files[path]
            files[f"{PAGEFIND}/filter/<{filter_name}>.pf_filter"] = _pretty([filter_name, values])
        del files[meta_name]
        meta = [version, pages, chunks, sorted(canonical_filters), *rest]
        files[f"{PAGEFIND}/pagefind.<meta {language.get('wasm')}>.pf_meta"] = _pretty(meta)
        language["hash"] = "<meta>"
    files[entry_name] = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode()
    return files


def _pretty(value):
    return json.dumps(value, ensure_ascii=False, indent=1).encode()


def differences(got, expected, limit=12, names=("incremental", "full")):
    """Describe how tree `got` (incremental) differs from `expected` (full); [] if equal."""
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    differing = sorted(p for p in set(got) & set(expected) if got[p] != expected[p])
    lines = []
    for label, paths in (
        (f"missing from the {names[0]} output", missing),
        (f"only in the {names[0]} output", extra),
        ("with other bytes", differing),
    ):
        if paths:
            shown = ", ".join(paths[:limit]) + (" …" if len(paths) > limit else "")
            lines.append(f"{len(paths)} file(s) {label}: {shown}")
    for name in differing[:limit]:
        lines.append(f"--- {name}")
        lines += ["    " + line for line in first_difference(got[name], expected[name], names)]
    if lines:  # a Pagefind service stopped before it wrote its files leaves them empty
        for label, files in zip(names, (got, expected), strict=True):
            empty = [p for p, data in files.items() if p.startswith(PAGEFIND) and data == b""]
            empty = [p for p in empty if not p.endswith("/")]
            if empty:
                lines.append(f"empty Pagefind files in the {label} output: {', '.join(empty)}")
    return lines


def _clip(line, column, width=90):
    start = max(0, column - width // 3)
    text = line[start : start + width]
    return ("…" if start else "") + text + ("…" if start + width < len(line) else "")


def first_difference(got, expected, names=("incremental", "full"), hunks=3):
    """Show the first differing lines of two texts, or the first differing byte."""
    try:
        a, b = got.decode("utf-8").splitlines(), expected.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        pairs = enumerate(zip(got, expected, strict=False))
        offset = next((i for i, (x, y) in pairs if x != y), min(len(got), len(expected)))
        return [
            f"binary: {len(got)} bytes ({names[0]}) vs {len(expected)} ({names[1]}); "
            f"first difference at byte {offset}"
        ]
    shown = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = a[i1:i2][:3], b[j1:j2][:3]
        column = 0
        if old and new:
            column = next(
                (k for k, (x, y) in enumerate(zip(old[0], new[0], strict=False)) if x != y),
                min(len(old[0]), len(new[0])),
            )
        width = max(len(n) for n in names) + 1
        shown += [f"line {i1 + 1}: {names[0] + ':':{width}} {_clip(line, column)}" for line in old]
        shown += [f"line {j1 + 1}: {names[1] + ':':{width}} {_clip(line, column)}" for line in new]
        hunks -= 1
        if not hunks:
            break
    return shown


# --------------------------------------------------------------------------------------------
# Edits: each one keeps the site valid and returns a description of what it did
# --------------------------------------------------------------------------------------------

WORDS = (
    "rapat pleno sosialisasi pemilih logistik evaluasi rekapitulasi bimbingan teknis kecamatan "
    "desa arsip layanan informasi kunjungan pemutakhiran data partisipasi relawan demokrasi"
).split()
DIVISIONS = [d["slug"] for d in make_settings()["KPU_OFFICE"]["divisions"]] + ["sekretariat"]
KINDS = ("berita", "features", "opini", "pengumuman")
EXEMPT_GROUPS = (
    "rahasia-pribadi",
    "proses-penegakan-hukum",
    "memorandum-internal",
    "keamanan-sistem-informasi",
)
# (template, visible text): a template edit appends " · r<n>" to the text.
TEMPLATE_TEXTS = (
    ("partials/footer.html", "Akun resmi"),
    ("division.html", "Jumlah tulisan"),
    ("ppid_dip.html", "Data terbuka"),
    ("ppid_item.html", "Bentuk informasi"),
)
# Photos are replaced at these sizes (all 16:9 or 4:3, as an admin's camera gives).
PHOTO_SIZES = ((800, 450), (1200, 675), (640, 480), (960, 540), (1024, 768))


def _read(path):
    return path.read_text(encoding="utf-8")


def _write(path, text):
    path.write_text(text, encoding="utf-8")


def _set_field(path, field, value):
    text = _read(path)
    changed, count = re.subn(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.M)
    assert count == 1, f"{path.name} has no {field} field"
    _write(path, changed)


def _field(path, field):
    found = re.search(rf"^{field}: (.*)$", _read(path), flags=re.M)
    return found.group(1) if found else None


def _title(rng, site):
    words = rng.sample(WORDS, 3)
    return f"{words[0].capitalize()} {words[1]} {words[2]} ({site.unique()})"


def _random_date(rng):
    """A date between the oldest and the newest sample item: never in the future."""
    first, last = datetime.date(2021, 1, 4), datetime.date(2026, 11, 18)
    day = first + datetime.timedelta(days=rng.randrange((last - first).days))
    return f"{day:%Y-%m-%d} {rng.randrange(7, 17):02d}:{rng.choice((0, 15, 30, 45)):02d}"


def _rel(site, path):
    return path.relative_to(site.content).as_posix()


def _published_news(site):
    return [p for p in site.news() if _rel(site, p) not in site.drafts]


def edit_retitle(site, rng):
    path = rng.choice(site.news())
    title = _title(rng, site)
    _set_field(path, "Title", title)
    return f"retitle {path.name}: {title!r}"


def edit_date(site, rng):
    path = rng.choice(site.news())
    date = _random_date(rng)
    _set_field(path, "Date", date)
    return f"date of {path.name} -> {date}"


def edit_division(site, rng):
    path = rng.choice(site.news())
    current = _field(path, "Divisi")
    choices = [d for d in DIVISIONS if d != current]
    value = ", ".join(rng.sample(choices, rng.choice((1, 1, 2))))
    _set_field(path, "Divisi", value)
    return f"division of {path.name}: {current} -> {value}"


def edit_tags(site, rng):
    path = rng.choice(site.news())
    tags = ", ".join(rng.sample(WORDS, rng.randrange(1, 4)))
    if _field(path, "Tags") is None:
        text = re.sub(r"^(Title: .*)$", rf"\1\nTags: {tags}", _read(path), count=1, flags=re.M)
        _write(path, text)
    else:
        _set_field(path, "Tags", tags)
    return f"tags of {path.name} -> {tags}"


def edit_draft_on(site, rng):
    path = rng.choice(_published_news(site))
    _write(path, re.sub(r"^(Title: .*)$", r"\1\nStatus: draft", _read(path), count=1, flags=re.M))
    site.drafts.add(_rel(site, path))
    return f"draft on: {path.name}"


def edit_draft_off(site, rng):
    if not site.drafts:
        return edit_draft_on(site, rng)
    path = site.content / rng.choice(sorted(site.drafts))
    _write(path, re.sub(r"^Status: draft\n", "", _read(path), count=1, flags=re.M))
    site.drafts.discard(_rel(site, path))
    return f"draft off: {path.name}"


def edit_delete(site, rng):
    path = rng.choice(site.news())
    path.unlink()
    site.drafts.discard(_rel(site, path))
    return f"delete {path.name}"


def edit_add(site, rng):
    date = _random_date(rng)
    words = rng.sample(WORDS, 3)
    number = site.unique()
    slug = f"{'-'.join(words)}-{number}"
    path = site.content / "berita" / f"{date[:10]}-{slug}.md"
    photo = ""
    if rng.random() < 0.5:
        image = rng.choice(sorted((site.content / "images").glob("*.jpg")))
        photo = (
            f"Image: images/{image.name}\n"
            f"Image_alt: Foto kegiatan {words[0]} {words[1]} di Temanggung\n"
        )
    _write(
        path,
        f"Title: {words[0].capitalize()} {words[1]} {words[2]} nomor {number}\n"
        f"Date: {date}\n"
        f"Category: {rng.choice(KINDS)}\n"
        f"Divisi: {rng.choice(DIVISIONS)}\n"
        f"Tags: {', '.join(rng.sample(WORDS, 2))}\n"
        f"Summary: Ringkasan kegiatan {words[0]} {words[1]} KPU Kabupaten Temanggung.\n"
        f"{photo}\n"
        f"**TEMANGGUNG** – KPU Kabupaten Temanggung menggelar kegiatan {words[0]} {words[1]} "
        f"bersama pemangku kepentingan.\n\n"
        f"## Tindak lanjut\n\nHasil kegiatan {words[2]} dicatat dan dilaporkan.\n",
    )
    return f"add {path.name}" + (" (with a photo)" if photo else "")


def edit_rename(site, rng):
    path = rng.choice(site.news())
    prefix = path.name[:11] if re.match(r"\d{4}-\d\d-\d\d-", path.name) else ""
    target = path.with_name(f"{prefix}{rng.choice(WORDS)}-{site.unique()}.md")
    path.rename(target)
    if _rel(site, path) in site.drafts:
        site.drafts.discard(_rel(site, path))
        site.drafts.add(_rel(site, target))
    return f"rename {path.name} -> {target.name}"


def edit_ppid_exempt(site, rng):
    """Make a DIP item `dikecualikan`: the DIK columns instead of the DIP ones, no Lampiran."""
    items = [
        p
        for p in sorted((site.content / "ppid").glob("*.md"))
        if _field(p, "Klasifikasi") != "dikecualikan"
    ]
    path = rng.choice(items)
    head, _, body = _read(path).partition("\n\n")
    keep = {"Judul", "Tahun", "Tanggal"}
    lines = [line for line in head.splitlines() if line.split(":", 1)[0] in keep]
    group = rng.choice(EXEMPT_GROUPS)
    lines[1:1] = ["Klasifikasi: dikecualikan", f"Kelompok: {group}"]
    lines += [
        "Dasar_Hukum: Pasal 17 huruf h Undang-Undang Nomor 14 Tahun 2008; Keputusan KPU tentang "
        "Daftar Informasi yang Dikecualikan berdasarkan uji konsekuensi",
        "Uji_Konsekuensi: Membuka informasi ini dapat mengungkap data pribadi dan berisiko "
        "disalahgunakan; kepentingan melindunginya lebih besar daripada kepentingan membukanya.",
        "Jangka_Waktu_Pengecualian: Selama data pribadi tersebut dilindungi undang-undang",
    ]
    _write(path, "\n".join(lines) + "\n\n" + body)
    return f"PPID {path.name} -> dikecualikan ({group})"


def edit_photo(site, rng):
    path = rng.choice(sorted((site.content / "images").glob("*.jpg")))
    width, height = rng.choice(PHOTO_SIZES)
    colour = tuple(rng.randrange(256) for _ in range(3))
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(width), rng.randrange(height)
        box = (x, y, x + rng.randrange(20, width // 2), y + rng.randrange(20, height // 2))
        draw.rectangle(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return f"replace photo {path.name} ({width}x{height})"


def edit_template(site, rng):
    name, text = rng.choice(TEMPLATE_TEXTS)
    path = site.theme / "templates" / name
    site.revision += 1
    changed, count = re.subn(
        rf"{re.escape(text)}(?: · r\d+)?", f"{text} · r{site.revision}", _read(path), count=1
    )
    assert count == 1, f"{name} no longer holds {text!r}"
    _write(path, changed)
    return f"template {name}: {text!r} -> '{text} · r{site.revision}'"


def edit_page(site, rng):
    path = rng.choice(sorted((site.content / "pages").rglob("*.md")))
    _write(path, _read(path).rstrip("\n") + f"\n\nParagraf tambahan nomor {site.unique()}.\n")
    return f"append a paragraph to pages/{path.relative_to(site.content / 'pages')}"


def edit_news_text(site, rng):
    path = rng.choice(_published_news(site))
    _write(path, _read(path).rstrip("\n") + f"\n\nParagraf berita nomor {site.unique()}.\n")
    return f"append a paragraph to {_rel(site, path)}"


EDITS = {
    "news text": edit_news_text,
    "retitle": edit_retitle,
    "date": edit_date,
    "division": edit_division,
    "draft on": edit_draft_on,
    "draft off": edit_draft_off,
    "delete": edit_delete,
    "add": edit_add,
    "rename": edit_rename,
    "ppid dikecualikan": edit_ppid_exempt,
    "photo": edit_photo,
    "template": edit_template,
    "tags": edit_tags,
    "page text": edit_page,
}
REQUIRED = [kind for kind in EDITS if kind not in ("tags", "page text", "news text")]


def edit_plan(rng, steps):
    """Every required kind once, random kinds for the rest; a draft is made before it ends."""
    plan = REQUIRED + [rng.choice(list(EDITS)) for _ in range(steps - len(REQUIRED))]
    rng.shuffle(plan)
    on, off = plan.index("draft on"), plan.index("draft off")
    if off < on:
        plan[on], plan[off] = plan[off], plan[on]
    return plan


def check(results, step, description, got, expected):
    """Compare two trees; record a readable report of the step when they differ."""
    found = differences(got, expected)
    if found:
        results.append(f"step {step} ({description}):\n  " + "\n  ".join(found))
    return not found


class References:
    """Reference builds of steps still running; each is checked against its own step.

    `start` starts a step's reference on a snapshot of the sources, after the step's edit;
    `built` keeps the step's incremental output as it is now (a tree in memory) and, while
    more than REFERENCES_AT_ONCE run, waits for the oldest and compares; `finish` waits for
    and compares the rest.
    """

    def __init__(self, site, failures):
        self.site, self.failures = site, failures
        self.running = collections.deque()  # [step, description, started, tree or None]

    def start(self, step, description):
        """Start the reference build of `step` (after its edit, before its incremental build)."""
        started = self.site.start_full(f"full-{step}", snapshot=True)
        self.running.append([step, description, started, None])

    def built(self, step):
        """Keep the incremental output of `step`, just built; compare the oldest if too many run."""
        (waiting,) = [item for item in self.running if item[0] == step]
        waiting[3] = tree(self.site.output)
        while len(self.running) > REFERENCES_AT_ONCE:
            self.check_oldest()

    def check_oldest(self):
        step, description, started, got = self.running.popleft()
        assert got is not None, f"step {step}: no incremental output was kept"
        output = self.site.finish_full(started)
        check(self.failures, step, description, got, tree(output))
        shutil.rmtree(output.parent)

    def finish(self):
        """Wait for every reference still running and compare it with its step."""
        while self.running:
            self.check_oldest()


@pytest.fixture(autouse=True)
def quiet_pelican():
    logger = logging.getLogger("pelican")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield
    logger.setLevel(level)


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [SEED])
def test_random_edits_give_what_a_full_build_gives(tmp_path, seed):
    rng = random.Random(seed)
    site = Site(tmp_path)
    plan = edit_plan(rng, STEPS)
    print(f"seed {seed}: {len(plan)} edits: {', '.join(plan)}")
    failures = []
    references = References(site, failures)
    # Step 0: the first build (empty cache, incremental machinery on) against the reference.
    references.start(0, "first build")
    site.build_incremental()
    references.built(0)
    for step, kind in enumerate(plan, start=1):
        description = EDITS[kind](site, rng)
        print(f"step {step}: {description}")
        references.start(step, description)
        site.build_incremental()
        references.built(step)
    references.finish()
    assert not failures, f"seed {seed}: " + "\n".join(failures)


@pytest.mark.parametrize("seed", [SEED])
def test_random_edits_through_the_preview_process_give_what_a_full_build_gives(tmp_path, seed):
    """The live preview's build process keeps the site in memory and rewrites an edited
    item's page first; once it is idle, its output must be what a build from scratch gives.

    Text edits come often (what an admin previews most), among every other kind of edit;
    the changed files are found as livereload finds them (modification times).
    """
    rng = random.Random(seed + 1)
    site = Site(tmp_path)
    plan = edit_plan(rng, len(REQUIRED))  # each kind once, a text edit after each
    texts = ["news text", "page text"] * len(plan)
    plan = [kind for pair in zip(plan, texts[: len(plan)], strict=True) for kind in pair]
    print(f"seed {seed}: {len(plan)} edits: {', '.join(plan)}")
    log = open(tmp_path / "preview.log", "wb")
    # The code is the repository's (as for every build here); the site's folders are overrides.
    process = BuildProcess(ROOT, DEV_CONF, site.overrides(site.output, site.cache), log)
    failures, fast = [], 0
    references = References(site, failures)
    try:
        references.start(0, "first build")
        process.request([], first=True)
        process.events_until_idle()
        references.built(0)
        for step, kind in enumerate(plan, start=1):
            before = file_stamps(site.content, site.theme)
            description = EDITS[kind](site, rng)
            print(f"step {step}: {description}")
            references.start(step, description)
            process.request(changed_files(before, file_stamps(site.content, site.theme)))
            events = process.events_until_idle()
            written = [event for event in events if event["event"] == "written"]
            assert written and written[-1]["message"] is None, (description, events)
            fast += sum(1 for event in written if event.get("fast"))
            references.built(step)
        references.finish()
    finally:
        process.stop()
        log.close()
    assert not failures, f"seed {seed}: " + "\n".join(failures)
    # Every text edit of a published item was shown by the fast step first.
    assert fast >= plan.count("news text") + plan.count("page text") - 2, fast


@pytest.mark.parametrize("seed", [SEED])
def test_a_build_killed_at_a_random_moment_leaves_a_site_and_a_sound_cache(tmp_path, seed):
    """SIGKILL a build; the output must still be a whole site, and the next build be exact.

    Each round edits a template (so the killed build renders every page and reindexes) and
    makes one more random edit; the kill moments are spread over a measured build.
    """
    rng = random.Random(seed + 1)
    site = Site(tmp_path)
    site.build_incremental()
    log_path = tmp_path / "killed-builds.log"
    failures, observations = [], []
    with open(log_path, "ab") as log:
        # Round 0: measure a whole build of this kind, unkilled, in a process of its own.
        edit_template(site, rng)
        started = time.monotonic()
        process = start_build_process(site, log)
        assert process.wait() == 0, log_path.read_text(encoding="utf-8", errors="replace")
        duration = time.monotonic() - started
        expected = tree(site.finish_full(site.start_full()))
        check(failures, 0, "unkilled build", tree(site.output), expected)
        print(f"seed {seed}: a whole build in its own process took {duration:.2f} s")
        for round_ in range(1, KILLS + 1):
            before = tree(site.output)
            kind = rng.choice([k for k in EDITS if k != "template"])
            description = f"{edit_template(site, rng)}; {EDITS[kind](site, rng)}"
            delay = duration * (round_ - 1 + rng.random()) / KILLS
            process = start_build_process(site, log)
            time.sleep(delay)
            finished = process.poll() is not None
            if not finished:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            after_kill = tree(site.output)
            leftovers = sorted(
                p.relative_to(site.cache).as_posix()
                for p in site.cache.rglob("*")
                if p.name.endswith(".trash") or p.name.startswith("previous-")
            )
            full = site.start_full()
            site.build_incremental()
            expected = tree(site.finish_full(full))
            label = f"kill {round_} after {delay:.2f} s ({description})"
            note = "build had finished" if finished else "killed"
            lost = len(set(before) - set(after_kill))
            observations.append(
                f"{label}: {note}; right after: {len(after_kill)} paths in the output "
                f"({lost} of the previous build's {len(before)} gone); cache leftovers: "
                f"{', '.join(leftovers) or 'none'}"
            )
            if after_kill not in (before, expected):
                summary = differences(after_kill, before, 5, ("killed", "previous"))[:3]
                failures.append(
                    f"{label}: right after the kill the output is neither the previous build "
                    "nor the new one; against the previous build:\n    " + "\n    ".join(summary)
                )
            check(failures, f"{round_} (build after the kill)", label, tree(site.output), expected)
    print("\n".join(observations))
    assert not failures, f"seed {seed}:\n" + "\n".join(failures + ["", *observations])


def test_a_build_killed_while_a_photo_is_encoded_leaves_no_damaged_image(tmp_path):
    """SIGKILL a build while it writes a photo's last derived file into the cache.

    A random moment rarely falls inside that window, so this kill is timed by watching the
    cache: it comes as soon as the last file of the new photo appears there. One width only
    (1600), so that this last file is a large JPEG and the window is wide. The next build
    must publish whole images, as a build from scratch does.
    """
    site = Site(tmp_path)
    site.settings = {"KPU_IMAGE_WIDTHS": (1600,), "KPU_IMAGE_DEFAULT_WIDTH": 1600}
    site.build_incremental()
    images = site.cache / "kpu_images"
    known = set(os.listdir(images))
    rng = random.Random(SEED + 2)
    noise = Image.frombytes("RGB", (2400, 1350), rng.randbytes(2400 * 1350 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=90)
    (site.content / "images" / "kantor.jpg").write_bytes(buffer.getvalue())
    with open(tmp_path / "killed-build.log", "ab") as log:
        process = start_build_process(site, log)
        new = []
        while process.poll() is None and len(new) < 2:  # one width: a WebP and a JPEG
            new = [
                name
                for name in os.listdir(images)
                if name not in known
                and not name.startswith("kartu-")
                and name.endswith((".webp", ".jpg"))
            ]
        finished = process.poll() is not None
        if not finished:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    sizes = {name: (images / name).stat().st_size for name in new}
    print(f"{'finished' if finished else 'killed'}; the photo's cache files then: {sizes}")
    full = site.start_full()
    site.build_incremental()
    found = differences(tree(site.output), tree(site.finish_full(full)))
    assert not found, f"cache files right after the kill: {sizes}\n" + "\n".join(found)
