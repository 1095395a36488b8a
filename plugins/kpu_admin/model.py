"""The editor's configuration, made from the kit's own content model on every build.

Pure functions: given the settings the other plugins validated (content types, divisions,
PPID classes and groups) and the folders of the page tree, return the Decap CMS config and
the field model the `kpu-meta` format reads files with. Nothing here is kept by hand, so a
new division or PPID group appears in the form at the next build.
"""

from kpu_content.types import HOAX_TYPE, INFOGRAPHIC_MIN_TEXT, INFOGRAPHIC_TYPE, VERDICTS
from kpu_office.model import units
from kpu_ppid.model import DIP_FIELDS, EXEMPT_FIELDS, FIELD_HINTS, FORMS
from kpu_ppid.settings import EXEMPT
from kpu_settings import (
    URL_ALLOWED,
    Setting,
    text,
    url_folder,
)
from kpu_stages.model import AGENDA, STAGE
from kpu_stages.model import FIELD_HINTS as STAGE_HINTS

ANNOUNCEMENT_TYPE = "pengumuman"
REPO_ALLOWED = 'nama repositori GitHub "pemilik/nama", misalnya "kpu-temanggung/situs"'


def _repository(value):
    parts = str(value).split("/")
    return value == "" or (
        len(parts) == 2
        and all(p and p.replace("-", "").replace("_", "").replace(".", "").isalnum() for p in parts)
    )


def _string(value):
    return isinstance(value, str)


def _http_address(value):
    return isinstance(value, str) and value.startswith(("http://", "https://")) and " " not in value


def _https_or_empty(value):
    return value == "" or (
        isinstance(value, str) and value.startswith("https://") and " " not in value
    )


SCHEMA = (
    Setting("KPU_ADMIN_URL", "admin/", url_folder, f'{URL_ALLOWED}, misalnya "admin/"'),
    Setting("KPU_ADMIN_REPO", "", _repository, f'"" (belum disetel) atau {REPO_ALLOWED}'),
    Setting("KPU_ADMIN_BRANCH", "main", text, 'nama cabang utama, misalnya "main"'),
    # The OAuth route: the address of the office's OAuth helper; "" = sign in with a token.
    Setting(
        "KPU_ADMIN_OAUTH_URL",
        "",
        _https_or_empty,
        '"" (masuk dengan token) atau alamat https layanan OAuth kantor',
    ),
    # decap-server's API, tried only when the editor is opened on localhost (developers, tests).
    Setting(
        "KPU_ADMIN_LOCAL_BACKEND",
        "http://localhost:8081/api/v1",
        _http_address,
        'alamat API decap-server, misalnya "http://localhost:8081/api/v1"',
    ),
    # Where Decap's files are; "" = the kit's node_modules (npm ci installs them).
    Setting("KPU_ADMIN_BUNDLE", "", _string, '"" atau folder dist/ Decap CMS'),
)

# Pelican reads these Python-Markdown date forms (kpu_gate.dates.ACCEPTED).
DATE_TIME = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"
DATE_ONLY = r"^\d{4}-\d{2}-\d{2}$"
HTTPS = r"^https://[^\s/?#]+[^\s]*$"

# The kind of each field's value in a file: a comma list, `Lampiran` lines, or plain text.
LIST_FIELDS = ("Tags", "Divisi", "Bentuk")
ATTACHMENT_FIELDS = ("Lampiran",)


def _pattern(regex, message):
    return [regex, message]


def date_field(name, label, *, with_time, required=True, hint=""):
    """A date picker whose value is written the way Pelican and the gate read it."""
    field = {
        "label": label,
        "name": name,
        "widget": "datetime",
        "required": required,
        "date_format": "YYYY-MM-DD",
        "format": "YYYY-MM-DD HH:mm" if with_time else "YYYY-MM-DD",
        "time_format": "HH:mm" if with_time else False,
        "pattern": _pattern(
            DATE_TIME if with_time else DATE_ONLY,
            "Tulis tanggal dengan bentuk "
            + ('"2026-09-15 10:00"' if with_time else '"2026-09-15"')
            + ": pilih lewat kalender.",
        ),
    }
    if not required:
        field["default"] = ""
    if hint:
        field["hint"] = hint
    return field


