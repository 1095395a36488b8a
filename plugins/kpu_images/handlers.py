"""Signal handlers of kpu_images: plan at read time, encode once at the end, in parallel."""

import hashlib
import json
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator
from pelican.log import console

from kpu_buildstate import contract, cores, process_context
from kpu_buildstate.store import VerifiedFiles
from kpu_content.model import share_card_request
from kpu_dates.model import format_tanggal
from kpu_gate.files import clean_image_bytes, extension, published_name
from kpu_gate.handlers import gate_state
from kpu_gate.references import describe, resolve
from kpu_images.cards import (
    CARD_VERSION,
    CardJob,
    card_alt,
    card_key,
    draw_emblem_png,
    render,
)
from kpu_images.encode import EncodeJob, encode
from kpu_images.inspect import ImageProblem, inspect_image, register_heif
from kpu_images.model import build_picture, image_source, picture_html, rewrite_images
from kpu_images.publish import cached_bytes, publish_files
from kpu_images.selection import gets_own_card, months_before
from kpu_images.settings import RASTER_EXTENSIONS, SCHEMA, settings_key
from kpu_images.social import captions, post_of
from kpu_messages import record_problems
from kpu_office.brand import DIVISION_COLOURS
from kpu_office.model import office_now, unit_slugs
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)
STATE_KEY = "KPU_IMAGE_STATE"


@dataclass
class ImageState:
    """What one build plans and encodes; lives in the build's settings, never in the module."""

    cache_dir: str
    ledger: VerifiedFiles = None  # every cache file of this plugin, verified before use
    infos: dict = field(default_factory=dict)  # source key -> ImageInfo fields
    hashes: dict = field(default_factory=dict)  # "path|size|mtime" -> sha256
    jobs: dict = field(default_factory=dict)  # cache stem -> EncodeJob
    cards: dict = field(default_factory=dict)  # cache stem -> CardJob
    copies: dict = field(default_factory=dict)  # output path -> cache file
    social: dict = field(default_factory=dict)  # output folder -> {channel: caption text}
    emblem: str = ""
    # Items dated (or modified) from this moment on get their own cards: worked out once per
    # build, so every item of one build is judged against the same day.
    card_since: object = None
    logo: tuple = ()  # (source, output path) of a raster office logo
    encoded: int = 0
    reused: int = 0


def apply_settings(pelican):
    """Check the KPU_IMAGE_* settings, enable HEIC, and start this build's image state."""
    settings = pelican.settings
    apply_schema(settings, SCHEMA, "kpu_images")
    gate_state(settings)  # fail at once, not file by file, if the gate is not loaded first
    register_heif()
    cache_dir = os.path.join(settings.get("CACHE_PATH", "cache"), settings["KPU_IMAGE_CACHE_DIR"])
    os.makedirs(cache_dir, exist_ok=True)
    state = ImageState(cache_dir=cache_dir, ledger=VerifiedFiles(cache_dir))
    state.hashes = _load_json(state.ledger, os.path.join(cache_dir, "hashes.json"))
    state.infos = _load_json(state.ledger, os.path.join(cache_dir, "infos.json"))
    settings[STATE_KEY] = state
    contract.add_fragment_processor(settings, process_fragment)
    contract.offer_picture_planner(settings, plan_photo)


def add_picture_filter(generator):
    """Let templates print a Picture with the same markup as content images."""
    from markupsafe import Markup

    def picture_markup(picture, sizes=None, eager=False, css_class=""):
        if not picture:
            return ""
        sizes = sizes or generator.settings["KPU_IMAGE_SIZES"]
        return Markup(picture_html(picture, sizes, eager=eager, css_class=css_class))

    generator.env.filters["picture"] = picture_markup


def _load_json(ledger, path):
    """Read a JSON memo the ledger vouches for; a damaged or unknown one is empty."""
    if not ledger.valid(path):
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _sha256(path, state):
    """Hash a source file, remembering the result by path, size and mtime between builds."""
    stat = os.stat(path)
    memo = f"{os.path.abspath(path)}|{stat.st_size}|{stat.st_mtime_ns}"
    if memo not in state.hashes:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        state.hashes[memo] = digest.hexdigest()
    return state.hashes[memo]


