"""Stages on built sites: the /tahapan/ timeline, the home panel, the .ics feeds, mistakes."""

import datetime
import shutil

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar
from pelican import Pelican

from kpu_messages import ContentError
from tests.conftest import ROOT, make_settings, soup, write_content
from tests.site.test_service_report_site import summary

STAGES = ROOT / "content/tahapan"
ELECTION = "pemilihan-2024"
AGENDA = "pemutakhiran-data-pemilih-berkelanjutan-2026"


def _build(base, files=None, remove=(), full=False, **overrides):
    """Build the sample stages (and pages; with `full`, all sample content) into base/out."""
    content = base / "content"
    if full:
        shutil.copytree(ROOT / "content", content)
    else:
        for folder in ("pages", "tahapan"):
            shutil.copytree(ROOT / "content" / folder, content / folder)
    for name in remove:
        (content / name).unlink()
    write_content(content, files or {})
    settings = make_settings(
        PATH=str(content),
        OUTPUT_PATH=str(base / "out"),
        CACHE_PATH=str(base / "cache"),
        **overrides,
    )
    Pelican(settings).run()
    return base / "out"


def _sample_files():
    return sorted(STAGES.rglob("*.md"))


def _header(path):
    fields = {}
    for line in path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


def _events(site, election):
    calendar = Calendar.from_ical((site / f"tahapan/{election}.ics").read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _statuses(site):
    page = soup(site / "tahapan/index.html")
    return {li["id"]: li for li in page.select("ol.kpu-timeline > li.kpu-stage")}


# The sample site ---------------------------------------------------------------------------


def test_every_sample_stage_is_on_the_timeline_and_in_its_calendar(built_site):
    items = _statuses(built_site)
    files = _sample_files()
    assert len(files) >= 8 and len(items) == len(files)
    for path in files:
        fields = _header(path)
        election = AGENDA if "Berkelanjutan" in fields["pemilihan"] else ELECTION
        anchor = f"{election}-{path.stem}"
        item = items[anchor]
        assert item.h3.get_text(strip=True) == fields["judul"]
        assert "contoh" in item.get_text().lower()  # samples say they are samples
        event = _events(built_site, election)[f"{election}-{path.stem}@situs.lokal"]
        assert str(event["SUMMARY"]) == fields["judul"]
        start = event.decoded("DTSTART")
        assert start.isoformat().replace("T", " ").startswith(fields["mulai"])
        if isinstance(start, datetime.datetime):
            assert start.utcoffset() == datetime.timedelta(hours=7)  # WIB
            assert event.decoded("DTEND").strftime("%Y-%m-%d %H:%M") == fields["selesai"]
        else:  # all day: DTEND is the day after the last day
            last = event.decoded("DTEND") - datetime.timedelta(days=1)
            assert last.isoformat() == fields["selesai"]
        assert ("LOCATION" in event) == bool(fields.get("tempat"))
    assert len(_events(built_site, ELECTION)) + len(_events(built_site, AGENDA)) == len(files)


def test_the_timeline_page_is_a_list_with_statuses_in_words_and_calendar_links(built_site):
    page = soup(built_site / "tahapan/index.html")
    sections = page.select("main section.kpu-stages")
    assert {s["id"] for s in sections} == {ELECTION, AGENDA}
    for section in sections:
        links = [a["href"] for a in section.select(".kpu-stages__calendar a")]
        assert f"/tahapan/{section['id']}.ics" in links
    for item in page.select("li.kpu-stage"):
        status = item.select_one(".kpu-stage__status").get_text(strip=True)
        assert status in {"Sudah lewat", "Sedang berlangsung", "Akan datang"}
        assert (item.get("aria-current") == "step") == (status == "Sedang berlangsung")
        assert item.select_one("time[datetime]")
        division = item.select_one(".kpu-stage__facts a")["href"]
        assert (built_site / division.strip("/") / "index.html").exists()
    footer = [a["href"] for a in page.select("footer a")]
    assert "/tahapan/" in footer


def test_the_published_calendar_has_the_host_in_uids_and_a_webcal_link(published_site):
    events = _events(published_site, ELECTION)
    assert all(uid.endswith("@kab-temanggung.kpu.go.id") for uid in events)
    vote = events["pemilihan-2024-pemungutan-suara@kab-temanggung.kpu.go.id"]
    assert str(vote["URL"]) == (
        "https://kab-temanggung.kpu.go.id/tahapan/#pemilihan-2024-pemungutan-suara"
    )
    page = soup(published_site / "tahapan/index.html")
    assert page.select_one(f'a[href="webcal://kab-temanggung.kpu.go.id/tahapan/{ELECTION}.ics"]')


# An injected "today" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "current", "following"),
    [
        ("2024-11-27 10:00", "pemungutan-suara", "rekapitulasi-kabupaten"),
        ("2024-11-27", "pemungutan-suara", "rekapitulasi-kabupaten"),
        ("2024-11-27 13:30", None, "rekapitulasi-kabupaten"),
        ("2024-10-01", "kampanye", "masa-tenang"),
    ],
)
def test_the_stage_holding_today_is_current_on_the_timeline_and_home(
    tmp_path, today, current, following
):
    site = _build(tmp_path, KPU_STAGES_TODAY=today)
    items = _statuses(site)
    running = [key for key, li in items.items() if li.get("aria-current") == "step"]
    assert running == ([f"{ELECTION}-{current}"] if current else [])
    order = list(items)
    pivot = order.index(f"{ELECTION}-{following}")
    for key in order:
        if not key.startswith(ELECTION) or key in running:
            continue
        expected = "Akan datang" if order.index(key) >= pivot else "Sudah lewat"
        assert items[key].select_one(".kpu-stage__status").get_text(strip=True) == expected
    if running:
        assert "kpu-stage--berlangsung" in items[running[0]]["class"]
    home = soup(site / "index.html").select_one(".kpu-panel--stages")
    links = [a["href"] for a in home.select(".kpu-home-stages a")]
    expected = [f"/tahapan/#{ELECTION}-{current}"] if current else []
    assert links == [*expected, f"/tahapan/#{ELECTION}-{following}"]


