"""The readiness checks, one rule at a time, on plain data."""

import datetime

import pytest

from kpu_ppid_readiness.model import (
    MISSING,
    PRESENT,
    STALE,
    Item,
    Line,
    form_lines,
    link_lines,
    list_lines,
    mandatory_gaps,
    page_lines,
    periodic_lines,
    reach_lines,
    report_line,
    scores,
    site_path,
)
from kpu_ppid_readiness.settings import DEFAULT_FRESHNESS, DEFAULT_WEIGHTS

D = datetime.date
GROUPS = {"kinerja": "Ringkasan Kinerja", "pengadaan": "Pengadaan Barang dan Jasa"}
URLS = {"ppid": "ppid/", "dip": "ppid/dip/", "dik": "ppid/dik/"}
JANUARY = D(2026, 1, 10)


def item(kelompok="kinerja", published=JANUARY, updated=None, klasifikasi="berkala"):
    return Item("Laporan", klasifikasi, kelompok, published, updated, "ppid/a.md", "ppid/a/")


def status(lines, label_start):
    return next(line.status for line in lines if line.label.startswith(label_start))


def test_a_kelompok_without_items_is_missing_and_says_what_to_add():
    lines = periodic_lines([item()], GROUPS, DEFAULT_FRESHNESS, D(2026, 6, 1), "ppid")
    line = next(line for line in lines if "Pengadaan" in line.label)
    assert line.status == MISSING and "Kelompok: pengadaan" in line.fix


@pytest.mark.parametrize(
    ("published", "updated", "today", "expected"),
    [
        (D(2025, 1, 10), None, D(2026, 1, 10), PRESENT),  # kinerja: 12 months, to the day
        (D(2025, 1, 10), None, D(2026, 1, 11), STALE),
        (D(2024, 1, 10), D(2025, 12, 1), D(2026, 6, 1), PRESENT),  # Diperbarui counts
    ],
)
def test_freshness_follows_the_kelompok_rule(published, updated, today, expected):
    lines = periodic_lines([item(published=published, updated=updated)], GROUPS,
                           DEFAULT_FRESHNESS, today, "ppid")  # fmt: skip
    assert status(lines, "Informasi berkala: Ringkasan Kinerja") == expected


def test_the_default_rule_is_six_months():
    rules = DEFAULT_FRESHNESS
    fresh = periodic_lines([item("pengadaan", D(2026, 1, 1))], GROUPS, rules, D(2026, 7, 1), "p")
    stale = periodic_lines([item("pengadaan", D(2026, 1, 1))], GROUPS, rules, D(2026, 7, 2), "p")
    assert status(fresh, "Informasi berkala: Pengadaan") == PRESENT
    assert status(stale, "Informasi berkala: Pengadaan") == STALE
    assert "ppid/a.md" in next(line.fix for line in stale if "Pengadaan" in line.label)


def test_empty_lists_and_a_dip_that_does_not_list_itself_are_missing():
    classes = {"serta-merta": "Informasi Serta Merta", "setiap-saat": "Informasi Setiap Saat"}
    lines = list_lines([item(klasifikasi="setiap-saat", kelompok="keputusan")], classes, "ppid")
    assert status(lines, "Daftar Informasi Serta Merta") == MISSING
    assert status(lines, "Daftar Informasi Setiap Saat") == PRESENT
    assert status(lines, "DIP tercantum") == MISSING


@pytest.mark.parametrize(
    ("href", "path"),
    [
        ("/ppid/dip/", "ppid/dip/"),
        ("https://situs.go.id/ppid/dip/#a", "ppid/dip/"),
        ("https://lain.go.id/ppid/", None),
        ("mailto:a@b.id", None),
        ("#konten", None),
    ],
)
def test_links_are_read_as_paths_of_this_site(href, path):
    assert site_path(href, "https://situs.go.id") == path


def test_the_dip_and_dik_must_be_one_click_from_home_and_on_the_ppid_page():
    menu = [{"label": "PPID", "url": "ppid/"}]
    lines = reach_lines(["/ppid/dip/"], ["/ppid/dip/", "/ppid/dik/"], menu, URLS, "")
    assert status(lines, "DIP dapat") == PRESENT and status(lines, "DIK dapat") == MISSING
    assert status(lines, "Menu PPID") == PRESENT
    lines = reach_lines([], ["/ppid/dip/"], menu, URLS, "")
    assert status(lines, "Menu PPID") == MISSING
    assert "DIK" in next(line.fix for line in lines if line.label.startswith("Menu PPID"))
    assert status(reach_lines([], [], [], URLS, ""), "Menu PPID") == MISSING


def test_standard_pages_must_exist_hold_their_words_and_be_linked():
    required = [
        {"url": "ppid/profil/", "nama": "Profil", "memuat": ["struktur"]},
        {"url": "ppid/regulasi/", "nama": "Regulasi", "memuat": []},
        {"url": "ppid/sop/", "nama": "SOP", "memuat": []},
    ]
    pages = {"ppid/profil/": "Tugas PPID", "ppid/regulasi/": "UU 14/2008", "ppid/sop/": None}
    lines = page_lines(required, pages, ["/ppid/regulasi/"], "")
    assert [line.status for line in lines] == [MISSING, PRESENT, MISSING]
    assert '"struktur"' in lines[0].fix and "content/pages/ppid/sop.md" in lines[2].fix
    unlinked = page_lines(required[1:2], pages, [], "")
    assert unlinked[0].status == MISSING and "Tautkan" in unlinked[0].fix


def test_the_report_of_last_year_is_looked_for():
    assert report_line([2025], D(2026, 3, 1), "l/{slug}/").status == PRESENT
    assert report_line([2024], D(2026, 3, 1), "l/{slug}/").status == MISSING


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", MISSING),
        ("http://x.kpu.go.id/formulir", MISSING),
        ("https://x.kpu.go.id/", MISSING),
        ("https://x.kpu.go.id/formulir-permohonan", PRESENT),
    ],
)
def test_form_links_must_be_set_and_point_at_a_form(value, expected):
    office = {"ppid_portal": "https://x.kpu.go.id", "ppid_request_form": value}
    assert form_lines(office)[0].status == expected


def test_dead_links_are_named_and_links_to_other_sites_only_counted():
    existing = {"ppid/dip/", "ppid/a/", "ppid/lampiran/a.pdf", "d.csv"}
    pages = {"ppid/dip/": ["/ppid/a/", "/ppid/hilang/", "https://lain.go.id/x"]}
    lines = link_lines(pages, existing.__contains__, "", ["d.csv"])
    assert lines[0].status == MISSING and "/ppid/dip/ → /ppid/hilang/" in lines[0].detail
    assert "1 tautan ke situs lain" in lines[0].detail
    assert lines[1].status == PRESENT
    assert link_lines(pages, existing.__contains__, "", ["x.json"])[1].status == MISSING


def test_scores_weigh_each_section_and_grade_the_whole():
    lines = [
        Line("jenis-informasi", "a", PRESENT),
        Line("jenis-informasi", "b", MISSING),
        Line("digitalisasi", "c", PRESENT),
        Line("pelayanan", "d", STALE, mandatory=False),
    ]
    per_section, overall, grade = scores(lines, DEFAULT_WEIGHTS)
    assert per_section == {
        "jenis-informasi": (20.0, 40),
        "digitalisasi": (20.0, 20),
        "pelayanan": (0.0, 10),
    }
    assert overall == round(100 * 40 / 70, 1) and grade == "Kurang Informatif"
    assert [line.label for line in mandatory_gaps(lines)] == ["b"]