def plan_picture(path, alt, settings):
    """Inspect (or recall) one source image and plan its derived files; return a Picture."""
    from kpu_images.inspect import ImageInfo

    state = settings[STATE_KEY]
    if not os.path.isfile(path):
        raise ImageProblem(
            f'gambar "{os.path.basename(path)}" tidak ditemukan. Periksa nama dan letak berkasnya.'
        )
    digest = _sha256(path, state)
    key = f"{digest[:16]}{settings_key(settings)}"
    if key not in state.infos:
        info = inspect_image(path, settings["KPU_IMAGE_MAX_PIXELS"])
        state.infos[key] = info.__dict__
    info = ImageInfo(**state.infos[key])
    # The published names follow the file's name, made safe for an address ("Foto Kantor.JPG"
    # gives "foto-kantor-…-480.webp"); the content key keeps them apart.
    name = published_name(path, gate_state(settings).slug_subs)
    stem = os.path.splitext(name)[0]
    picture = build_picture(info, key, stem, settings, settings.get("SITEURL", ""), alt)
    cache_stem = os.path.join(state.cache_dir, key)
    fallback = "png" if info.has_alpha else "jpg"
    widths = tuple(v.width for v in picture.variants)
    state.jobs[cache_stem] = EncodeJob(
        path,
        cache_stem,
        widths,
        fallback,
        settings["KPU_IMAGE_JPEG_QUALITY"],
        settings["KPU_IMAGE_WEBP_QUALITY"],
        settings["KPU_IMAGE_MAX_PIXELS"],
    )
    for variant in picture.variants:
        state.copies[variant.webp] = f"{cache_stem}-{variant.width}.webp"
        state.copies[variant.fallback] = f"{cache_stem}-{variant.width}.{fallback}"
    return picture


def plan_photo(path, alt, settings):
    """Plan one photo for another plugin (the contract's planner); return (Picture, problems).

    The same inspection, cache and metadata-free encoding as content images; an unreadable or
    oversized file is a problem in words, never an exception.
    """
    try:
        return plan_picture(path, alt, settings), []
    except ImageProblem as problem:
        return None, [str(problem)]


def _resolve(src, source_dir, settings):
    """Map an <img src> or Image: value to a file of content/; return (path, external, why).

    The file is found as it is spelt on disk (kpu_gate), so "Foto.JPG" written as "foto.jpg"
    fails on every system, with the right name in the message.
    """
    path, external = image_source(src)
    if external:
        return None, external, ""
    resolved = resolve(path, source_dir, gate_state(settings).listings)
    if resolved.path is None:
        return None, False, describe(resolved, src)
    return resolved.path, False, ""


def process_fragment(fragment, source_dir, settings, eager_first=True):
    """Turn every <img> of an HTML fragment into a responsive <picture>; return (html, problems)."""
    problems = []
    sizes = settings["KPU_IMAGE_SIZES"]

    def replace(attributes, index):
        src, alt = attributes.get("src", ""), attributes.get("alt", "").strip()
        name = src.rsplit("/", 1)[-1] or src
        path, external, why = _resolve(src, source_dir, settings)
        if external:
            problems.append(
                f'gambar "{src}" dimuat dari situs lain. Unduh gambarnya, simpan di '
                "content/images/, lalu tautkan dari sana."
            )
            return None
        if not alt:
            problems.append(
                f'gambar "{name}" tidak punya teks alternatif. Tulis ![penjelasan isi gambar]'
                f"({src}) agar pembaca tunanetra tahu isinya."
            )
        if path is None:
            problems.append(f"gambar {why}")
            return None
        try:
            picture = plan_picture(path, alt, settings)
        except ImageProblem as problem:
            problems.append(str(problem))
            return None
        return picture_html(picture, sizes, eager=eager_first and index == 0)

    return rewrite_images(fragment, replace), problems


