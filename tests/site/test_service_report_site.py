"""The yearly service report on the built site: its page, open data and DIP item."""

import csv
import io
import json
import statistics

import pytest

from kpu_messages import ContentError
from kpu_service_report.register import COLUMNS
from tests.conftest import ROOT, build, soup

REPORT = "ppid/laporan-layanan/2025"
HEADER = ",".join(COLUMNS)


def sample_rows():
    """The sample register, read with the csv module alone."""
    text = (ROOT / "content/ppid/register/2025.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def summary(page):
    """Return {label: value} of the report's summary list."""
    return {
        item.dt.get_text(strip=True): item.dd.get_text(" ", strip=True)
        for item in page.select(".kpu-service-report__summary > div")
    }


def counts(page, caption_start):
    """Return {value slug: count} of the count table whose caption starts so."""
    for table in page.select("table.kpu-report-table--counts"):
        if table.caption.get_text(strip=True).startswith(caption_start):
            return {row["data-value"]: int(row.td.get_text()) for row in table.select("tbody tr")}
    raise AssertionError(f"no table {caption_start!r}")


def test_the_sample_report_counts_what_the_register_holds(built_site):
    rows = sample_rows()
    assert len(rows) >= 30
    page = soup(built_site / REPORT / "index.html")
    figures = summary(page)
    assert figures["Permohonan masuk"] == str(len(rows))
    answered = [r for r in rows if r["tanggal_dijawab"]]
    assert figures["Sudah dijawab"] == str(len(answered))
    assert figures["Memakai perpanjangan waktu"] == str(
        sum(1 for r in rows if r["perpanjangan"] == "ya")
    )
    assert figures["Keberatan"] == str(sum(1 for r in rows if r["tanggal_keberatan"]))
    decisions = counts(page, "Keputusan")
    for decision, count in decisions.items():
        assert count == sum(1 for r in rows if r["keputusan"] == decision)
    assert sum(decisions.values()) == len(rows)
    months = page.select("table.kpu-report-table")[0]
    channel_totals = [int(td.get_text()) for td in months.select("tfoot td")]
    assert channel_totals[-1] == len(rows) == sum(channel_totals[:-1])


def test_the_report_shows_the_legal_basis_of_each_deadline(built_site):
    page = soup(built_site / REPORT / "index.html")
    text = page.select_one("#jangka-waktu").find_parent("section").get_text(" ", strip=True)
    assert "Pasal 22 ayat (7) dan (8)" in text
    assert "10 hari kerja, dapat diperpanjang 7 hari kerja" in text


def test_the_open_data_holds_only_the_allowed_columns(built_site):
    folder = built_site / REPORT
    text = (folder / "laporan-layanan-2025.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == len(sample_rows())
    document = json.loads((folder / "laporan-layanan-2025.json").read_text(encoding="utf-8"))
    assert document["ringkasan"]["total"] == len(rows)
    assert [list(r) for r in document["register"]][0] == list(COLUMNS)


def test_the_report_is_an_item_of_the_dip_that_links_to_it(built_site):
    dip = soup(built_site / "ppid/daftar-informasi-publik/index.html")
    links = [a["href"] for a in dip.select("a[href]")]
    assert "/ppid/laporan-layanan-informasi-2025/" in links
    item = soup(built_site / "ppid/laporan-layanan-informasi-2025/index.html")
    assert item.select_one(f'a[href="/{REPORT}/"]') is not None
    assert "Informasi Setiap Saat" in item.get_text()
    index = soup(built_site / "ppid/laporan-layanan/index.html")
    assert index.select_one(f'.kpu-service-reports a[href="/{REPORT}/"]') is not None


def test_the_office_note_shows_obstacles_and_follow_up(built_site):
    page = soup(built_site / REPORT / "index.html")
    note = page.select_one("#kendala-dan-tindak-lanjut").find_parent("section")
    assert "Tindak lanjut" in note.get_text()


# Holidays of the shipped list, May-June 2025: Thu May 1, Mon 12, Tue 13, Thu 29, Fri 30,
# Fri Jun 6 (Iduladha) and Mon Jun 9 (cuti bersama).
SMALL = f"""{HEADER}
2025-05-09,surel,perorangan,Jadwal tahapan,dikabulkan,,2025-05-16,tidak,,,,
2025-05-09,e-ppid,kelompok,Daftar TPS,dikabulkan,,2025-05-20,ya,,,,
2025-05-28,langsung,badan-hukum,Laporan keuangan,ditolak,Pasal 17j,2025-06-12,tidak,2025-06-16,ditolak,2025-07-01,proses
2025-06-02,surat,perorangan,Data pemilih,tidak-dikuasai,,2025-06-03,tidak,,,,
"""  # noqa: E501  (one request per line, as in the register)


def build_small(content, register, **settings):
    """Build the sample with another 2025 register, into a folder beside the content."""
    (content / "ppid/register/2025.csv").write_text(register, encoding="utf-8")
    return build(content.parent / "out", PATH=str(content), **settings)


def test_a_small_register_gives_the_hand_counted_figures(content_copy):
    period = {"mulai": "2025-05-05", "selesai": "2025-05-31", "nama": "Tahapan uji"}
    out = build_small(content_copy, SMALL, KPU_SERVICE_ELECTION_PERIODS=[period])
    page = soup(out / REPORT / "index.html")
    # By hand, counting working days after the day received:
    # 1. Fri May 9 -> Fri May 16: 14, 15, 16 (12 and 13 are off) = 3; election period, 3: ok
    # 2. Fri May 9 -> Tue May 20: 14, 15, 16, 19, 20 = 5; election period, 3 + 2: ok
    # 3. Wed May 28 -> Thu Jun 12: Jun 2-5, 10-12 = 7 (May 29, 30, Jun 6 Iduladha and Jun 9
    #    cuti bersama are off); election period, 3: late
    # 4. Mon Jun 2 -> Tue Jun 3 = 1; normal period
    days = [3, 5, 7, 1]
    figures = summary(page)
    assert figures["Permohonan masuk"] == "4"
    assert figures["Median waktu menjawab"] == f"{statistics.median(days):g} hari kerja"
    assert figures["Waktu menjawab terlama"] == "7 hari kerja"
    assert figures["Dijawab dalam jangka waktu"] == "3 dari 4"
    section = page.select_one("#jangka-waktu").find_parent("section")
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in section.select("tbody tr")
    }
    assert rows["Masa tahapan pemilu/pemilihan"][-2:] == ["3", "2"]
    assert rows["Di luar masa tahapan"][-2:] == ["1", "1"]
    late = section.select("ul li")
    assert (
        len(late) == 1
        and "28 Mei 2025" in late[0].get_text()
        and "7 hari kerja" in late[0].get_text()
    )
    assert counts(page, "Sengketa")["proses"] == 1
    assert counts(page, "Hasil keberatan")["ditolak"] == 1


@pytest.mark.parametrize(
    ("register", "where", "fragment"),
    [
        (SMALL.replace("saluran", "nama_pemohon,saluran", 1), "2025.csv:1:", '"nama_pemohon"'),
        ("NIK," + SMALL, "2025.csv:1:", 'kolom "nik" dilarang'),
        (
            SMALL.replace("Daftar TPS", "Daftar TPS untuk 3323010101900001"),
            "2025.csv:3:",
            "NIK (16 angka)",
        ),
    ],
)
def test_personal_data_in_the_register_stops_the_build(content_copy, register, where, fragment):
    with pytest.raises(ContentError) as error:
        build_small(content_copy, register)
    lines = [line for line in str(error.value).splitlines() if "ppid/register/" in line]
    assert any(where in line and fragment in line for line in lines), lines


def test_a_hostile_note_is_stopped_by_the_content_gate(content_copy, tmp_path):
    note = content_copy / "ppid/register/2025.md"
    note.write_text(
        note.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n', encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", PATH=str(content_copy))
    assert any("ppid/register/2025.md" in line for line in str(error.value).splitlines())


def test_the_report_page_passes_the_note_as_markup_not_text(built_site):
    page = soup(built_site / REPORT / "index.html")
    note = page.select_one("#kendala-dan-tindak-lanjut").find_parent("section")
    assert note.select("ul li") and "&lt;" not in str(note)
