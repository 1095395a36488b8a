"""Everyday tasks for the site: `invoke --list` shows them all.

Every task runs Pelican with the Python of the current environment, so the commands work
the same from an activated virtual environment or as `.venv/bin/invoke ...`.
"""

import functools
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from kpu_content.model import DEFAULT_CONTENT_TYPES  # noqa: E402
from kpu_dates.model import format_bulan_tahun  # noqa: E402
from kpu_gate import placeholders as example  # noqa: E402
from kpu_messages import AdminFacingError  # noqa: E402
from kpu_office.model import office_now, unit_slugs  # noqa: E402
from kpu_ppid.settings import DEFAULT_CLASSES, DEFAULT_GROUPS  # noqa: E402

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
# The publish build lives apart from the dev build in output/, so that alternating the two
# reuses each one's pages: `check`, `publish` and `gh-pages` all build here, and gh-pages
# pushes this folder. Under cache/, so CI restoring cache/ restores the base it reuses.
PUBLISHED = ROOT / "cache" / "terbit"
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"
HOST = "127.0.0.1"
PORT = 8000
PAGE_KIND = "halaman"
PPID_KIND = "ppid"


def _build_settings(conf, **overrides):
    """Read a settings file for a build of content/ into output/, with overrides."""
    from pelican.settings import read_settings

    return read_settings(
        str(conf), override={"PATH": str(CONTENT), "OUTPUT_PATH": str(OUTPUT), **overrides}
    )


def _run(settings):
    """Run one Pelican build in this process; return the admin-facing error, or None."""
    from pelican import Pelican

    try:
        # A failed build leaves output/ as it was (kpu_output swaps a finished site in whole),
        # so the preview keeps serving the last good site.
        Pelican(settings).run()
    except AdminFacingError as error:
        return error
    return None


def _failed(step, error):
    """Return the Exit that ends a task over a content mistake, with its message."""
    heading = f"{step} GAGAL" if step else "BUILD GAGAL"
    return Exit(f"\n{heading}. {error}\n", code=1)


def _build(conf, step="", **overrides):
    """Run one Pelican build in this process; a content mistake ends the task with its message.

    In-process (not the `pelican` command) so an admin sees our Bahasa Indonesia message
    alone, not wrapped in a Python traceback. Returns the settings the build used.
    """
    settings = _build_settings(conf, **overrides)
    error = _run(settings)
    if error is not None:
        raise _failed(step, error) from None
    return settings


def _listen(port):
    """Serve output/ on 127.0.0.1 until Ctrl+C."""
    from pelican import listen

    listen(HOST, port, str(OUTPUT))


def _site_settings():
    """Read pelicanconf.py the way Pelican does (its regency block and defaults)."""
    from pelican.settings import read_settings

    return read_settings(str(DEV_CONF))


def publish_build(step="", **overrides):
    """Run the one strict publish build into cache/terbit/; return its settings.

    `invoke check`, `invoke publish` and `invoke gh-pages` (and the benchmark) all run this.
    The output check runs inside the build, on the staging folder; kpu_output swaps the
    finished site in only when every check passed, so a failed build leaves the previous
    publish build whole, and with it the base the next build reuses pages from.
    `overrides` are settings (PATH, CACHE_PATH, OUTPUT_PATH …), as the benchmark passes them.
    """
    cache = overrides.get("CACHE_PATH")
    # With a cache of its own (the benchmark's), the publish build lives in that cache too.
    output = str(Path(cache) / PUBLISHED.name) if cache else str(PUBLISHED)
    return _build(PUBLISH_CONF, step=step, **{"OUTPUT_PATH": output, **overrides})


def build_figures(settings):
    """Return what a finished build did: pages and feeds rendered and reused."""
    from kpu_incremental.writer import STATE_KEY

    state = settings.get(STATE_KEY)
    if state is None:
        return {"rendered": None, "reused": None}
    return {"rendered": state.rendered, "reused": state.reused}