def process_content(content):
    """Rewrite a news item's or page's images, plan its header image and its share card."""
    if not isinstance(content, (Article, Page)) or content._context is None:
        return
    settings = content.settings
    source_dir = os.path.dirname(content.source_path)
    header = _first(content.metadata.get("image"))
    fragment, problems = process_fragment(
        content._content or "", source_dir, settings, eager_first=not header
    )
    content._content = fragment
    content.picture = None
    if header:
        alt = str(_first(content.metadata.get("image_alt", ""))).strip()
        if not alt:
            problems.append(
                'kolom "Image_alt" wajib diisi: jelaskan isi gambar untuk pembaca tunanetra.'
            )
        path, external, why = _resolve(str(header), settings["PATH"], settings)
        try:
            if external:
                raise ImageProblem(
                    f'"{header}" dimuat dari situs lain. Unduh gambarnya, simpan di '
                    'content/images/, lalu tulis misalnya "Image: images/nama.jpg".'
                )
            if path is None:
                raise ImageProblem(f"gambar {why}")
            content.picture = plan_picture(path, alt, settings)
        except ImageProblem as problem:
            problems.append(f'kolom "Image": {problem}')
    if isinstance(content, Article) and getattr(content, "date", None):
        if own_card(content, settings[STATE_KEY].card_since):
            content.card = plan_card(content, settings)
            content.share_image = _share_image(content, settings)
        else:
            content.card = None  # shares the office's standing card (KPU_SITE_CARD)
            content.share_image = settings["KPU_SITE_CARD"]
    record_problems(content._context, content.relative_source_path, problems)


def _first(value):
    """Return a field's value; of a field continued on a second line, its first line.

    (kpu_gate reports the continuation; this keeps the other messages readable.)
    """
    return value[0] if isinstance(value, list) and value else value


def own_card(article, since):
    """Tell whether a news item gets its own share card (else it shares the office's)."""
    asked = share_card_request(article.metadata)
    return gets_own_card(article.date, getattr(article, "modified", None), asked, since)


def plan_site_images(pelican):
    """Plan the site's own share card and a PNG emblem (pages, and items past the window)."""
    settings = pelican.settings
    state = settings[STATE_KEY]
    state.card_since = months_before(office_now(settings), settings["KPU_SHARE_CARD_MONTHS"])
    office = settings["KPU_OFFICE"]
    host = office.get("site_url", "").split("://")[-1]
    title = office.get("tagline") or office["name"]
    key = card_key(title, office["name"], host, office.get("province", ""), DIVISION_COLOURS[0])
    cache_stem = os.path.join(state.cache_dir, f"kartu-{key}")
    state.cards[cache_stem] = CardJob(
        title, office["name"], host, office.get("province", ""), DIVISION_COLOURS[0], cache_stem
    )
    card = f"{settings['KPU_SOCIAL_DIR']}/kartu-situs-1200x630-{key[:8]}.jpg"
    state.copies[card] = f"{cache_stem}-og.jpg"
    settings["KPU_SITE_CARD"] = {"path": card, "width": 1200, "height": 630, "alt": title}
    emblem_path = os.path.join(state.cache_dir, f"lambang-{CARD_VERSION}-512.png")
    state.emblem = emblem_path
    state.copies["images/lambang-512.png"] = emblem_path
    settings["KPU_LOGO_PNG"] = "images/lambang-512.png"


def plan_card(article, settings):
    """Plan the article's two share cards (with its photo and verdict); return their paths."""
    state = settings[STATE_KEY]
    office = settings["KPU_OFFICE"]
    order = unit_slugs(office)
    divisions = getattr(article, "divisions", [])
    division = divisions[0] if divisions else {"slug": "", "name": office["name"]}
    slug_index = order.index(division["slug"]) if division["slug"] in order else len(order) - 1
    colour = division.get("color") or DIVISION_COLOURS[slug_index % len(DIVISION_COLOURS)]
    title, date_text = str(article.title), format_tanggal(article.date)
    # The photo's widest derived JPEG/PNG: upright and metadata-free, encoded before the cards,
    # and named by the photo's content, so its name stands for the photo in the card's key.
    photo = state.copies[article.picture.largest.fallback] if article.picture else ""
    hoax = getattr(article, "hoax", None) or {}
    verdict = hoax.get("verdict", "")
    key = card_key(
        title, office["name"], date_text, division["name"], colour, os.path.basename(photo), verdict
    )
    cache_stem = os.path.join(state.cache_dir, f"kartu-{key}")
    state.cards[cache_stem] = CardJob(
        title, office["name"], date_text, division["name"], colour, cache_stem, photo, verdict
    )
    folder = f"{settings['KPU_SOCIAL_DIR']}/{article.slug}"
    paths = {
        "og": f"{folder}/kartu-1200x630-{key[:8]}.jpg",
        "square": f"{folder}/kartu-1080x1080-{key[:8]}.jpg",
        "alt": card_alt(
            title,
            office["name"],
            date_text,
            verdict,
            article.picture.alt if article.picture else "",
        ),
    }
    state.copies[paths["og"]] = f"{cache_stem}-og.jpg"
    state.copies[paths["square"]] = f"{cache_stem}-square.jpg"
    return paths