def string_field(name, label, *, required=True, hint="", widget="string", pattern=None):
    """A text field (one line, or `widget="text"` for several); required unless told."""
    field = {"label": label, "name": name, "widget": widget, "required": required}
    if hint:
        field["hint"] = hint
    if pattern:
        field["pattern"] = pattern
    return field


def image_fields(public_folder):
    """The photo, its alt text (required with a photo: kpu-admin.js checks it) and caption."""
    return [
        {
            "label": "Foto utama",
            "name": "Image",
            "widget": "image",
            "required": False,
            "choose_url": False,
            "media_folder": "/content/" + public_folder,
            "public_folder": public_folder,
            "hint": "JPG atau PNG. Nama berkas dibuat huruf kecil dengan tanda hubung.",
        },
        string_field(
            "Image_alt",
            "Teks alternatif foto",
            required=False,
            hint="Wajib bila ada foto: jelaskan isi foto untuk pembaca tunanetra.",
        ),
        string_field("Image_caption", "Keterangan foto", required=False),
    ]


def attachments_field(*, required, label="Lampiran"):
    """`Lampiran:` lines: a file stored in `lampiran/` next to the item, or an https link."""
    field = {
        "label": label,
        "name": "Lampiran",
        "widget": "list",
        "required": required,
        "summary": "{{fields.label}}",
        "hint": "Dokumen PDF yang diunggah, atau tautan https ke situs resmi lain.",
        "fields": [
            {
                "label": "Berkas",
                "name": "berkas",
                "widget": "file",
                "media_folder": "lampiran",
                "public_folder": "lampiran",
                "required": True,
            },
            string_field("label", "Judul lampiran", required=True),
        ],
    }
    if required:
        field["min"] = 1
    return field


def division_field(divisions):
    """The office's divisions (KPU_OFFICE) as a multi-select of their slugs."""
    return {
        "label": "Divisi",
        "name": "Divisi",
        "widget": "select",
        "multiple": True,
        "min": 1,
        "required": True,
        "options": [{"label": d["name"], "value": d["slug"]} for d in divisions],
        "hint": "Divisi yang membawahi kegiatan ini; boleh lebih dari satu.",
    }


def news_fields(type_slug, divisions, image_folder):
    """The form of one news type: the fields the kit requires first, then the optional."""
    fields = [
        string_field("Title", "Judul", hint="Judul berita, kalimat yang jelas dan singkat."),
        date_field("Date", "Tanggal terbit", with_time=True),
        {"label": "Jenis", "name": "Category", "widget": "hidden", "default": type_slug},
        division_field(divisions),
        {
            "label": "Tag",
            "name": "Tags",
            "widget": "list",
            "required": False,
            "hint": "Kata kunci, dipisah koma, misalnya: pilkada 2024, daftar pemilih.",
        },
        string_field(
            "Summary",
            "Ringkasan",
            widget="text",
            hint="Satu atau dua kalimat; tampil di daftar berita dan saat dibagikan.",
        ),
    ]
    if type_slug == ANNOUNCEMENT_TYPE:
        fields += [
            string_field("Nomor", "Nomor pengumuman", hint="Misalnya 112/PL.02.1-Pu/3323/2024."),
            attachments_field(required=True, label="Lampiran (naskah pengumuman)"),
        ]
    if type_slug == HOAX_TYPE:
        fields += [
            string_field("Klaim", "Klaim yang beredar", widget="text"),
            {
                "label": "Putusan",
                "name": "Putusan",
                "widget": "select",
                "required": True,
                "options": [
                    {"label": label, "value": slug} for slug, (label, _) in VERDICTS.items()
                ],
            },
            string_field("Dasar", "Dasar putusan", widget="text"),
            string_field(
                "Sumber",
                "Sumber resmi",
                hint="Alamat lengkap yang diawali https://",
                pattern=_pattern(HTTPS, "Tulis alamat lengkap yang diawali https://"),
            ),
        ]
    fields += image_fields(image_folder)
    body = {"label": "Isi", "name": "body", "widget": "markdown"}
    if type_slug == INFOGRAPHIC_TYPE:
        # kpu_content requires the picture, its alt text and the body as its text version.
        for field in fields:
            if field["name"] in ("Image", "Image_alt"):
                field["required"] = True
        body["label"] = "Teks versi infografis"
        body["hint"] = (
            f"Tuliskan semua angka, langkah dan keterangan di gambar (paling sedikit "
            f"{INFOGRAPHIC_MIN_TEXT} huruf), agar terbaca oleh pembaca layar."
        )
    if type_slug != ANNOUNCEMENT_TYPE:
        fields.append(attachments_field(required=False))
    fields.append(body)
    return fields


