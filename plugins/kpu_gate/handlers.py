"""Signal handlers of kpu_gate: survey content/, vet every document and every static file."""

import os
import re
from dataclasses import dataclass, field

from pelican.contents import Article, Page
from pelican.utils import slugify

from kpu_buildstate import load_pickle, save_pickle
from kpu_gate.files import CleanStore, FileRefused, extension, published_name, survey
from kpu_gate.markup import rewrite_youtube, youtube_thumbnail
from kpu_gate.references import Listings
from kpu_gate.vet import DEFAULT_LINK_SYNTAX, GATE_VERSION, Document, Passed, vet_document
from kpu_messages import (
    AdminFacingError,
    Problem,
    record_problems,
    recorded_problems,
    unknown_value,
)
from kpu_settings import SettingsError

STATE_KEY = "KPU_GATE_STATE"
SURVEYED_KEY = "kpu_gate_surveyed"
SLUG_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"


@dataclass
class GateState:
    """One build's gate: what passed before, the clean-file store and folder listings."""

    folder: str
    passed: Passed
    survey_memo: dict
    store: CleanStore
    listings: Listings
    published: dict = field(default_factory=dict)  # output path -> Published, this build
    remembered_memo: dict = field(default_factory=dict)  # the survey memo as loaded
    slug_subs: tuple = ()  # SLUG_REGEX_SUBSTITUTIONS, for the names files are published under


def _state_path(folder):
    return os.path.join(folder, "state.pickle")


def start(pelican):
    """Load what the gate remembers from earlier builds (anything damaged is forgotten)."""
    settings = pelican.settings
    folder = os.path.join(settings["CACHE_PATH"], "kpu_gate")
    remembered = load_pickle(_state_path(folder), GATE_VERSION, default={})
    settings[STATE_KEY] = GateState(
        folder=folder,
        passed=Passed(known=set(remembered.get("passed", ()))),
        survey_memo=dict(remembered.get("survey", {})),
        remembered_memo=dict(remembered.get("survey", {})),
        store=CleanStore.open(os.path.join(folder, "bersih")),
        listings=Listings(settings["PATH"]),
        slug_subs=tuple(tuple(pair) for pair in settings.get("SLUG_REGEX_SUBSTITUTIONS", ())),
    )


class GateMissingError(AdminFacingError):
    """The kit's plugins need the content gate, and PLUGINS does not load it."""


def gate_state(settings):
    """Return this build's GateState (the build contract for other plugins)."""
    try:
        return settings[STATE_KEY]
    except KeyError:
        raise GateMissingError(
            'Pengaturan di pelicanconf.py belum benar: PLUGINS wajib memuat "kpu_gate" (gerbang '
            "konten), sebelum plugin kpu_ lainnya; tanpa itu tidak ada yang memeriksa konten."
        ) from None


def survey_content(generator):
    """Judge every file and folder of content/ once per build, before anything is read."""
    context = generator.context
    if context.get(SURVEYED_KEY):
        return
    context[SURVEYED_KEY] = True
    _check_folders(generator.settings)
    state = gate_state(generator.settings)
    result = survey(generator.settings["PATH"], generator.settings, state.survey_memo)
    state.survey_memo = result.memo
    for path, problems in result.problems.items():
        record_problems(context, path, problems)


def _check_folders(settings):
    """Stop on a content folder setting that names a folder only by the wrong letter case.

    "Berita" finds content/berita/ on Windows and macOS, and nothing on the published site.
    """
    root = settings["PATH"]
    try:
        present = os.listdir(root)
    except OSError:
        return
    problems = []
    for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS", "PPID_PATH"):
        values = settings.get(key, "ppid" if key == "PPID_PATH" else [])
        for value in [values] if isinstance(values, str) else values:
            top = str(value).strip("/").split("/")[0]
            if not top or top in present:
                continue
            near = [name for name in present if name.lower() == top.lower()]
            if near:
                problems.append(
                    f'pelicanconf.py: {key} menyebut folder "{top}", tetapi di content/ folder itu '
                    f'bernama "{near[0]}". Samakan huruf besar/kecilnya.'
                )
    if problems:
        raise SettingsError(
            "Pengaturan di pelicanconf.py belum benar (kpu_gate):\n- " + "\n- ".join(problems)
        )