@task
def clean(c):
    """Remove the generated site, the publish build and Pelican's caches."""
    for folder in (OUTPUT, ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)
    print("Folder output/ dan cache/ (termasuk versi terbit di cache/terbit/) dihapus.")


@task
def build(c):
    """Build the site for local viewing into output/."""
    _build(DEV_CONF)


@task
def serve(c, port=PORT):
    """Build, then serve output/ on http://127.0.0.1:PORT (Ctrl+C to stop)."""
    build(c)
    print(f"Situs tersedia di http://{HOST}:{port}/ (hentikan dengan Ctrl+C)")
    _listen(port)


@task
def livereload(c, port=PORT):
    """Serve the site and rebuild + refresh the browser whenever content or theme changes.

    Builds run in a build process that keeps the site in memory: an edited item's page is
    rewritten first, then the whole site is built. A failed build leaves the last good site
    served, with the message as a banner on every page. A change to plugins/ or the settings
    starts a new build process; a change to the preview's own code or tasks.py restarts this
    task (same command, same process id), so builds always run with the code on disk.
    """
    from kpu_preview.server import serve_preview

    if serve_preview(
        ROOT,
        DEV_CONF,
        {"PATH": str(CONTENT), "OUTPUT_PATH": str(OUTPUT)},
        OUTPUT,
        HOST,
        port,
        watch=("content/**/*", "theme/**/*"),
    ):
        from kpu_preview.server import restart

        restart()


@task
def preview(c, port=PORT, serve_site=True):
    """Build the published version locally, plus drafts (marked DRAF) at /draf/<slug>/."""
    local_url = f"http://{HOST}:{port}"
    _build(
        PUBLISH_CONF,
        SITEURL=local_url,
        FEED_DOMAIN=local_url,
        DRAFT_SAVE_AS="draf/{slug}/index.html",
        DRAFT_PAGE_SAVE_AS="draf/halaman/{slug}/index.html",
        KPU_OUTPUT_CHECK=False,  # drafts are expected here; `invoke check` is the real check
    )
    drafts = sorted((OUTPUT / "draf").rglob("index.html")) if (OUTPUT / "draf").exists() else []
    for draft in drafts:
        print(f"Draf: {local_url}/{draft.parent.relative_to(OUTPUT)}/")
    if serve_site:
        print(f"Pratinjau versi terbit di {local_url}/ (hentikan dengan Ctrl+C)")
        _listen(port)


@task
def publish(c):
    """Build the site for publication (absolute URLs, feeds, strict, output check)."""
    publish_build()
    print(f"Versi terbit ada di {PUBLISHED.relative_to(ROOT)}/ (belum diunggah).")


@task(
    help={
        "ringkasan": "Tulis hasilnya sebagai Markdown ke $GITHUB_STEP_SUMMARY (atau layar), "
        "dengan halaman yang ditambah, diubah dan dihapus",
        "dasar": "Ringkasan: cabang pembanding; bawaan: origin/$GITHUB_BASE_REF atau origin/main",
    }
)
def check(c, ringkasan=False, dasar=""):
    """Check all content and a full publish build without publishing; list every problem.

    The publish build itself is the check (content first, then its output), so a passing
    check leaves cache/terbit/ as the base the next publish build reuses; nothing is pushed
    and output/ is not touched.
    """
    if ringkasan:
        _check_with_summary(dasar or default_base(os.environ))
    else:
        publish_build(step="PEMERIKSAAN")
    print("Pemeriksaan selesai: tidak ada masalah.")


def default_base(environ):
    """Return what a pull request is compared with: its base branch on origin, else main."""
    return f"origin/{environ.get('GITHUB_BASE_REF') or 'main'}"


def changed_content(root, base):
    """Return the (status, path) of files under content/ changed since `base`, or None.

    Three dots: against the point where the branch left `base`, so changes made on `base`
    since then are not the pull request's. Renames count as a removal and an addition.
    """
    from kpu_check.summary import parse_name_status

    lines = _git_lines(
        root, "diff", "--name-status", "--no-renames", "--relative", f"{base}...HEAD", "--",
        "content",
    )  # fmt: skip
    return None if lines is None else parse_name_status(lines)