def folder_collection(name, label, singular, folder, identifier, fields, **options):
    """A Decap folder collection of the kit's Markdown files, read in the `kpu-meta` format."""
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": f"content/{folder}",
        "format": "kpu-meta",
        "extension": "md",
        "create": True,
        "identifier_field": identifier,
        "summary": f"{{{{{identifier}}}}}",
        **options,
        "fields": fields,
    }


# Uploads in a news or PPID form (attachments) go next to the items; the photo field names
# /content/images itself.
ATTACHMENT_FOLDERS = {"media_folder": "lampiran", "public_folder": "lampiran"}


def news_collections(content_types, divisions, article_folder, image_folder):
    """One collection per news type, all in the articles folder, told apart by Category."""
    return [
        folder_collection(
            slug,
            label,
            label,
            article_folder,
            "Title",
            news_fields(slug, divisions, image_folder),
            slug="{{year}}-{{month}}-{{day}}-{{slug}}",
            sortable_fields=["Date", "Title"],
            filter={"field": "Category", "value": slug},
            **ATTACHMENT_FOLDERS,
        )
        for slug, label in content_types.items()
    ]


PPID_LABELS = {
    "Judul": "Judul informasi",
    "Ringkasan": "Ringkasan isi",
    "Penguasa_Informasi": "Pejabat/unit yang menguasai informasi",
    "Penanggung_Jawab": "Penanggung jawab",
    "Waktu_Pembuatan": "Waktu pembuatan",
    "Tempat_Pembuatan": "Tempat pembuatan",
    "Retensi": "Jangka waktu penyimpanan (retensi)",
    "Dasar_Hukum": "Dasar hukum pengecualian",
    "Uji_Konsekuensi": "Hasil uji konsekuensi",
    "Jangka_Waktu_Pengecualian": "Jangka waktu pengecualian",
}
LONG_PPID_FIELDS = ("Ringkasan", "Dasar_Hukum", "Uji_Konsekuensi")


def _ppid_text_field(name):
    pattern = None
    if name == "Retensi":
        pattern = _pattern(
            r"(\d|[Pp]ermanen)", 'Tulis jangka waktu, misalnya "5 tahun" atau "permanen".'
        )
    return string_field(
        name,
        PPID_LABELS.get(name, name.replace("_", " ")),
        widget="text" if name in LONG_PPID_FIELDS else "string",
        hint=FIELD_HINTS.get(name, "").capitalize(),
        pattern=pattern,
    )


def ppid_fields(class_slug, groups):
    """The form of one PPID class: its groups as a select, the DIP or the DIK fields."""
    exempt = class_slug == EXEMPT
    fields = [
        string_field("Judul", "Judul informasi"),
        {"label": "Klasifikasi", "name": "Klasifikasi", "widget": "hidden", "default": class_slug},
        {
            "label": "Kelompok",
            "name": "Kelompok",
            "widget": "select",
            "required": True,
            "options": [{"label": label, "value": slug} for slug, label in groups.items()],
        },
        string_field(
            "Tahun",
            "Tahun informasi",
            hint='Empat angka, misalnya "2025".',
            pattern=_pattern(r"^\d{4}$", 'Tulis empat angka, misalnya "2025".'),
        ),
        date_field("Tanggal", "Tanggal terbit di situs", with_time=False),
        date_field("Diperbarui", "Tanggal diperbarui", with_time=False, required=False),
        string_field("Nomor", "Nomor dokumen", required=False),
    ]
    for name in EXEMPT_FIELDS if exempt else DIP_FIELDS:
        if name == "Bentuk":
            fields.append(
                {
                    "label": "Bentuk informasi",
                    "name": "Bentuk",
                    "widget": "select",
                    "multiple": True,
                    "min": 1,
                    "required": True,
                    "options": list(FORMS),
                }
            )
        else:
            fields.append(_ppid_text_field(name))
    if exempt:
        # An exempt item lists only why it is withheld: no document, no body to publish.
        return fields
    fields.append(attachments_field(required=False))
    fields.append({"label": "Keterangan", "name": "body", "widget": "markdown", "required": False})
    return fields


