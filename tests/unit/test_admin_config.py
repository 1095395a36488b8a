"""The editor's config is made from the site's content model, and /admin/ stays private."""

import copy
import gzip
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from kpu_admin import model as admin_model
from kpu_admin.handlers import page_folders
from kpu_admin.model import DATE_ONLY, cms_config, field_model
from kpu_content import model as content_model
from kpu_content.types import VERDICTS
from kpu_gate.dates import ACCEPTED
from kpu_office.handlers import apply_office_settings
from kpu_ppid import settings as ppid_settings
from kpu_ppid.model import DIP_FIELDS, EXEMPT_FIELDS
from kpu_settings import apply_schema
from kpu_stages import settings as stages_settings
from tests.conftest import ROOT, build, make_settings

CONTENT = ROOT / "content"


def validated(**overrides):
    """The kit's settings after the schemas ran, as Pelican's `initialized` leaves them."""
    overrides.setdefault("PATH", str(CONTENT))
    settings = make_settings(**overrides)
    apply_office_settings(SimpleNamespace(settings=settings))
    apply_schema(settings, content_model.SCHEMA, "kpu_content")
    apply_schema(settings, ppid_settings.SCHEMA, "kpu_ppid")
    apply_schema(settings, admin_model.SCHEMA, "kpu_admin")
    apply_schema(settings, stages_settings.SCHEMA, "kpu_stages")
    return settings


def config_for(settings):
    return cms_config(settings, page_folders(settings["PATH"], settings["PAGE_PATHS"][0]))


@pytest.fixture(scope="module")
def settings():
    return validated()


@pytest.fixture(scope="module")
def config(settings):
    return config_for(settings)


def collections(config):
    return {c["name"]: c for c in config["collections"]}


def fields(collection):
    return {f["name"]: f for f in collection["fields"]}


def options(field):
    return [o["value"] if isinstance(o, dict) else o for o in field["options"]]


def news(config, settings):
    return [collections(config)[slug] for slug in settings["KPU_CONTENT_TYPES"]]


def test_one_news_collection_per_content_type_filtered_by_category(config, settings):
    types = list(settings["KPU_CONTENT_TYPES"])
    assert len(types) >= 5
    found = [c for c in config["collections"] if c["folder"] == "content/berita"]
    assert [c["name"] for c in found] == types
    for collection in found:
        assert collection["filter"] == {"field": "Category", "value": collection["name"]}
        category = fields(collection)["Category"]
        assert category["widget"] == "hidden"
        assert category["default"] == collection["name"]
        assert collection["format"] == "kpu-meta"
        assert collection["extension"] == "md"
        assert list(fields(collection))[-1] == "body"


def test_divisi_offers_the_office_divisions(config, settings):
    slugs = [d["slug"] for d in settings["KPU_OFFICE"]["divisions"]]
    assert len(slugs) == 5
    for collection in news(config, settings):
        divisi = fields(collection)["Divisi"]
        assert divisi["widget"] == "select"
        assert divisi["multiple"] is True
        assert divisi["required"] is True
        assert options(divisi) == slugs


def test_an_announcement_requires_a_number_and_an_attachment(config):
    form = fields(collections(config)["pengumuman"])
    assert form["Nomor"]["required"] is True
    assert form["Lampiran"]["required"] is True
    assert form["Lampiran"]["min"] == 1
    assert [f["name"] for f in form["Lampiran"]["fields"]] == ["berkas", "label"]
    other = fields(collections(config)["berita"])
    assert "Nomor" not in other
    assert other["Lampiran"]["required"] is False
    assert "min" not in other["Lampiran"]


def test_a_hoax_clarification_has_its_verdict_fields(config):
    form = fields(collections(config)["klarifikasi-hoaks"])
    for name in ("Klaim", "Putusan", "Dasar", "Sumber"):
        assert form[name]["required"] is True, name
    assert options(form["Putusan"]) == list(VERDICTS)
    regex = re.compile(form["Sumber"]["pattern"][0])
    assert regex.search("https://kpu.go.id/berita/1")
    for bad in ("http://kpu.go.id", "kpu.go.id", "https://", "https:// kpu.go.id", "ftp://x"):
        assert not regex.search(bad), bad
    for name in ("Klaim", "Putusan", "Dasar", "Sumber"):
        assert name not in fields(collections(config)["berita"])


def test_one_ppid_collection_per_class_with_its_own_groups(config, settings):
    classes = settings["PPID_CLASSES"]
    found = [c for c in config["collections"] if c["name"].startswith("ppid-")]
    assert [c["name"] for c in found] == [f"ppid-{slug}" for slug in classes]
    for collection in found:
        slug = collection["name"].removeprefix("ppid-")
        assert collection["folder"] == "content/" + settings["PPID_PATH"]
        assert collection["filter"] == {"field": "Klasifikasi", "value": slug}
        form = fields(collection)
        assert form["Klasifikasi"] == {
            "label": "Klasifikasi",
            "name": "Klasifikasi",
            "widget": "hidden",
            "default": slug,
        }
        assert options(form["Kelompok"]) == list(settings["PPID_GROUPS"][slug])


