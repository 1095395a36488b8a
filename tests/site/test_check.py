"""`invoke check` and strict publish builds: every mistake as `path:line: pesan`, together."""

import datetime
import re
import subprocess
import sys

import pytest
from pelican import Pelican

from kpu_messages import AdminFacingError
from tests.conftest import PUBLISH_CONF, ROOT, make_settings, soup, write_content

HEADER = "Title: {title}\nDate: {date}\nCategory: berita\nDivisi: sekretariat\nTags: uji\n"


def news(title="Uji", date="2024-01-02 10:00", extra="", body="Isi berita."):
    return HEADER.format(title=title, date=date) + extra + "\n" + body + "\n"


# The pages the main menu links to; without them a publish build has dead links.
BASE_PAGES = {
    "pages/profil.md": "Title: Profil\n\nTentang kantor.\n",
    "pages/kontak.md": "Title: Kontak\nTemplate: kontak\n\nHubungi kami.\n",
    "pages/ppid.md": "Title: PPID\nTemplate: ppid\n\nLayanan informasi.\n",
}


def _publish(tmp_path, files, conf=PUBLISH_CONF, **overrides):
    content = write_content(tmp_path / "content", {**BASE_PAGES, **files})
    (content / "images").mkdir(exist_ok=True)
    settings = make_settings(
        conf,
        PATH=str(content),
        OUTPUT_PATH=str(tmp_path / "out"),
        CACHE_PATH=str(tmp_path / "cache"),
        **overrides,
    )
    Pelican(settings).run()
    return tmp_path / "out"


def _problems(tmp_path, files):
    with pytest.raises(AdminFacingError) as error:
        _publish(tmp_path, files)
    return str(error.value).splitlines()[1:]