def ppid_collections(classes, groups, ppid_folder):
    """One collection per PPID class, so each offers only its own groups and fields."""
    collections = []
    for slug, label in classes.items():
        collection = folder_collection(
            f"ppid-{slug}",
            f"PPID: {label}",
            label,
            ppid_folder,
            "Judul",
            ppid_fields(slug, groups.get(slug, {})),
            slug="{{slug}}",
            summary="{{Judul}} ({{Tahun}})",
            sortable_fields=["Tanggal", "Judul"],
            filter={"field": "Klasifikasi", "value": slug},
            **ATTACHMENT_FOLDERS,
        )
        if slug == EXEMPT:
            collection["description"] = (
                "Hanya keterangan pengecualian yang dicatat di sini; dokumennya tidak pernah "
                "diunggah atau diterbitkan."
            )
        collections.append(collection)
    return collections


def page_fields(image_folder):
    """The form of a static page."""
    return [
        string_field("Title", "Judul halaman"),
        string_field("Summary", "Ringkasan", widget="text", required=False),
        {
            "label": "Urutan di menu",
            "name": "Order",
            "widget": "number",
            "value_type": "int",
            "required": False,
        },
        *image_fields(image_folder),
        {"label": "Isi", "name": "body", "widget": "markdown"},
    ]


# A stage runs whole days ("2029-08-27") or from a time ("2029-11-27 07:00"): one text field
# takes both, where Decap's date picker would force a time on every stage.
STAGE_MOMENT = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"


STAGE_COLLECTION = "tahapan"
STAGE_ORDER_KEY = "Pemilihan"  # only a stage has this field


def stage_fields(units):
    """The form of a stage (kpu_stages): its fields in the order of the sample files."""
    moment = _pattern(
        STAGE_MOMENT, 'Tulis "2029-08-27" (sehari penuh) atau "2029-11-27 07:00" (dengan jam).'
    )
    return [
        string_field("Judul", "Nama tahapan", hint=STAGE_HINTS["Judul"]),
        string_field(
            "Pemilihan",
            "Pemilihan",
            hint=STAGE_HINTS["Pemilihan"] + "; tulis persis sama di setiap tahapannya",
        ),
        {
            "label": "Jenis",
            "name": "Jenis",
            "widget": "select",
            "required": False,
            "default": STAGE,
            "options": [
                {"label": "Tahapan pemilihan", "value": STAGE},
                {"label": "Agenda (tidak dihitung sebagai masa tahapan)", "value": AGENDA},
            ],
        },
        string_field("Mulai", "Mulai", hint=STAGE_HINTS["Mulai"], pattern=moment),
        string_field("Selesai", "Selesai", hint=STAGE_HINTS["Selesai"], pattern=moment),
        string_field("Tempat", "Tempat", required=False),
        {
            # One unit; a list of one, as `Divisi` is a list in news forms (one field model).
            "label": "Divisi",
            "name": "Divisi",
            "widget": "select",
            "multiple": True,
            "min": 1,
            "max": 1,
            "required": True,
            "options": [{"label": u["name"], "value": u["slug"]} for u in units],
            "hint": "Divisi atau sekretariat yang bertanggung jawab atas tahapan ini.",
        },
        string_field("Dasar", "Dasar hukum", hint=STAGE_HINTS["Dasar"]),
        {"label": "Keterangan", "name": "body", "widget": "markdown", "required": False},
    ]


def stage_collection(folder, units):
    """The stages folder as one collection; its files become /tahapan/ and the calendars."""
    collection = folder_collection(
        STAGE_COLLECTION,
        "Tahapan pemilihan",
        "Tahapan",
        folder,
        "Judul",
        stage_fields(units),
        slug="{{slug}}",
        sortable_fields=["Mulai", "Judul", "Pemilihan"],
    )
    collection["description"] = (
        "Satu berkas per tahapan atau agenda. Tampil di /tahapan/, di Beranda dan di kalender "
        "ponsel warga."
    )
    return collection