def vet_content(content):
    """Vet a news item or page: markup, header fields, dates, layout, placeholders, name."""
    if not isinstance(content, (Article, Page)) or content._context is None:
        return
    settings = content.settings
    state = gate_state(settings)
    status = str(content.metadata.get("status", "published")).strip()
    hint = '; bila belum siap, tulis "Status: draft"' if isinstance(content, Article) else ""
    document = Document(
        source_path=content.source_path,
        fragment=content._content or "",
        formatted={
            name.capitalize(): str(content.metadata[name])
            for name in settings.get("FORMATTED_FIELDS", [])
            if content.metadata.get(name)
        },
        live=status != "draft",
        date_fields=("Date", "Modified"),
        with_time=isinstance(content, Article),
        scaffold_hint=hint,
        # Pelican joins continued Summary lines and lists Lampiran lines; any other field
        # continued on a line below becomes a Python list on the page.
        multi_line=frozenset({"lampiran", *settings.get("FORMATTED_FIELDS", [])}),
        link_syntax=settings.get("INTRASITE_LINK_REGEX") or DEFAULT_LINK_SYNTAX,
    )
    problems = vet_document(document, state.passed, state.listings)
    problems += _name_problems(content)
    problems += _slug_problems(content)
    problems += _layout_field_problems(content)
    source_dir = os.path.dirname(content.source_path)
    content._content = rewrite_youtube(
        content._content,
        getattr(content, "title", ""),
        lambda video: youtube_thumbnail(video, source_dir, state.listings),
    )
    record_problems(content._context, content.relative_source_path, problems)


def _name_problems(content):
    """Report a file name or Slug that would give a URL with spaces, capitals or symbols."""
    slug = str(getattr(content, "slug", "") or "")
    written = content.metadata.get("slug")
    if written and written == _slug_from_file_name(content):
        written = None  # Pelican took it from the file name (FILENAME_METADATA)
    if isinstance(content, Page):
        path = content.metadata.get("pagepath")
        if path is None:
            return []
        bad = [part for part in str(path).split("/") if not _is_slug(part)]
        if not bad:
            return []
        good = "/".join(_slugify(part, content.settings) for part in str(path).split("/"))
        return [
            Problem(
                f'nama berkas atau folder "{"/".join(bad)}" menghasilkan alamat /{path}/ dengan '
                f'spasi, huruf besar atau tanda baca. Ganti nama menjadi "{good}.md" (huruf '
                "kecil, angka dan tanda hubung).",
                line=1,
            )
        ]
    if _is_slug(slug):
        return []
    suggestion = _slugify(slug, content.settings)
    if written:
        return [
            Problem(
                f'kolom "Slug": "{written}" hanya boleh berisi huruf kecil, angka dan tanda '
                f'hubung, misalnya "{suggestion}".'
            )
        ]
    name = os.path.basename(content.source_path)
    fixed = name[: len(name) - len(slug) - 3] + suggestion + ".md"
    return [
        Problem(
            f'nama berkas "{name}" menghasilkan alamat dengan spasi, huruf besar atau tanda '
            f'baca ("{slug}"). Ganti nama berkas menjadi "{fixed}" (huruf kecil, angka dan '
            "tanda hubung).",
            line=1,
        )
    ]


# Page templates of the kit's theme a page may name in `Template:`; news use one template.
PAGE_TEMPLATES = ("page", "kontak", "ppid", "laporan_layanan_index")


