"""Signal handlers of kpu_admin: write the editor into the output of every build."""

import html
import json
import logging
import os
import shutil
from pathlib import Path

from kpu_admin.model import SCHEMA, STAGE_COLLECTION, cms_config, field_model, page_tree
from kpu_buildstate import contract
from kpu_messages import AdminFacingError
from kpu_office.model import units
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)

KIT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BUNDLE = KIT_ROOT / "node_modules" / "decap-cms" / "dist"
STATIC = Path(__file__).resolve().parent / "static"
# Our scripts, in the order the page loads them after Decap itself.
OWN_SCRIPTS = ("locale-id.js", "kpu-format.js", "kpu-admin.js")
NOT_INSTALLED = (
    "Editor web (Decap CMS) belum terpasang, jadi /admin/ tidak dapat dibuat. Jalankan "
    '"npm ci" sekali di folder situs (perlu Node.js), lalu bangun lagi.'
)


class EditorNotInstalled(AdminFacingError):
    """A publish build without Decap's files would ship a site whose editor is broken."""


def apply_settings(pelican):
    """Check the KPU_ADMIN_* settings before any file is read."""
    apply_schema(pelican.settings, SCHEMA, "kpu_admin")


def bundle_files(bundle):
    """Return Decap's files a browser loads: the main script, its lazy chunks, wasm, css."""
    if not (bundle / "decap-cms.js").is_file():
        return []
    return sorted(
        path
        for path in bundle.iterdir()
        if path.is_file()
        and (path.name == "decap-cms.js" or path.name.endswith((".decap-cms.js", ".wasm")))
    )


def page_folders(content_path, page_root):
    """Return the folders of the page tree that hold pages ("" for the top)."""
    root = Path(content_path) / page_root
    found = []
    for folder, _dirs, files in os.walk(root):
        if any(name.endswith(".md") for name in files):
            relative = os.path.relpath(folder, root)
            found.append("" if relative == "." else relative.replace(os.sep, "/"))
    return page_tree(found)


def admin_page(title, siteurl, admin_url):
    """Return /admin/index.html: no inline script, noindex, Decap then our own scripts."""
    base = f"{siteurl}/{admin_url}"
    scripts = "\n".join(
        f'<script src="{html.escape(base + name)}"></script>'
        for name in ("kpu-admin-awal.js", "decap-cms.js", *OWN_SCRIPTS)
    )
    return f"""<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Editor situs · {html.escape(title)}</title>
<link rel="stylesheet" href="{html.escape(base)}kpu-admin.css">
</head>
<body>
<noscript><p>Editor situs memerlukan JavaScript. Aktifkan JavaScript di peramban.</p></noscript>
<div id="kpu-masuk" class="kpu-masuk" hidden>
<h1>Editor situs {html.escape(title)}</h1>
<form id="kpu-masuk-token">
<label for="kpu-token">Token akses GitHub</label>
<input id="kpu-token" name="token" type="password" autocomplete="off" required spellcheck="false">
<p class="kpu-masuk-bantuan">Token dibuat oleh pengelola akun GitHub kantor (lihat Panduan
Admin, bagian "Masuk ke editor"). Token hanya disimpan di peramban ini.</p>
<button type="submit">Masuk</button>
</form>
</div>
{scripts}
</body>
</html>
"""


def collection_kind(collection):
    """Tell which preview a collection gets: a news item, a PPID item, a stage or a page."""
    if collection["name"] == STAGE_COLLECTION:
        return "stage"
    if collection["name"].startswith("ppid-"):
        return "ppid"
    if collection["name"].startswith("halaman"):
        return "page"
    return "news"


def write_or_keep(target, data, previous):
    """Write `data`, or link the last site's identical file so its time stamp stays.

    An unchanged page keeps its time stamp, so the search index and the incremental writer's
    checks see a rebuild without changes as one.
    """
    for same in (target, previous):
        try:
            if same is not None and same.stat().st_size == len(data) and same.read_bytes() == data:
                if same != target:
                    _place(same, target)
                return
        except OSError:
            continue
    target.unlink(missing_ok=True)
    target.write_bytes(data)


def _place(source, target):
    """Hard-link a file from node_modules into the output; copy across disks."""
    target.unlink(missing_ok=True)  # a build in place (DELETE_OUTPUT_DIRECTORY = False)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_admin(pelican):
    """Write /admin/: the page, the config, the field model, Decap's files and ours."""
    settings = pelican.settings
    bundle = Path(settings["KPU_ADMIN_BUNDLE"] or DEFAULT_BUNDLE)
    files = bundle_files(bundle)
    if not files:
        if settings.get("KPU_STRICT"):
            raise EditorNotInstalled(NOT_INSTALLED)
        logger.warning("[kpu_admin] %s", NOT_INSTALLED)
    target = Path(pelican.output_path) / settings["KPU_ADMIN_URL"]
    target.mkdir(parents=True, exist_ok=True)
    config = cms_config(settings, page_folders(settings["PATH"], settings["PAGE_PATHS"][0]))
    model = {
        **field_model(config),
        "stylesheet": f"{settings.get('SITEURL', '')}/{settings['KPU_STYLESHEET']}",
        "siteName": settings["KPU_OFFICE"]["name"],
        "installed": bool(files),
        "tokenSignIn": not settings["KPU_ADMIN_OAUTH_URL"],
        "divisions": {u["slug"]: u["name"] for u in units(settings["KPU_OFFICE"])},
        "repo": settings["KPU_ADMIN_REPO"],
        "collections": [
            {"name": c["name"], "label": c["label_singular"], "kind": collection_kind(c)}
            for c in config["collections"]
        ],
    }
    previous = contract.previous_output(settings)
    kept = Path(previous) / settings["KPU_ADMIN_URL"] if previous else None
    page = admin_page(
        settings["KPU_OFFICE"]["name"], settings.get("SITEURL", ""), settings["KPU_ADMIN_URL"]
    )
    # JSON is YAML: Decap reads config.yml with a YAML parser.
    for name, text in (
        ("config.yml", json.dumps(config, ensure_ascii=False, indent=1)),
        ("kpu-model.json", json.dumps(model, ensure_ascii=False)),
        ("index.html", page),
    ):
        write_or_keep(target / name, text.encode("utf-8"), kept / name if kept else None)
    for path in files:
        _place(path, target / path.name)
    for path in STATIC.iterdir():
        if path.is_file():
            _place(path, target / path.name)
    logger.info(
        "[kpu_admin] wrote %s (%d files of Decap CMS)", settings["KPU_ADMIN_URL"], len(files)
    )