def _share_image(article, settings):
    """Share the article's 1200x630 card: a photo of another shape is cropped by every app."""
    return {"path": article.card["og"], "width": 1200, "height": 630, "alt": article.card["alt"]}


def collect_social_kits(generators):
    """Write each published article's ready-to-post captions (one per channel) by its cards.

    Once every generator has read its files: a caption reads the article's summary, and
    Pelican works the article's HTML out (links included) once, on first use; before the
    static files are read, its {static} links could not be resolved.
    """
    articles = [g for g in generators if isinstance(g, ArticlesGenerator)]
    if not articles:
        return
    generator = articles[0]
    settings = generator.settings
    state = settings[STATE_KEY]
    hashtags = list(settings["KPU_OFFICE"].get("hashtags") or ())
    for article in generator.articles:
        folder = f"{settings['KPU_SOCIAL_DIR']}/{article.slug}"
        # The public address, even in a local build: the caption is meant to be posted.
        public = settings["KPU_OFFICE"].get("site_url", "").rstrip("/")
        url = f"{public or settings.get('SITEURL', '')}/{article.url}"
        state.social[folder] = captions(post_of(article, url, hashtags))


def drop_raster_originals(generator):
    """Keep original photos out of the output: only their metadata-free copies are published."""
    logo = generator.settings["KPU_OFFICE"].get("logo") or ""
    if os.path.splitext(logo)[1].lower().lstrip(".") in RASTER_EXTENSIONS:
        # The office logo keeps its path, published as a clean copy by finish().
        generator.settings[STATE_KEY].logo = (os.path.join(generator.path, logo), logo)
    kept = [
        static
        for static in generator.staticfiles
        if os.path.splitext(static.source_path)[1].lower().lstrip(".") not in RASTER_EXTENSIONS
    ]
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept  # what StaticGenerator.generate_output copies


def finish(generators):
    """Encode what the cache lacks (all cores), then publish derived files and social kits.

    Runs once every generator has its context and before any page is written.
    """
    if not generators:
        return
    settings, output = generators[0].settings, generators[0].output_path
    state = settings.get(STATE_KEY)
    if state is None:
        return
    ledger = state.ledger
    # A cache file is used only while the ledger vouches for it; a damaged one is discarded
    # here and made again, so neither a killed build nor a bad disk reaches the output.
    todo = [job for job in state.jobs.values() if not _all_valid(ledger, job.outputs())]
    cards = [job for job in state.cards.values() if not _all_valid(ledger, job.outputs())]
    for written in _run_parallel(encode, todo) + _run_parallel(render, cards):
        for path, entry in written.items():
            ledger.remember(path, entry)
    if state.emblem and not ledger.valid(state.emblem):
        ledger.remember(state.emblem, draw_emblem_png(state.emblem, 512))
    state.encoded, state.reused = len(todo), len(state.jobs) - len(todo)
    files = dict(state.copies)
    if state.logo and os.path.isfile(state.logo[0]):
        with open(state.logo[0], "rb") as handle:
            clean = clean_image_bytes(handle.read(), extension(state.logo[0]))
        files[state.logo[1]] = cached_bytes(ledger, clean)
    for folder, texts in state.social.items():
        for channel, text in texts.items():
            files[f"{folder}/{channel}.txt"] = cached_bytes(ledger, text.encode("utf-8"))
    publish_files(output, files)
    for name, data in (("hashes.json", state.hashes), ("infos.json", state.infos)):
        ledger.write(os.path.join(state.cache_dir, name), json.dumps(data).encode("utf-8"))
    ledger.report("kpu_images")
    ledger.save()
    summary = (
        f"Gambar: {state.encoded} di-encode, {state.reused} dari cache; "
        f"kartu berbagi: {len(cards)} dibuat, {len(state.cards) - len(cards)} dari cache."
    )
    logger.info("[kpu_images] %s", summary)
    console.print(summary)


def _all_valid(ledger, paths):
    """Tell whether every cache file is whole (checks them all: damaged ones are discarded)."""
    return all([ledger.valid(path) for path in paths])


def _run_parallel(function, jobs):
    """Run jobs on every core; one job (or one core) runs here without a pool. Return results."""
    workers = min(cores(), len(jobs))
    if workers > 1:
        with ProcessPoolExecutor(workers, mp_context=process_context()) as pool:
            return list(pool.map(function, jobs))
    return [function(job) for job in jobs]
