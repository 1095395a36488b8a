"""Signal handlers of kpu_commissioners."""

import html
import logging
import os

from markupsafe import Markup
from pelican.contents import Page

from kpu_buildstate import contract
from kpu_commissioners.model import SCHEMA, TEMPLATE, missing_photos, people
from kpu_messages import record_problems
from kpu_office.model import OfficeConfigError
from kpu_settings import apply_schema, raise_settings_problems

logger = logging.getLogger(__name__)


def apply_settings(pelican):
    """Check the page setting and that every photo named in KPU_OFFICE exists."""
    settings = pelican.settings
    apply_schema(settings, SCHEMA, "kpu_commissioners")
    problems = missing_photos(settings["KPU_OFFICE"], settings["PATH"])
    raise_settings_problems(settings, "kpu_commissioners", problems, OfficeConfigError)


def _source_key(settings):
    return os.path.join("pages", settings["KPU_COMMISSIONERS_PAGE"] + ".md")


def attach_commissioners(content):
    """Give the commissioners' page its list (and template) before any page is written."""
    if not isinstance(content, Page) or content._context is None:
        return
    settings = content.settings
    if content.relative_source_path != _source_key(settings):
        return
    division_url = settings.get("KPU_DIVISION_URL", "divisi/{slug}/")
    listed = people(settings["KPU_OFFICE"], division_url)
    problems = []
    for person in listed:
        person["picture"] = ""
        if person["photo"]:
            # Through kpu_images' rewrite (the build contract): resized, metadata-free copies.
            alt = html.escape(f"Foto {person['name']}", quote=True)
            fragment = f'<img src="{html.escape(person["photo"], quote=True)}" alt="{alt}">'
            rewritten, found = contract.process_fragment(
                settings, fragment, settings["PATH"], eager_first=False
            )
            problems += [f'KPU_OFFICE foto "{person["photo"]}": {p}' for p in found]
            if not found and rewritten != fragment:
                person["picture"] = Markup(rewritten)
    content.commissioners = listed
    content.template = TEMPLATE
    content.commissioners_page = True
    record_problems(content._context, content.relative_source_path, problems)


def check_page_found(generator):
    """Note when the page the list belongs on does not exist (renamed, or an office without it)."""
    # Info, not a warning: strict publish builds fail on warnings, and a site may go without.
    key = _source_key(generator.settings)
    pages = generator.pages + generator.hidden_pages + generator.draft_pages
    if not any(page.relative_source_path == key for page in pages):
        logger.info(
            "[kpu_commissioners] halaman content/%s tidak ada; daftar anggota tidak ditampilkan "
            "(atur KPU_COMMISSIONERS_PAGE).",
            key,
        )