def _repo_path(path):
    """Return a source path relative to the project, as git names it."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _write_summary(text):
    """Append Markdown to the GitHub job summary, or print it when not run by GitHub."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        print(text)
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(text)


def _check_with_summary(base):
    """Run the check build, write the summary of its result and the pages changed, then fail
    the task if the check failed (the summary is written either way)."""
    from kpu_buildstate import contract
    from kpu_check import summary

    changes = changed_content(ROOT, base)
    note = ""
    if changes is None:
        note = (
            f"Perubahan terhadap {summary.code_span(base)} tidak terbaca dari git: riwayat "
            "cabang itu belum diambil (di GitHub Actions: `actions/checkout` dengan "
            "`fetch-depth: 0`)."
        )
    elif not changes:
        note = "Tidak ada berkas di `content/` yang berubah."
    settings = _build_settings(PUBLISH_CONF, OUTPUT_PATH=str(PUBLISHED))
    try:
        error = _run(settings)
    except Exception as crash:
        _write_summary(
            summary.render_summary(
                False,
                heading=f"Pemeriksaan berhenti karena galat program: {type(crash).__name__}: "
                f"{crash}. Serahkan kepada pengelola teknis.",
                changes=changes or (),
                base=base,
                note=note,
            )
        )
        raise
    heading, problems = summary.report_items(error) if error is not None else ("", [])
    sources = {page: _repo_path(src) for page, src in contract.page_sources(settings).items()}
    pages = None
    if sources and changes is not None:
        pages = summary.group_pages(changes, sources, settings.get("SITEURL", ""))
    elif changes:
        note = "Halaman belum dibuat karena pemeriksaan berhenti lebih dulu; berkas yang berubah:"
    _write_summary(
        summary.render_summary(
            error is None,
            heading=heading,
            problems=problems,
            pages=pages,
            changes=changes or (),
            base=base,
            note=note,
        )
    )
    if error is not None:
        raise _failed("PEMERIKSAAN", error) from None


def _git_lines(root, *args):
    """Run git in `root`; return its output lines, or None when git cannot answer."""
    import subprocess

    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    return result.stdout.splitlines() if result.returncode == 0 else None