def _layout_field_problems(content):
    """Report `Lang:` and `Template:` values that would move a page or lose its text.

    Pelican writes an item with another language beside the page as "slug-Lang.html" and
    renders any template named, even one that shows nothing of the item.
    """
    problems = []
    metadata, settings = content.metadata, content.settings
    language = str(metadata.get("lang", "") or "").strip()
    if language and language != settings.get("DEFAULT_LANG", "id"):
        problems.append(
            Problem(
                f'kolom "Lang": "{language}" tidak dipakai; situs ini berbahasa '
                f'"{settings.get("DEFAULT_LANG", "id")}" saja. Hapus baris itu.'
            )
        )
    template = str(metadata.get("template", "") or "").strip()
    allowed = settings.get("KPU_PAGE_TEMPLATES", PAGE_TEMPLATES)
    if template and isinstance(content, Article):
        problems.append(
            Problem(
                'kolom "Template" tidak dipakai untuk berita: semua berita memakai tampilan '
                "yang sama. Hapus baris itu."
            )
        )
    elif template and template not in allowed:
        problems.append(Problem(unknown_value("Template", template, allowed)))
    return problems


def _slug_from_file_name(content):
    stem = os.path.splitext(os.path.basename(content.source_path))[0]
    match = re.match(content.settings.get("FILENAME_METADATA") or "(?!)", stem)
    return match.groupdict().get("slug") if match else None


def _is_slug(text):
    return bool(text) and set(text) <= set(SLUG_CHARACTERS) and "--" not in text.strip("-")


def _slugify(text, settings):
    return slugify(text, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", [])) or "nama-berkas"


def _slug_problems(content):
    """Report tags and authors that give no address (empty slug) — Pelican only warns."""
    problems = []
    for field_name, values in (
        ("Tags", getattr(content, "tags", []) or []),
        ("Author", getattr(content, "authors", []) or []),
    ):
        for value in values:
            if not str(value.slug or "").strip("-"):
                problems.append(
                    Problem(
                        f'kolom "{field_name}": "{value.name}" tidak menghasilkan alamat halaman '
                        f"({field_name.lower()} perlu huruf atau angka). Perbaiki atau hapus "
                        "nilai itu."
                    )
                )
    return problems


def vet_static_files(generator):
    """Let through only static files the gate can publish; publish cleaned copies of them."""
    state = gate_state(generator.settings)
    known = recorded_problems(generator.context)
    kept = []
    for static in generator.staticfiles:
        relative = static.relative_source_path
        if extension(relative) in ("jpg", "jpeg", "png", "webp", "heic", "heif"):
            kept.append(static)  # published only as kpu_images' metadata-free copies
            continue
        if relative in known or not os.path.lexists(static.source_path):
            continue  # named already: by the survey, or as a misspelt {static} link
        name = os.path.basename(relative)
        if name != published_name(name, state.slug_subs):
            suggestion = published_name(name, state.slug_subs)
            message = (
                f'nama berkas "{name}" menjadi alamat dengan spasi, huruf besar atau tanda baca. '
                f'Ganti nama menjadi "{suggestion}" (dan tautannya).'
            )
            record_problems(generator.context, relative, [Problem(message, line=1)])
            continue
        try:
            published = state.store.publish(static.source_path)
        except FileRefused as refused:
            problems = [Problem(message, line=1) for message in refused.messages]
            record_problems(generator.context, relative, problems)
            continue
        except OSError as error:
            record_problems(
                generator.context, relative, [Problem(f"berkas tidak terbaca ({error}).", line=1)]
            )
            continue
        # Pelican copies the static file from its source path: point it at the clean copy,
        # keeping the address it was given from its place in content/.
        static.override_save_as, static.override_url = static.save_as, static.url
        static.source_path = published.path
        state.published[static.save_as] = published
        kept.append(static)
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept


def save_state(generators):
    """Remember what passed (only what this build saw) and the clean-file index."""
    if not generators:
        return
    state = generators[0].settings.get(STATE_KEY)
    if state is None:
        return
    state.store.save()
    if state.passed.seen != state.passed.known or state.survey_memo != state.remembered_memo:
        data = {"passed": state.passed.seen, "survey": state.survey_memo}
        save_pickle(_state_path(state.folder), data, GATE_VERSION)