CASES = [
    (
        "medan-salah-eja",
        news(extra="Divsi: sekretariat\n"),
        [
            'content/berita/medan-salah-eja.md:6: kolom "Divsi" tidak dikenal. '
            'Mungkin maksud Anda "Divisi"?'
        ],
    ),
    (
        "tahun-lama",
        news(date="1899-05-01 10:00"),
        [
            'content/berita/tahun-lama.md:2: kolom "Date": tahun 1899 terlalu lama; '
            "periksa kembali tanggalnya."
        ],
    ),
    (
        "tahun-jauh",
        news(date="2062-05-01 10:00"),
        [
            'content/berita/tahun-jauh.md:2: kolom "Date": 2062-05-01 lebih dari setahun ke depan. '
            "Periksa tahunnya; tulisan bertanggal di masa depan baru terbit pada tanggal itu."
        ],
    ),
    (
        "tautan-filename",
        news(body="Lihat [profil]({filename}/pages/tidak-ada.md)."),
        [
            'content/berita/tautan-filename.md:7: tautan "{filename}/pages/tidak-ada.md" tidak '
            "ditemukan. Periksa nama dan letak berkasnya."
        ],
    ),
    (
        "skrip",
        news(body='Teks.\n\n<script>alert("x")</script>'),
        [
            'content/berita/skrip.md:9: HTML "<script>" tidak diizinkan di konten. '
            "Hapus tag itu; tulis dengan Markdown."
        ],
    ),
    (
        "atribut-on",
        news(body='<p onmouseover="curi()">Teks</p>'),
        [
            'content/berita/atribut-on.md:7: atribut "onmouseover" (skrip) tidak diizinkan di '
            'konten: "<p onmouseover="curi()">". Hapus atribut itu.'
        ],
    ),
    (
        "javascript",
        news(body='<a href="javascript:curi()">klik</a>'),
        [
            'content/berita/javascript.md:7: alamat "javascript:curi()" tidak diizinkan: alamat '
            '"javascript:" bisa menjalankan skrip. Pakai tautan https://, mailto: atau tel: biasa.'
        ],
    ),
    (
        "iframe-lain",
        news(body='<iframe src="https://peta.example.com/embed"></iframe>'),
        [
            'content/berita/iframe-lain.md:7: "<iframe" dari "https://peta.example.com/embed" '
            "tidak diizinkan; hanya video YouTube (youtube.com/embed/…, youtube-nocookie.com/"
            "embed/… atau youtu.be/…) yang boleh disematkan."
        ],
    ),
    (
        "tanpa-jenis",
        HEADER.format(title="Uji", date="2024-01-02 10:00").replace("Category: berita\n", "")
        + "\nIsi.\n",
        [
            'content/berita/tanpa-jenis.md:1: kolom "Category" (jenis konten) wajib diisi. '
            "Pilihan: berita, features, opini, pengumuman, klarifikasi-hoaks, infografis."
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_at_its_line(tmp_path, name, text, expected):
    assert _problems(tmp_path, {f"berita/{name}.md": text}) == expected


def test_a_dead_relative_link_is_found_in_the_output_and_traced_to_its_line(tmp_path):
    text = news(body="Teks.\n\nLihat [kontak](../../../kontak-lama/) dan [atas](#tidak-ada).")
    where = "content/berita/tautan.md:9:"
    assert _problems(tmp_path, {"berita/tautan.md": text}) == [
        f'{where} tautan "#tidak-ada" menuju bagian "#tidak-ada" yang tidak ada.',
        f'{where} tautan "../../../kontak-lama/" menuju halaman yang tidak ada.',
    ]


def test_two_items_with_one_address_are_both_named_at_their_slug_field(tmp_path):
    problems = _problems(
        tmp_path,
        {"berita/a.md": news(extra="Slug: sama\n"), "berita/b.md": news(extra="Slug: sama\n")},
    )
    assert problems == [
        'content/berita/a.md:6: alamat "/berita/2024/sama/" juga dipakai oleh berita/b.md. '
        "Ganti nama salah satu berkas.",
        'content/berita/b.md:6: alamat "/berita/2024/sama/" juga dipakai oleh berita/a.md. '
        "Ganti nama salah satu berkas.",
    ]


def test_all_mistakes_of_a_tree_are_reported_together(tmp_path):
    files = {f"berita/{name}.md": text for name, text, _expected in CASES}
    problems = _problems(tmp_path, files)
    assert problems == sorted(line for _n, _t, expected in CASES for line in expected)


def test_youtube_embeds_become_facades_titled_after_the_item(tmp_path):
    body = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    out = _publish(tmp_path, {"berita/video.md": news(body=body)})
    page = soup(out / "berita" / "2024" / "video" / "index.html")
    assert page.find("iframe") is None  # the player loads only when the reader presses play
    play = page.select_one("figure.kpu-video a.kpu-video__play")
    assert play["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert play["data-kpu-video"] == "dQw4w9WgXcQ"
    title = page.select_one("h1").get_text(strip=True)
    assert play["aria-label"] == f"Putar video: {title}"


def test_drafts_and_future_items_stay_out_and_a_due_item_is_in(tmp_path):
    zone = datetime.timezone(datetime.timedelta(hours=7))
    now = datetime.datetime.now(zone)
    due = (now - datetime.timedelta(minutes=2)).strftime("%Y-%m-%d %H:%M")
    later = (now + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    files = {
        "berita/draf.md": news(title="Draf", extra="Status: draft\n"),
        "berita/terjadwal.md": news(title="Terjadwal", date=later),
        "berita/jatuh-tempo.md": news(title="Jatuh tempo", date=due),
    }
    out = _publish(tmp_path, files)
    pages = {p.parent.name for p in (out / "berita").glob("*/*/index.html")}
    assert "jatuh-tempo" in pages and "draf" not in pages and "terjadwal" not in pages
    assert not (out / "draf").exists()
    feed = (out / "feeds" / "semua.atom.xml").read_text(encoding="utf-8")
    assert "jatuh-tempo" in feed and "terjadwal" not in feed and "/draf" not in feed
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "jatuh-tempo" in sitemap and "terjadwal" not in sitemap


def test_preview_shows_drafts_with_a_banner(tmp_path):
    files = {"berita/draf.md": news(title="Draf rapat", extra="Status: draft\n")}
    out = _publish(tmp_path, files, DRAFT_SAVE_AS="draf/{slug}/index.html", KPU_OUTPUT_CHECK=False)
    banner = soup(out / "draf" / "draf" / "index.html").find(class_="kpu-draft-banner")
    assert banner is not None and "DRAF" in banner.get_text()


def _check(project):
    return subprocess.run(
        [sys.executable, "-m", "invoke", "check"], cwd=project, capture_output=True, text=True
    )


def test_invoke_check_passes_on_the_sample(project):
    result = _check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tidak ada masalah" in result.stdout
    assert not (project / "output").exists(), "check must not publish"


def test_invoke_check_prints_one_line_per_problem_and_fails(project):
    for name, text, _expected in CASES[:3]:
        (project / "content" / "berita" / f"{name}.md").write_text(text, encoding="utf-8")
    result = _check(project)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert lines == sorted(line for _n, _t, expected in CASES[:3] for line in expected)


def test_the_sites_workflow_is_a_valid_github_workflow():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
        + [str(w) for w in workflows],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = "\n".join(w.read_text(encoding="utf-8") for w in workflows)
    for needle in ("pull_request", "schedule", "invoke check", "invoke test", "invoke gh-pages"):
        assert needle in text


def test_the_job_that_runs_invoke_test_installs_what_it_needs():
    """`invoke test` runs `npm ci` and the HTML checker needs Java: the job must install both."""
    jobs = []
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        jobs += re.split(r"\n  (?=\S)", text.split("\njobs:\n", 1)[1])
    testing = [job for job in jobs if "run: invoke test" in job]
    assert testing
    for job in testing:
        assert "default-jre-headless" in job and " npm" in job and "chromium" in job


def test_the_pull_request_job_writes_the_check_summary_against_the_whole_history():
    """The summary compares the branch with its base, so the checkout must hold both."""
    from ruamel.yaml import YAML

    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "situs.yml").read_text())
    job = workflow["jobs"]["periksa"]
    assert "pull_request" in job["if"]
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in job["steps"]]
    assert "invoke check --ringkasan" in runs
    assert not any("invoke test" in run for run in runs)


def test_a_missing_menu_page_is_reported_once_for_the_whole_site(tmp_path):
    files = {"berita/a.md": news()}
    content = write_content(tmp_path / "content", {**BASE_PAGES, **files})
    (content / "pages" / "kontak.md").unlink()
    (content / "images").mkdir()
    settings = make_settings(
        PUBLISH_CONF,
        PATH=str(content),
        OUTPUT_PATH=str(tmp_path / "out"),
        CACHE_PATH=str(tmp_path / "cache"),
    )
    with pytest.raises(AdminFacingError) as error:
        Pelican(settings).run()
    lines = [line for line in str(error.value).splitlines() if "/kontak/" in line]
    assert len(lines) == 1 and "halaman lain)" in lines[0]