def test_no_stage_running_or_coming_leaves_the_home_panel_out(tmp_path):
    site = _build(tmp_path, KPU_STAGES_TODAY="2030-01-01")
    assert soup(site / "index.html").select_one(".kpu-panel--stages") is None
    assert not [li for li in _statuses(site).values() if li.get("aria-current")]


# Calendars across builds -------------------------------------------------------------------


def test_uids_stay_and_bytes_repeat_across_builds_and_a_title_change(tmp_path):
    first = _build(tmp_path / "a", KPU_STAGES_TODAY="2024-11-27")
    again = _build(tmp_path / "b", KPU_STAGES_TODAY="2025-06-01")
    name = f"tahapan/{ELECTION}.ics"
    assert (first / name).read_bytes() == (again / name).read_bytes()  # today is not in it
    path = "tahapan/kampanye.md"
    text = (STAGES / "kampanye.md").read_text(encoding="utf-8")
    text = text.replace("Judul: Masa kampanye", "Judul: Kampanye pasangan calon")
    text = text.replace("Selesai: 2024-11-23", "Selesai: 2024-11-22")
    renamed = _build(tmp_path / "c", {path: text}, remove=[path], KPU_STAGES_TODAY="2024-11-27")
    before, after = _events(first, ELECTION), _events(renamed, ELECTION)
    assert set(before) == set(after)
    uid = "pemilihan-2024-kampanye@situs.lokal"
    assert str(after[uid]["SUMMARY"]) == "Kampanye pasangan calon"
    assert after[uid].decoded("DTEND") == datetime.date(2024, 11, 23)


# Mistakes ---------------------------------------------------------------------------------

GOOD = """\
Judul: Tahapan uji
Pemilihan: Pemilihan Uji
Mulai: 2029-01-02
Selesai: 2029-01-03
Divisi: sekretariat
Dasar: PKPU uji

Isi.
"""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("Mulai: 2029-01-02", "Mulai: 02/01/2029"), ["tahapan/uji.md:3:", 'kolom "Mulai"']),
        (("Selesai: 2029-01-03", "Selesai: 2028-12-31"), ['kolom "Selesai"', "lebih awal"]),
        (("Divisi: sekretariat", "Divisi: humas"), ["tahapan/uji.md:5:", 'kolom "Divisi"']),
        (("Dasar: PKPU uji\n", ""), ['kolom "Dasar" wajib diisi']),
        (("Judul: Tahapan uji", "Judul: <b>Tahapan</b>"), ["tahapan/uji.md:1:", "HTML"]),
        (("Isi.", "<script>alert(1)</script>"), ["tahapan/uji.md:8:", "<script>"]),
    ],
)
def test_a_mistake_stops_the_build_naming_file_line_and_field(tmp_path, change, expected):
    text = GOOD.replace(*change)
    assert text != GOOD
    with pytest.raises(ContentError) as error:
        _build(tmp_path, {"tahapan/uji.md": text})
    message = str(error.value)
    for part in expected:
        assert part in message, message
    assert not (tmp_path / "out/tahapan").exists()


