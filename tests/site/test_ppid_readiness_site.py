"""The PPID readiness page on built sites: each line follows what the site really shows."""

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, build, make_settings, soup

URL = "ppid/kesiapan"
KINERJA = "ppid/laporan-kinerja-2025.md"  # the sample's only Ringkasan Kinerja item
TODAY = "2026-06-01"  # injected: the kinerja item (February 2026) is then current


def lines(out):
    """Return {what is looked for: status} from the report's JSON."""
    report = json.loads((out / URL / "kesiapan.json").read_text(encoding="utf-8"))
    return {line["yang_dicari"]: line["status"] for s in report["bagian"] for line in s["baris"]}


def page_status(out, label):
    """Return the status a citizen reads on the page for a line."""
    for line in soup(out / URL / "index.html").select(".kpu-readiness__line"):
        if line.select_one(".kpu-readiness__label").get_text(strip=True).startswith(label):
            return line.select_one(".kpu-readiness__status").get_text(strip=True)
    raise AssertionError(label)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return build(tmp_path_factory.mktemp("kesiapan"), KPU_READINESS_TODAY=TODAY)


def test_the_sample_page_scores_and_is_kept_out_of_search_engines(baseline):
    page = soup(baseline / URL / "index.html")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    heading = page.select_one("#skor").get_text(" ", strip=True)
    report = json.loads((baseline / URL / "kesiapan.json").read_text(encoding="utf-8"))
    assert str(report["skor"]).replace(".", ",") in heading and report["predikat"] in heading
    assert lines(baseline)["Informasi berkala: Ringkasan Kinerja"] == "ada"
    assert lines(baseline)["DIP dapat dibuka dengan satu klik dari beranda"] == "ada"
    assert page_status(baseline, "Informasi berkala: Ringkasan Kinerja") == "Ada"


def test_removing_the_last_item_of_a_kelompok_makes_it_missing(content_copy, tmp_path):
    (content_copy / KINERJA).unlink()
    out = build(tmp_path / "out", PATH=str(content_copy), KPU_READINESS_TODAY=TODAY)
    assert lines(out)["Informasi berkala: Ringkasan Kinerja"] == "kurang"
    assert page_status(out, "Informasi berkala: Ringkasan Kinerja") == "Kurang"


def test_back_dating_an_item_past_its_freshness_makes_it_stale(content_copy, tmp_path):
    source = content_copy / KINERJA
    text = source.read_text(encoding="utf-8")
    dated = [line for line in text.splitlines() if line.startswith("Tanggal:")][0]
    source.write_text(text.replace(dated, "Tanggal: 2025-02-27"), encoding="utf-8")
    out = build(tmp_path / "out", PATH=str(content_copy), KPU_READINESS_TODAY=TODAY)
    assert lines(out)["Informasi berkala: Ringkasan Kinerja"] == "kedaluwarsa"
    report = json.loads((out / URL / "kesiapan.json").read_text(encoding="utf-8"))
    fixes = [line["perbaikan"] for s in report["bagian"] for line in s["baris"]]
    assert any(KINERJA in fix for fix in fixes)


def test_unlinking_the_dip_from_the_home_page_is_reported(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    home = theme / "templates" / "index.html"
    text = home.read_text(encoding="utf-8")
    link = '<li><a href="{{ SITEURL }}/{{ PPID_DIP_URL }}">Daftar Informasi Publik</a></li>'
    assert link in text
    home.write_text(text.replace(link, ""), encoding="utf-8")
    # The footer of every page links the DIP too: take it out there as well.
    footer = [
        link
        for link in make_settings()["KPU_FOOTER_LINKS"]
        if "daftar-informasi" not in link["url"]
    ]
    out = build(
        tmp_path / "out", THEME=str(theme), KPU_FOOTER_LINKS=footer, KPU_READINESS_TODAY=TODAY
    )
    assert lines(out)["DIP dapat dibuka dengan satu klik dari beranda"] == "kurang"
    assert lines(out)["DIK dapat dibuka dengan satu klik dari beranda"] == "ada"


def test_a_publish_build_with_gaps_still_publishes_the_page(published_site):
    report = json.loads((published_site / URL / "kesiapan.json").read_text(encoding="utf-8"))
    assert any(line["status"] != "ada" for s in report["bagian"] for line in s["baris"])
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/ppid/kesiapan/" not in sitemap


def test_invoke_ppid_siap_prints_the_lines_and_ketat_fails_on_gaps(project):
    plain = subprocess.run(
        [sys.executable, "-m", "invoke", "ppid-siap"], cwd=project, capture_output=True, text=True
    )
    assert plain.returncode == 0, plain.stderr
    assert "[kurang]" in plain.stdout and "Perbaikan:" in plain.stdout
    strict = subprocess.run(
        [sys.executable, "-m", "invoke", "ppid-siap", "--ketat"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert strict.returncode == 1
    assert "hal wajib belum lengkap" in strict.stdout + strict.stderr