def content_not_in_git(root):
    """Say why publishing from here would be undone, or return "" when content/ is safe.

    CI publishes main on every push and every day: content published from a laptop but not
    committed and pushed vanishes at its next run. Outside a git checkout there is nothing
    to compare with, and a branch without an upstream is checked for uncommitted files only.
    """
    if _git_lines(root, "rev-parse", "--is-inside-work-tree") != ["true"]:
        return ""
    changed = _git_lines(root, "status", "--porcelain", "--untracked-files=all", "--", "content")
    if changed:
        files = "\n".join(f"- {line[3:]}" for line in changed[:20])
        more = f"\n- … dan {len(changed) - 20} berkas lain" if len(changed) > 20 else ""
        return (
            "Ada berkas di content/ yang belum di-commit:\n"
            f"{files}{more}\n"
            "Situs diterbitkan ulang dari cabang main setiap hari, jadi perubahan ini akan "
            "hilang. Commit dan push dulu (atau lewat editor web), lalu ulangi."
        )
    upstream = _git_lines(root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    if not upstream:
        return ""
    ahead = _git_lines(root, "log", "@{u}..HEAD", "--name-only", "--format=", "--", "content")
    ahead = sorted({line for line in ahead or [] if line})
    if ahead:
        files = "\n".join(f"- {name}" for name in ahead[:20])
        return (
            f"Ada commit berisi content/ yang belum di-push ke {upstream[0]}:\n{files}\n"
            "Situs diterbitkan ulang dari remote setiap hari, jadi perubahan ini akan hilang. "
            "Jalankan git push dulu, lalu ulangi."
        )
    return ""


@task(name="gh-pages")
def gh_pages(c, remote="origin", branch="gh-pages", push=True):
    """Check and build for publication in one build, then push it with ghp-import."""
    unsaved = content_not_in_git(ROOT)
    if unsaved:
        raise Exit(f"\nTIDAK DITERBITKAN. {unsaved}\n", code=1)
    folder = PUBLISHED.relative_to(ROOT)
    print(f"Langkah 1/2: memeriksa konten dan hasil build terbit (ke {folder}/)")
    settings = publish_build(step="Langkah 1/2 (pemeriksaan)")
    print("Langkah 2/2: mengunggah ke cabang " + branch)
    args = [sys.executable, "-m", "ghp_import", "--no-jekyll", "--force"]
    args += ["--branch", branch, "--remote", remote, "--message", "Terbitkan situs"]
    if settings.get("KPU_DEPLOY_CNAME"):
        args += ["--cname", settings["KPU_DEPLOY_CNAME"]]
    if push:
        args.append("--push")
    # The folder this build swapped in: no other build ran in between.
    result = c.run(shlex.join([*args, settings["OUTPUT_PATH"]]), warn=True)
    if result.failed:
        raise Exit(
            "\nLangkah 2/2 (unggah) GAGAL: ghp-import tidak berhasil; lihat pesan di atas.\n", 1
        )
    print(
        "Selesai: situs terbit."
        if push
        else f"Selesai: cabang {branch} diperbarui (belum diunggah)."
    )


def _social_slugs(kits):
    """Return the slugs that have a social media kit in the built output."""
    return sorted(p.parent.name for p in kits.glob("*/x.txt"))


@task
def social(c, slug):
    """Build, then print an article's captions for X, Instagram, Facebook and WhatsApp."""
    import difflib

    from kpu_images.social import CHANNELS, X_LIMIT, x_length

    settings = _build(DEV_CONF)
    kits = OUTPUT / settings["KPU_SOCIAL_DIR"]
    folder = kits / slug
    if not (folder / "x.txt").exists():
        known = _social_slugs(kits)
        close = difflib.get_close_matches(slug, known, n=1)
        hint = f' Maksud Anda "{close[0]}"?' if close else ""
        raise Exit(
            f'Tulisan dengan slug "{slug}" tidak ditemukan di {folder.parent}.{hint} '
            "Daftar slug: .venv/bin/invoke social-list",
            code=1,
        )
    for channel, label in CHANNELS:
        text = (folder / f"{channel}.txt").read_text(encoding="utf-8")
        count = f", {x_length(text.strip())}/{X_LIMIT} karakter" if channel == "x" else ""
        print(f"===== {label} ({channel}.txt{count}) =====")
        print(text)
    print("Gambar untuk diunggah:")
    cards = sorted(folder.glob("kartu-*.jpg"))
    for card in cards or [OUTPUT / settings["KPU_SITE_CARD"]["path"]]:
        print(f"  {card.relative_to(ROOT)}")
    if not cards:
        print(_office_card_note(settings["KPU_SHARE_CARD_MONTHS"]))


def _office_card_note(months):
    """Explain why an item shows the office's card and how it gets its own."""
    return (
        f"Tulisan ini memakai kartu umum kantor (1200 x 630) di atas: tanggalnya lebih dari "
        f"{months} bulan yang lalu, atau kolomnya menulis Kartu_Berbagi: tidak. Untuk kartu "
        "sendiri (1200 x 630, dan 1080 x 1080 untuk Instagram), tulis Kartu_Berbagi: ya di "
        "kolom tulisan, lalu jalankan perintah ini lagi."
    )


@task
def social_list(c):
    """Build, then list the slugs of the articles that have a social media kit."""
    settings = _build(DEV_CONF)
    kits = OUTPUT / settings["KPU_SOCIAL_DIR"]
    print("Slug tulisan yang punya kit media sosial (pakai: .venv/bin/invoke social <slug>):")
    for slug in _social_slugs(kits):
        own = any((kits / slug).glob("kartu-*.jpg"))
        print(f"  {slug}" if own else f"  {slug}  (kartu umum kantor)")
    months = settings["KPU_SHARE_CARD_MONTHS"]
    print(
        f"Tulisan bertanda (kartu umum kantor) lebih dari {months} bulan atau menulis "
        "Kartu_Berbagi: tidak; tulis Kartu_Berbagi: ya untuk kartunya sendiri."
    )


@task(
    name="ppid-siap",
    help={"ketat": "gagal (kode keluar 1) bila ada hal wajib yang belum lengkap, untuk CI"},
)
def ppid_siap(c, ketat=False):
    """Build, then list what the annual PPID evaluation looks for: ada, kurang, kedaluwarsa."""
    import json

    settings = _build(DEV_CONF)
    path = OUTPUT / settings["KPU_READINESS_URL"] / "kesiapan.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    print(f"Kesiapan PPID per {report['tanggal']}: skor {report['skor']} ({report['predikat']})")
    gaps = 0
    for section in report["bagian"]:
        print(f"\n{section['indikator']}: {section['skor']} dari {section['bobot']}")
        for line in section["baris"]:
            print(f"  [{line['status']}] {line['yang_dicari']}")
            if line["status"] != "ada":
                gaps += line["wajib"]
                print(f"      {line['keterangan']}".rstrip())
                print(f"      Perbaikan: {line['perbaikan']}")
    print(f"\nHalaman lengkapnya: output/{settings['KPU_READINESS_URL']}index.html")
    if ketat and gaps:
        raise Exit(f"{gaps} hal wajib belum lengkap (invoke ppid-siap --ketat).", code=1)


LIGHTHOUSE = "12.2.3"  # Lighthouse 13 needs Node 22; the machines here have Node 20
TOOLS = ROOT / ".tools"


@task
def audit(c, port=8765):
    """Run Lighthouse (mobile) on key pages of the served site; write JSON, print a table."""
    import json
    import threading

    lighthouse = TOOLS / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not lighthouse.exists():
        c.run(
            f"npm install --prefix {shlex.quote(str(TOOLS / 'lighthouse'))} --no-audit --no-fund "
            f"--save-exact lighthouse@{LIGHTHOUSE}",
            pty=False,
        )
    site = f"http://{HOST}:{port}"
    _build(PUBLISH_CONF, SITEURL=site, FEED_DOMAIN=site, KPU_OUTPUT_CHECK=False)
    server = _quiet_server(port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    reports = ROOT / "reports" / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    pages = {
        "beranda": "/",
        "berita": "/" + _first_article(),
        "divisi": "/divisi/teknis-penyelenggaraan/",
        "dip": "/ppid/daftar-informasi-publik/",
        "cari": "/cari/",
    }
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    rows = []
    try:
        for name, path in pages.items():
            target = reports / f"{name}.json"
            command = [
                "node",
                str(lighthouse),
                site + path,
                "--quiet",
                "--output=json",
                f"--output-path={target}",
                "--chrome-path=/usr/bin/chromium",
                f"--chrome-flags={flags}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ]
            c.run(shlex.join(command), pty=False)
            categories = json.loads(target.read_text(encoding="utf-8"))["categories"]
            scores = [
                round(categories[k]["score"] * 100)
                for k in ("performance", "accessibility", "best-practices", "seo")
            ]
            rows.append((name, path, *scores))
    finally:
        server.shutdown()
    print(f"\n{'halaman':10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  alamat")
    for name, path, *scores in rows:
        print(f"{name:10} " + " ".join(f"{s:>5}" for s in scores) + f"  {path}")
    print(f"Laporan JSON: {reports.relative_to(ROOT)}/")


@task
def bench(c, sizes="1000,2000,5000", runs=3, work="", output="bench/results/bench.json"):
    """Benchmark cold, cached, one-edit and preview builds against plain Pelican (JSON + table)."""
    import tempfile

    from bench.run import main

    numbers = [int(n) for n in str(sizes).split(",") if n.strip()]
    folder = work or tempfile.mkdtemp(prefix="kpu-bench-")
    main(numbers, int(runs), folder, str(ROOT / output) if not os.path.isabs(output) else output)
    print(f"Korpus di {folder}; hasil JSON: {output}")


def _first_article():
    newest = sorted((OUTPUT / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html"))[-1]
    return str(newest.parent.relative_to(OUTPUT)) + "/"


def _quiet_server(port):
    """Serve output/ like GitHub Pages does: text compressed with gzip when asked for."""
    import gzip
    import http.server
    import io

    compressible = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
            if not (wants_gzip and path.endswith(compressible) and os.path.isfile(path)):
                return super().send_head()
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    handler = functools.partial(Handler, directory=str(OUTPUT))
    return http.server.ThreadingHTTPServer((HOST, port), handler)


def _ensure_test_tools(c):
    """Install the npm test tools (the Nu Html Checker) once, from package-lock.json."""
    if not (ROOT / "node_modules" / "vnu-jar").exists():
        c.run("npm ci --no-audit --no-fund", pty=False)


@task
def test(c, k="", browser=True):
    """Run every test (lint, unit, built site, real browser); -k filters by name."""
    _ensure_test_tools(c)
    args = [sys.executable, "-m", "pytest", "-q"]
    if k:
        args += ["-k", k]
    if not browser:
        args += ["-m", "not browser"]
    c.run(shlex.join(args), pty=False)


@task(
    help={
        "kind": f"Jenis: {', '.join([*DEFAULT_CONTENT_TYPES, PAGE_KIND, PPID_KIND])}",
        "title": "Judul tulisan, halaman atau item PPID",
        "divisi": "Berita: slug divisi (boleh beberapa, dipisah koma); bawaan: sekretariat",
        "parent": "Halaman: folder induk di content/pages, misalnya 'profil'",
        "klasifikasi": "PPID: berkala, serta-merta, setiap-saat atau dikecualikan",
        "kelompok": "PPID: kelompok informasi; bawaan: kelompok pertama klasifikasinya",
    }
)
def new(c, kind, title, divisi="", parent="", klasifikasi="berkala", kelompok=""):
    """Create a news item (as a draft), a page or a PPID item with every required field."""
    settings = _site_settings()
    options = {"divisi": divisi, "parent": parent, "klasifikasi": klasifikasi, "kelompok": kelompok}
    path, text = scaffold(settings, kind, title, options, now=office_now(settings))
    if path.exists():
        raise Exit(f"Berkas {path.relative_to(ROOT)} sudah ada; pilih judul lain.", code=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Berkas dibuat: {path.relative_to(ROOT)}")
    if kind == PPID_KIND:
        print(
            "Ganti setiap teks contoh dengan isi yang sebenarnya: item PPID langsung terbit, "
            "dan build berhenti selama teks contoh masih ada."
        )
    else:
        print(
            "Statusnya masih draf. Ganti teks contoh, lalu ganti 'Status: draft' menjadi "
            "'Status: published' bila siap terbit."
        )


def scaffold(settings, kind, title, options, now):
    """Return the path and Markdown text of a new file; raise Exit on a bad option."""
    from pelican.utils import slugify

    title = title.strip()
    if not title or title.startswith("-"):
        raise Exit(
            'Judul tidak boleh kosong. Contoh: invoke new berita --title "Rapat Pleno" '
            "(bantuan: invoke --help new).",
            code=1,
        )
    slug = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    if kind == PAGE_KIND:
        parent = options["parent"].strip("/")
        folder = CONTENT / "pages" / parent if parent else CONTENT / "pages"
        return folder / f"{slug}.md", PAGE_TEMPLATE.format(title=title)
    if kind == PPID_KIND:
        return _scaffold_ppid(settings, title, slug, options, now)
    types = settings.get("KPU_CONTENT_TYPES") or DEFAULT_CONTENT_TYPES
    if kind not in types:
        choices = ", ".join([*types, PAGE_KIND, PPID_KIND])
        raise Exit(f'Jenis "{kind}" tidak dikenal. Pilihan: {choices}.', code=1)
    office = settings["KPU_OFFICE"]
    known = unit_slugs(office)
    divisi = options["divisi"] or office["secretariat"]["slug"]
    chosen = [s.strip() for s in divisi.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise Exit(
            f'Divisi "{", ".join(unknown)}" tidak dikenal. Pilihan: {", ".join(known)}.', code=1
        )
    text = NEWS_TEMPLATE.format(
        title=title,
        date=now.strftime("%Y-%m-%d %H:%M"),
        kind=kind,
        divisi=", ".join(chosen),
        dateline=office["dateline"],
        extra=HOAX_FIELDS if kind == "klarifikasi-hoaks" else "",
    )
    return CONTENT / "berita" / f"{now:%Y-%m-%d}-{slug}.md", text


def _scaffold_ppid(settings, title, slug, options, now):
    """Fill the DIP template, or the DIK one for `dikecualikan` (which never has files)."""
    classes = settings.get("PPID_CLASSES") or DEFAULT_CLASSES
    groups = settings.get("PPID_GROUPS") or DEFAULT_GROUPS
    klasifikasi = options["klasifikasi"]
    if klasifikasi not in classes:
        raise Exit(
            f'Klasifikasi "{klasifikasi}" tidak dikenal. Pilihan: {", ".join(classes)}.', code=1
        )
    kelompok = options["kelompok"] or next(iter(groups[klasifikasi]))
    if kelompok not in groups[klasifikasi]:
        choices = ", ".join(groups[klasifikasi])
        raise Exit(f'Kelompok "{kelompok}" tidak dikenal. Pilihan: {choices}.', code=1)
    template = PPID_EXEMPT_TEMPLATE if klasifikasi == "dikecualikan" else PPID_TEMPLATE
    text = template.format(
        title=title,
        klasifikasi=klasifikasi,
        kelompok=kelompok,
        year=now.year,
        date=now.strftime("%Y-%m-%d"),
        month=format_bulan_tahun(now.year, now.month),
        secretariat=settings["KPU_OFFICE"]["secretariat"]["name"],
        office=settings["KPU_OFFICE"]["name"],
    )
    return CONTENT / settings.get("PPID_PATH", "ppid") / f"{slug}.md", text


# The example texts come from kpu_gate.placeholders, so the gate recognises any that are
# left in an item that goes live.
NEWS_TEMPLATE = f"""\
Title: {{title}}
Date: {{date}}
Category: {{kind}}
Divisi: {{divisi}}
Tags: kpu
Summary: {example.NEWS_SUMMARY}
{{extra}}Status: draft

**{{dateline}}** – {example.NEWS_LEAD}

{example.NEWS_HEADING}

{example.NEWS_BODY}
"""

HOAX_FIELDS = f"""\
Klaim: {example.HOAX_CLAIM}
Putusan: hoaks
Dasar: {example.HOAX_BASIS}
Sumber: https://www.kpu.go.id
"""

PAGE_TEMPLATE = f"""\
Title: {{title}}
Summary: {example.PAGE_SUMMARY}
Order: 10
Status: draft

{example.PAGE_BODY}
"""

PPID_TEMPLATE = f"""\
Judul: {{title}}
Klasifikasi: {{klasifikasi}}
Kelompok: {{kelompok}}
Tahun: {{year}}
Tanggal: {{date}}
Ringkasan: {example.PPID_SUMMARY}
Penguasa_Informasi: {{secretariat}}
Penanggung_Jawab: Sekretaris {{office}}
Waktu_Pembuatan: {{month}}
Tempat_Pembuatan: Kantor {{office}}
Bentuk: elektronik
Retensi: 5 tahun

{example.PPID_BODY}
"""

PPID_EXEMPT_TEMPLATE = f"""\
Judul: {{title}}
Klasifikasi: {{klasifikasi}}
Kelompok: {{kelompok}}
Tahun: {{year}}
Tanggal: {{date}}
Dasar_Hukum: {example.PPID_BASIS}
Uji_Konsekuensi: {example.PPID_TEST}
Jangka_Waktu_Pengecualian: {example.PPID_PERIOD}
"""