def test_an_exempt_item_has_no_attachment_and_no_body(config):
    form = fields(collections(config)["ppid-dikecualikan"])
    assert "Lampiran" not in form
    assert "body" not in form
    for name in ("Dasar_Hukum", "Uji_Konsekuensi", "Jangka_Waktu_Pengecualian"):
        assert form[name]["required"] is True, name
    for name in DIP_FIELDS:
        assert name not in form, name


def test_a_public_item_has_every_dip_field_required(config, settings):
    for slug in settings["PPID_CLASSES"]:
        if slug == ppid_settings.EXEMPT:
            continue
        form = fields(collections(config)[f"ppid-{slug}"])
        for name in DIP_FIELDS:
            assert form[name]["required"] is True, (slug, name)
        for name in EXEMPT_FIELDS:
            assert name not in form, (slug, name)
        assert "Lampiran" in form
        assert "body" in form


def test_page_collections_follow_the_page_folders(config):
    pages = CONTENT / "pages"
    holding = sorted(
        {
            Path(folder).relative_to(pages).as_posix()
            for folder, _dirs, files in os.walk(pages)
            if any(name.endswith(".md") for name in files)
        }
    )
    assert holding == [".", "ppid", "profil"]
    found = {c["folder"]: c for c in config["collections"] if c["name"].startswith("halaman")}
    expected = {"content/pages" if f == "." else f"content/pages/{f}" for f in holding}
    assert set(found) == expected
    assert found["content/pages/profil"]["name"] == "halaman-profil"
    assert found["content/pages"]["name"] == "halaman"


def test_a_new_page_folder_gets_its_collection(tmp_path):
    pages = tmp_path / "pages"
    (pages / "layanan" / "jdih").mkdir(parents=True)
    (pages / "kosong").mkdir()
    (pages / "a.md").write_text("Title: A\n\nIsi.\n", "utf-8")
    (pages / "layanan" / "jdih" / "b.md").write_text("Title: B\n\nIsi.\n", "utf-8")
    (pages / "kosong" / "c.txt").write_text("x", "utf-8")
    config = config_for(validated(PATH=str(tmp_path)))
    names = [c["name"] for c in config["collections"] if c["name"].startswith("halaman")]
    assert names == ["halaman", "halaman-layanan-jdih"]


def test_page_folders_that_would_share_a_name_get_distinct_collections(tmp_path):
    pages = tmp_path / "pages"
    for folder in ("layanan-jdih", "layanan/jdih"):
        (pages / folder).mkdir(parents=True)
        (pages / folder / "a.md").write_text("Title: A\n\nIsi.\n", "utf-8")
    config = config_for(validated(PATH=str(tmp_path)))
    names = [c["name"] for c in config["collections"]]
    assert len(names) == len(set(names))
    folders = [c["folder"] for c in config["collections"] if c["name"].startswith("halaman")]
    assert folders == ["content/pages", "content/pages/layanan-jdih", "content/pages/layanan/jdih"]


DATE_SAMPLES = [
    "2026-09-15",
    "2026-09-15 10:00",
    "2026-09-15 9:00",
    "15-09-2026",
    "2026/09/15",
    "2026-09-15T10:00",
    "2026-9-15",
    "15 September 2026",
    " 2026-09-15",
    "2026-09-15 10:00:00",
]


def date_fields(config):
    for collection in config["collections"]:
        for field in collection["fields"]:
            if field["widget"] == "datetime":
                yield collection["name"], field


def test_date_patterns_accept_what_the_gate_accepts(config):
    seen = list(date_fields(config))
    assert {name for _c, f in seen for name in [f["name"]]} == {"Date", "Tanggal", "Diperbarui"}
    for collection, field in seen:
        regex = re.compile(field["pattern"][0])
        with_time = field["time_format"] is not False
        for sample in DATE_SAMPLES:
            gate = ACCEPTED.fullmatch(sample)
            wanted = bool(gate) and (with_time or gate.group(4) is None)
            assert bool(regex.search(sample)) is wanted, (collection, field["name"], sample)
        assert regex.search("2026-09-15")
        assert not regex.search("15-09-2026")
        assert field["format"] == ("YYYY-MM-DD HH:mm" if with_time else "YYYY-MM-DD")
    assert DATE_ONLY == next(f for _c, f in seen if f["name"] == "Tanggal")["pattern"][0]


