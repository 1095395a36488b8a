"""The national DIK adopted by the sample site: on the DIK page and its open data, not the DIP."""

import csv
import io
import json
from pathlib import Path

import pytest

from kpu_messages import AdminFacingError
from kpu_national_dik.model import LABEL, adopted, decree_text, read_entries
from tests.conftest import build, make_settings, soup

DIK = Path("ppid/informasi-dikecualikan")
DIP = Path("ppid/daftar-informasi-publik")


@pytest.fixture(scope="module")
def national():
    """The sample's adoption, and the national entries it keeps and leaves out."""
    adoption = make_settings()["KPU_NATIONAL_DIK"]
    entries, problems = read_entries()
    assert problems == [] and adoption["kecuali"]
    kept = adopted(entries, adoption)
    left_out = [entry for entry in entries if entry not in kept]
    return adoption, kept, left_out


def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_dik_rows_say_which_come_from_the_national_list(built_site, national):
    adoption, kept, left_out = national
    page = soup(built_site / DIK / "index.html")
    rows = {row["id"]: row for row in page.select("table.kpu-dip-table tbody tr")}
    marked = {
        slug
        for slug, row in rows.items()
        if row.select_one(".kpu-dip-table__source")
        and row.select_one(".kpu-dip-table__source").get_text(strip=True) == f"Sumber: {LABEL}"
    }
    assert marked == {entry.id for entry in kept}
    # The office's own items stay, unmarked; the rows it left out are not shown.
    assert set(rows) - marked == {"dokumen-kependudukan-pemilih", "nota-dinas-rancangan-keputusan"}
    assert not {entry.id for entry in left_out} & set(rows)
    for entry in kept:
        cells = [c.get_text(" ", strip=True) for c in rows[entry.id].find_all(["th", "td"])]
        assert cells[1].startswith(entry.judul)
        assert cells[3].startswith(entry.dasar_hukum) and decree_text(adoption) in cells[3]
        assert cells[4] == entry.uji_konsekuensi and cells[5] == entry.jangka_waktu_pengecualian


def test_dik_page_states_the_decree_the_office_checked(built_site, national):
    adoption, kept, _left_out = national
    note = soup(built_site / DIK / "index.html").select_one(".kpu-dik-source")
    text = note.get_text(" ", strip=True)
    assert text.startswith(f"{len(kept)} baris bertanda Sumber: {LABEL}")
    assert decree_text(adoption) in text and "(contoh;" in text


def test_dik_open_data_carries_the_national_rows_and_their_source(built_site, national):
    _adoption, kept, left_out = national
    records = _csv(built_site / "ppid" / "informasi-dikecualikan.csv")
    document = json.loads((built_site / "ppid" / "informasi-dikecualikan.json").read_text("utf-8"))
    assert document["jumlah"] == len(records) and "sumber" in document["kolom"]
    by_slug = {r["tautan"].rsplit("#", 1)[1]: r for r in records}
    assert {s for s, r in by_slug.items() if r["sumber"] == LABEL} == {e.id for e in kept}
    assert {s for s, r in by_slug.items() if r["sumber"] == "kantor"} == {
        "dokumen-kependudukan-pemilih",
        "nota-dinas-rancangan-keputusan",
    }
    assert not {entry.id for entry in left_out} & set(by_slug)
    for record, from_json in zip(records, document["data"], strict=True):
        assert record["sumber"] == from_json["sumber"] and record["judul"] == from_json["judul"]


def test_no_national_entry_reaches_the_dip_or_has_a_page(built_site, national):
    _adoption, kept, _left_out = national
    dip = (built_site / DIP / "index.html").read_text(encoding="utf-8")
    dip_data = (built_site / "ppid" / "daftar-informasi-publik.csv").read_text("utf-8-sig")
    dip_json = (built_site / "ppid" / "daftar-informasi-publik.json").read_text("utf-8")
    for entry in kept:
        for text in (dip, dip_data, dip_json):
            assert entry.id not in text and entry.judul not in text
        assert not (built_site / "ppid" / entry.id).exists()


def test_an_office_file_with_a_national_slug_stops_the_build_saying_what_to_do(
    content_copy, tmp_path, national
):
    _adoption, kept, _left_out = national
    entry = kept[0]
    (content_copy / "ppid" / f"{entry.id}.md").write_text(
        "Judul: Versi kantor\nKlasifikasi: dikecualikan\nKelompok: rahasia-pribadi\n"
        "Tahun: 2024\nTanggal: 2024-06-03\nDasar_Hukum: Pasal 17 huruf h\n"
        "Uji_Konsekuensi: Uji.\nJangka_Waktu_Pengecualian: Selamanya\n",
        encoding="utf-8",
    )
    with pytest.raises(AdminFacingError) as error:
        build(tmp_path / "out", PATH=str(content_copy))
    message = str(error.value)
    assert message.startswith("Ada 1 kesalahan di konten")
    assert f'content/ppid/{entry.id}.md:1: slug "{entry.id}" juga dipakai entri baris' in message
    assert f'tulis "{entry.id}" di KPU_NATIONAL_DIK["kecuali"] di pelicanconf.py' in message