def test_a_file_that_is_not_a_stage_and_a_clashing_slug_are_named(tmp_path):
    clash = GOOD.replace("Judul: Tahapan uji", "Judul: Tahapan uji kedua")
    files = {
        "tahapan/uji.md": GOOD,
        "tahapan/lain/uji.md": clash,
        "tahapan/jadwal.pdf": "%PDF-1.4\n",
    }
    with pytest.raises(ContentError) as error:
        _build(tmp_path, files)
    message = str(error.value)
    assert "tahapan/jadwal.pdf" in message and "satu berkas .md per tahapan" in message
    assert "tahapan/lain/uji.md" in message and 'slug "uji" sudah dipakai' in message


# The service report reads the stage periods --------------------------------------------------

STAGE_2025 = """\
Judul: Tahapan uji tahun 2025
Pemilihan: Pemilihan Uji 2025
Mulai: 2025-01-01
Selesai: 2025-12-31
Divisi: teknis-penyelenggaraan
Dasar: PKPU uji

Tahapan uji.
"""


def _deadline_rows(page):
    table = next(
        t
        for t in page.select("table.kpu-report-table")
        if t.caption.get_text(strip=True).startswith("Jawaban dalam jangka waktu")
    )
    return {
        row.th.get_text(strip=True): int(row.select("td")[2].get_text())
        for row in table.select("tbody tr")
    }


def test_a_stage_period_switches_the_service_report_to_the_election_deadline(tmp_path, built_site):
    report = "ppid/laporan-layanan/2025/index.html"
    plain = soup(built_site / report)
    answered = int(summary(plain)["Sudah dijawab"])
    assert _deadline_rows(plain) == {"Di luar masa tahapan": answered}  # 2024 stages: no 2025
    site = _build(tmp_path, {"tahapan/uji-2025.md": STAGE_2025}, full=True)
    page = soup(site / report)
    # Every 2025 request now falls in an election-stage period (3 + 2 working days).
    assert _deadline_rows(page) == {"Masa tahapan pemilu/pemilihan": answered}


def test_without_stages_the_timeline_page_still_answers_the_footer_link(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content/pages", content / "pages")
    settings = make_settings(
        PATH=str(content), OUTPUT_PATH=str(tmp_path / "out"), CACHE_PATH=str(tmp_path / "cache")
    )
    Pelican(settings).run()  # the footer links to /tahapan/ on every page
    page = soup(tmp_path / "out/tahapan/index.html")
    assert page.select_one(".kpu-stages__empty").get_text(strip=True).startswith("Belum ada")
    assert not list((tmp_path / "out/tahapan").glob("*.ics"))
    assert soup(tmp_path / "out/index.html").select_one(".kpu-panel--stages") is None


def test_the_published_calendars_pass_a_strict_second_parser(published_site):
    """Home Assistant's `ical` refuses what RFC 5545 forbids; phones read what it reads."""
    for path in sorted((published_site / "tahapan").glob("*.ics")):
        data = path.read_bytes()
        lines = data.split(b"\r\n")
        assert lines[-1] == b"" and all(len(line) <= 75 for line in lines), path.name
        strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
        loose = _events(published_site, path.stem)
        assert {event.uid for event in strict.events} == set(loose)
        for event in strict.events:
            assert event.summary == str(loose[event.uid]["SUMMARY"])
            assert event.dtstart == loose[event.uid].decoded("DTSTART")
            assert event.dtend == loose[event.uid].decoded("DTEND")
        assert [zone.tz_id for zone in strict.timezones] == ["Asia/Jakarta"]