def test_images_go_to_content_images(config):
    assert config["media_folder"] == "content/images"
    assert config["public_folder"] == "images"
    images = [f for c in config["collections"] for f in c["fields"] if f["name"] == "Image"]
    assert len(images) == len([c for c in config["collections"] if "Title" in fields(c)])
    assert {f["media_folder"] for f in images} == {"/content/images"}
    assert {f["public_folder"] for f in images} == {"images"}


def test_publishing_goes_through_review_on_github(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github"
    assert config["backend"]["branch"] == "main"


SECRET = re.compile(r"secret|token|password|ghp_|github_pat_|client_id", re.IGNORECASE)


def test_no_secret_in_the_config(settings):
    office = validated(
        KPU_ADMIN_REPO="kpu-temanggung/situs",
        KPU_ADMIN_OAUTH_URL="https://oauth.kab-temanggung.kpu.go.id",
    )
    for config in (config_for(settings), config_for(office)):
        text = json.dumps(config, ensure_ascii=False)
        assert not SECRET.search(text), SECRET.search(text)
    backend = dict(config_for(office)["backend"])
    assert set(backend.pop("commit_messages")) == {
        "create",
        "update",
        "delete",
        "uploadMedia",
        "deleteMedia",
    }
    assert backend == {
        "name": "github",
        "repo": "kpu-temanggung/situs",
        "branch": "main",
        "base_url": "https://oauth.kab-temanggung.kpu.go.id",
    }


def test_the_field_model_knows_every_field_of_the_forms(config):
    model = field_model(config)
    names = {f["name"] for c in config["collections"] for f in c["fields"]} - {"body"}
    assert {n for order in model["orders"].values() for n in order} == names
    kinds = {f["name"]: f["kind"] for f in model["fields"]}
    assert {n for n, k in kinds.items() if k == "list"} == {"Tags", "Divisi", "Bentuk"}
    assert {n for n, k in kinds.items() if k == "attachments"} == {"Lampiran"}
    assert model["orders"]["Category=berita"][:3] == ["Title", "Date", "Category"]
    assert model["orders"]["Klasifikasi=berkala"][:3] == ["Judul", "Klasifikasi", "Kelompok"]
    assert "Lampiran" not in model["orders"]["Klasifikasi=dikecualikan"]


def test_another_office_gets_another_config(settings):
    office = copy.deepcopy(settings["KPU_OFFICE"])
    office["divisions"] = office["divisions"][:3]
    types = {k: v for k, v in settings["KPU_CONTENT_TYPES"].items() if k != "opini"}
    groups = copy.deepcopy(settings["PPID_GROUPS"])
    groups["berkala"]["jdih"] = "Produk Hukum (JDIH)"
    other = validated(KPU_OFFICE=office, KPU_CONTENT_TYPES=types, PPID_GROUPS=groups)
    config = config_for(other)
    names = [c["name"] for c in config["collections"]]
    assert "opini" not in names
    assert "opini" in collections(config_for(settings))
    assert [c["name"] for c in config["collections"] if c["folder"] == "content/berita"] == list(
        types
    )
    slugs = [d["slug"] for d in office["divisions"]]
    assert len(slugs) == 3
    for collection in news(config, other):
        assert options(fields(collection)["Divisi"]) == slugs
    kelompok = fields(collections(config)["ppid-berkala"])["Kelompok"]
    assert options(kelompok)[-1] == "jdih"
    assert {"label": "Produk Hukum (JDIH)", "value": "jdih"} in kelompok["options"]
    assert options(kelompok) == list(groups["berkala"])
    assert "jdih" not in options(
        fields(collections(config_for(settings))["ppid-berkala"])["Kelompok"]
    )


# The built /admin/ of the sample site.


def test_the_build_writes_the_config_of_its_settings(built_site, config):
    written = json.loads((built_site / "admin" / "config.yml").read_text("utf-8"))
    assert written == config
    model = json.loads((built_site / "admin" / "kpu-model.json").read_text("utf-8"))
    assert {k: model[k] for k in ("fields", "orders")} == field_model(config)
    assert (built_site / "admin" / "decap-cms.js").is_file()
    assert (built_site / "admin" / "kpu-format.js").is_file()


def test_the_admin_page_is_noindex_with_same_site_scripts_only(built_site):
    page = BeautifulSoup((built_site / "admin" / "index.html").read_text("utf-8"), "html.parser")
    robots = page.find_all("meta", attrs={"name": "robots"})
    assert [m["content"] for m in robots] == ["noindex"]
    scripts = page.find_all("script")
    assert len(scripts) >= 4
    for script in scripts:
        src = script.get("src", "")
        assert src.startswith("/admin/"), src
        assert script.string is None or script.string.strip() == ""
        assert (built_site / src.lstrip("/")).is_file(), src
    assert [s["src"].rsplit("/", 1)[1] for s in scripts][-3:] == [
        "locale-id.js",
        "kpu-format.js",
        "kpu-admin.js",
    ]
    assert page.find(attrs={"onload": True}) is None
    assert page.find(attrs={"onclick": True}) is None


def test_the_published_admin_page_loads_scripts_from_the_site_only(published_site):
    page = BeautifulSoup(
        (published_site / "admin" / "index.html").read_text("utf-8"), "html.parser"
    )
    site = "https://kab-temanggung.kpu.go.id/admin/"
    scripts = page.find_all("script")
    assert scripts
    assert [s["src"] for s in scripts if not s["src"].startswith(site)] == []
    assert [s for s in scripts if (s.string or "").strip()] == []
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_no_credential_in_the_admin_files(published_site):
    for name in ("config.yml", "kpu-model.json", "index.html"):
        text = (published_site / "admin" / name).read_text("utf-8")
        for needle in ("ghp_", "github_pat_", "gho_", "client_secret", "access_token"):
            assert needle not in text, (name, needle)


def test_admin_is_not_in_the_sitemap(published_site):
    sitemaps = sorted(published_site.glob("sitemap*.xml"))
    assert sitemaps
    text = "".join(p.read_text("utf-8") for p in sitemaps)
    assert "<loc>" in text and "/profil/" in text
    assert "/admin" not in text


def test_admin_is_not_in_the_feeds(published_site):
    feeds = sorted((published_site / "feeds").rglob("*.xml"))
    assert len(feeds) >= 3
    for feed in feeds:
        assert "/admin" not in feed.read_text("utf-8"), feed


def pagefind_texts(site):
    """Every Pagefind file of a site, unpacked (gzip) to text where it is gzip."""
    texts = {}
    for path in sorted((site / "pagefind").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        texts[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return texts


def test_admin_is_not_in_the_search_index(published_site):
    texts = pagefind_texts(published_site)
    fragments = {k: v for k, v in texts.items() if k.endswith(".pf_fragment")}
    assert len(fragments) >= 20
    urls = []
    for text in fragments.values():
        start = text.index("{")
        urls.append(json.loads(text[start:])["url"])
    assert any("/profil/" in url for url in urls)
    assert not [url for url in urls if "/admin" in url]
    for name, text in texts.items():
        assert "/admin/" not in text, name
        assert "Editor situs" not in text, name


def test_a_publish_build_without_decap_stops_and_says_to_run_npm_ci(tmp_path):
    from kpu_admin.handlers import EditorNotInstalled

    empty = tmp_path / "tidak-ada-decap"
    empty.mkdir()
    with pytest.raises(EditorNotInstalled) as error:
        build(tmp_path / "out", KPU_ADMIN_BUNDLE=str(empty), KPU_STRICT=True)
    assert '"npm ci"' in str(error.value) and "/admin/" in str(error.value)


def test_a_dev_build_without_decap_still_builds_and_the_editor_page_says_why(tmp_path):
    empty = tmp_path / "tidak-ada-decap"
    empty.mkdir()
    site = build(tmp_path / "out", KPU_ADMIN_BUNDLE=str(empty))
    model = json.loads((site / "admin" / "kpu-model.json").read_text("utf-8"))
    assert model["installed"] is False
    assert not (site / "admin" / "decap-cms.js").exists()
    assert (site / "index.html").exists()


def test_the_stages_form_offers_the_units_both_kinds_and_dates_with_or_without_time(config):
    stages = collections(config)["tahapan"]
    assert stages["folder"] == "content/tahapan" and stages["format"] == "kpu-meta"
    form = fields(stages)
    assert list(form) == [
        "Judul",
        "Pemilihan",
        "Jenis",
        "Mulai",
        "Selesai",
        "Tempat",
        "Divisi",
        "Dasar",
        "body",
    ]
    office = validated()["KPU_OFFICE"]
    slugs = [d["slug"] for d in office["divisions"]] + [office["secretariat"]["slug"]]
    assert [o["value"] for o in form["Divisi"]["options"]] == slugs
    assert (form["Divisi"]["min"], form["Divisi"]["max"]) == (1, 1)  # one unit per stage
    orders = field_model(config)["orders"]
    assert orders["Pemilihan"][:2] == ["Judul", "Pemilihan"]
    assert orders[""][0] == "Title"  # pages keep their own order
    assert [o["value"] for o in form["Jenis"]["options"]] == ["tahapan", "agenda"]
    moment = re.compile(form["Mulai"]["pattern"][0])
    for accepted in ("2029-08-27", "2029-11-27 07:00"):
        assert moment.match(accepted) and ACCEPTED.fullmatch(accepted)
    for refused in ("27-08-2029", "2029-08-27T07:00", "2029-08-27 7.00"):
        assert not moment.match(refused)
    required = {name for name, field in form.items() if field.get("required", True)}
    assert required == {"Judul", "Pemilihan", "Mulai", "Selesai", "Divisi", "Dasar"}