def page_collections(page_root, folders, image_folder):
    """One collection per folder of the page tree: "Halaman", "Halaman › Profil", ..."""
    collections, names = [], set()
    for folder in folders:
        path = f"{page_root}/{folder}" if folder else page_root
        label = "Halaman" + "".join(
            f" › {part.replace('-', ' ').title()}" for part in folder.split("/") if part
        )
        # "a-b" and "a/b" would share a name, and Decap refuses a config with two alike.
        base = "halaman" + "".join(f"-{part}" for part in folder.split("/") if part)
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}-{n}"
        names.add(name)
        collections.append(
            folder_collection(
                name, label, "Halaman", path, "Title", page_fields(image_folder), slug="{{slug}}"
            )
        )
    return collections


def backend(repo, branch, oauth_url):
    """GitHub, where the workflow's drafts are branches and its reviews pull requests."""
    config = {
        "name": "github",
        "repo": repo or "pemilik/nama-repositori",
        "branch": branch,
        # Commit and pull-request titles the office reads in its history, in Indonesian.
        "commit_messages": {
            "create": "Tambah {{collection}} “{{slug}}”",
            "update": "Ubah {{collection}} “{{slug}}”",
            "delete": "Hapus {{collection}} “{{slug}}”",
            "uploadMedia": "Unggah “{{path}}”",
            "deleteMedia": "Hapus berkas “{{path}}”",
        },
    }
    if oauth_url:
        config["base_url"] = oauth_url
    return config


def cms_config(settings, page_folders):
    """Return the whole Decap config for a site's validated settings and page tree."""
    office = settings["KPU_OFFICE"]
    image_folder = settings["STATIC_PATHS"][0] if settings.get("STATIC_PATHS") else "images"
    collections = news_collections(
        settings["KPU_CONTENT_TYPES"],
        office["divisions"],
        settings["ARTICLE_PATHS"][0],
        image_folder,
    )
    collections += ppid_collections(
        settings["PPID_CLASSES"], settings["PPID_GROUPS"], settings["PPID_PATH"]
    )
    if settings.get("KPU_STAGES_PATH"):  # kpu_stages is loaded
        collections.append(stage_collection(settings["KPU_STAGES_PATH"], units(office)))
    collections += page_collections(settings["PAGE_PATHS"][0], page_folders, image_folder)
    site_url = settings.get("SITEURL") or ""
    config = {
        "backend": backend(
            settings["KPU_ADMIN_REPO"],
            settings["KPU_ADMIN_BRANCH"],
            settings["KPU_ADMIN_OAUTH_URL"],
        ),
        # Only on localhost, and only when decap-server answers: the local git repository.
        "local_backend": {"url": settings["KPU_ADMIN_LOCAL_BACKEND"]},
        "logo_url": f"{site_url}/{settings.get('THEME_STATIC_DIR', 'theme')}/img/lambang.svg",
        "publish_mode": "editorial_workflow",
        "locale": "id",
        "media_folder": f"content/{image_folder}",
        "public_folder": image_folder,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def field_model(config):
    """Return {fields, orders}: how the format reads each field, and each form's field order.

    A new file's header follows the order of the form it was written with, keyed by the
    field that tells the forms apart ("Category=berita", "Klasifikasi=berkala", "Pemilihan"
    for stages, "" for pages; kpu-format.js orderKey() mirrors this).
    """
    kinds, order = {}, []
    for collection in config["collections"]:
        for field in collection["fields"]:
            name = field["name"]
            if name == "body":
                continue
            if name not in order:
                order.append(name)
            if name in ATTACHMENT_FIELDS:
                kinds[name] = "attachments"
            elif name in LIST_FIELDS or field.get("multiple") or field.get("widget") == "list":
                kinds[name] = "list"
            else:
                kinds.setdefault(name, "text")
    orders = {}
    for collection in config["collections"]:
        flt = collection.get("filter")
        key = f"{flt['field']}={flt['value']}" if flt else ""
        if collection["name"] == STAGE_COLLECTION:
            key = STAGE_ORDER_KEY
        orders.setdefault(key, [f["name"] for f in collection["fields"] if f["name"] != "body"])
    return {"fields": [{"name": n, "kind": kinds[n]} for n in order], "orders": orders}


def page_tree(folders_with_pages):
    """Return the page folders (relative, "" for the root) sorted, parents before children."""
    return sorted(set(folders_with_pages) | {""}, key=lambda f: (f.count("/") if f else -1, f))
