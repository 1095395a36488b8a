"""The stages model and calendar writer as pure functions (kpu_stages.model, kpu_stages.ics)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from kpu_stages.ics import election_calendar, stage_uid
from kpu_stages.model import (
    AGENDA,
    COMING,
    CURRENT,
    PAST,
    build_elections,
    check_collection,
    current_and_next,
    election_periods,
    parse_stage,
    parse_today,
    stage_status,
)

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
UNITS = [
    {"slug": "teknis-penyelenggaraan", "name": "Divisi Teknis Penyelenggaraan"},
    {"slug": "sekretariat", "name": "Sekretariat"},
]
SUBS = [[r"[^\w\s-]", ""], [r"(?u)\A\s*", ""], [r"(?u)\s*\Z", ""], [r"[-\s]+", "-"]]


def metadata(**fields):
    base = {
        "judul": "Pendaftaran pasangan calon",
        "pemilihan": "Pemilihan 2029",
        "mulai": "2029-08-27",
        "selesai": "2029-08-29",
        "divisi": "teknis-penyelenggaraan",
        "dasar": "PKPU Nomor 1 Tahun 2029",
    }
    base.update({key.lower(): value for key, value in fields.items()})
    return {key: value for key, value in base.items() if value is not None}


def stage(slug="pendaftaran", zone=WIB, **fields):
    result, problems = parse_stage(
        f"tahapan/{slug}.md", metadata(**fields), "<p>Isi.</p>", UNITS, zone, slug, SUBS
    )
    assert problems == []
    return result


def problems_of(**fields):
    return parse_stage("tahapan/x.md", metadata(**fields), "", UNITS, WIB, "x", SUBS)[1]


# Parsing and validation -------------------------------------------------------------------


def test_an_all_day_stage_keeps_dates_and_a_timed_one_is_in_the_office_zone():
    day = stage()
    assert day.all_day and day.start == datetime.date(2029, 8, 27)
    assert day.election_slug == "pemilihan-2029" and day.anchor == "pemilihan-2029-pendaftaran"
    assert day.division_name == "Divisi Teknis Penyelenggaraan" and day.jenis == "tahapan"
    timed = stage(zone=WITA, mulai="2029-11-27 07:00", selesai="2029-11-27 13:00")
    assert not timed.all_day
    assert timed.start == datetime.datetime(2029, 11, 27, 7, tzinfo=WITA)
    assert timed.start.utcoffset() == datetime.timedelta(hours=8)


@pytest.mark.parametrize("missing", ["Judul", "Pemilihan", "Mulai", "Selesai", "Divisi", "Dasar"])
def test_every_required_field_is_named_when_missing(missing):
    found = problems_of(**{missing: None})
    assert any(f'kolom "{missing}"' in p for p in found), found


def test_dates_end_before_start_and_mixed_forms_are_refused():
    assert any("lebih awal" in p for p in problems_of(mulai="2029-08-29", selesai="2029-08-27"))
    mixed = problems_of(mulai="2029-08-27 08:00", selesai="2029-08-29")
    assert any("tulis jam pada" in p for p in mixed)
    same_moment = problems_of(mulai="2029-08-27 08:00", selesai="2029-08-27 08:00")
    assert any("lebih awal" in p for p in same_moment)
    assert problems_of(mulai="2029-08-27", selesai="2029-08-27") == []  # one whole day


def test_a_date_in_another_form_gets_the_accepted_form():
    found = problems_of(mulai="27/08/2029")
    assert any('kolom "Mulai"' in p and "2029-08-27" in p for p in found), found


def test_unknown_division_kind_and_field_suggest_the_nearest():
    found = problems_of(divisi="teknis", jenis="agendaa", tempatt="Aula")
    assert any('kolom "Divisi"' in p and "teknis-penyelenggaraan" in p for p in found)
    assert any('kolom "Jenis"' in p and '"agenda"' in p for p in found)
    assert any('kolom "tempatt"' in p and '"Tempat"' in p for p in found)


def test_a_bad_slug_is_named():
    found = parse_stage("tahapan/A b.md", metadata(), "", UNITS, WIB, "A b", SUBS)[1]
    assert any("ganti nama berkas" in p for p in found)
    assert any('kolom "Slug"' in p for p in problems_of(slug="Bad Slug"))


def test_clashing_slugs_and_differently_written_elections_are_named():
    first = stage("a")
    second = stage("a")
    second.source = "tahapan/lain/a.md"
    other = stage("b", pemilihan="Pemilihan-2029")  # same slug, other spelling
    found = check_collection([first, second, other])
    assert ("tahapan/lain/a.md" in [source for source, _ in found]) and len(found) == 2
    assert any('"Pemilihan-2029" ditulis berbeda' in message for _, message in found)


# Status on an injected today ---------------------------------------------------------------


def test_status_by_day_and_by_moment():
    run = stage()
    assert stage_status(run, datetime.date(2029, 8, 26)) == COMING
    assert stage_status(run, datetime.date(2029, 8, 27)) == CURRENT
    assert stage_status(run, datetime.date(2029, 8, 29)) == CURRENT  # the last day is in
    assert stage_status(run, datetime.date(2029, 8, 30)) == PAST
    vote = stage("suara", mulai="2029-11-27 07:00", selesai="2029-11-27 13:00")
    assert stage_status(vote, parse_today("2029-11-27 06:59", WIB)) == COMING
    assert stage_status(vote, parse_today("2029-11-27 07:00", WIB)) == CURRENT
    assert stage_status(vote, parse_today("2029-11-27 13:00", WIB)) == PAST
    assert stage_status(vote, parse_today("2029-11-27", WIB)) == CURRENT  # a date: whole day
    # A moment elsewhere is compared as the same instant.
    assert stage_status(vote, datetime.datetime(2029, 11, 27, 5, 30, tzinfo=datetime.UTC)) == (
        CURRENT
    )


def test_elections_order_running_first_and_current_and_next():
    old = stage("lama", pemilihan="Pemilihan 2024", mulai="2024-08-27", selesai="2024-08-29")
    first = stage("daftar")
    vote = stage("suara", mulai="2029-11-27 07:00", selesai="2029-11-27 13:00")
    later = stage("rekap", mulai="2029-12-01", selesai="2029-12-03")
    elections = build_elections([later, old, vote, first], datetime.date(2029, 11, 27))
    assert [e.slug for e in elections] == ["pemilihan-2029", "pemilihan-2024"]
    assert [s.slug for s in elections[0].stages] == ["daftar", "suara", "rekap"]
    assert [s.status for s in elections[0].stages] == [PAST, CURRENT, COMING]
    assert elections[1].status == PAST and elections[0].status == CURRENT
    current, following = current_and_next(elections)
    assert [s.slug for s in current] == ["suara"] and following.slug == "rekap"


def test_election_periods_span_the_stages_and_leave_agenda_out():
    first = stage("daftar")
    vote = stage("suara", mulai="2029-11-27 07:00", selesai="2029-11-27 13:00")
    agenda = stage("rapat", pemilihan="Data Pemilih 2029", jenis=AGENDA)
    elections = build_elections([first, vote, agenda], datetime.date(2029, 1, 1))
    assert election_periods(elections) == [
        {
            "start": datetime.date(2029, 8, 27),
            "end": datetime.date(2029, 11, 27),
            "name": "Tahapan Pemilihan 2029",
        }
    ]


# The calendar ----------------------------------------------------------------------------


def _calendar(stages, zone=WIB, zone_id="Asia/Jakarta"):
    [election] = build_elections(stages, datetime.date(2029, 1, 1))
    return election_calendar(
        election,
        "KPU Kab. Uji",
        "kab-uji.kpu.go.id",
        "https://kab-uji.kpu.go.id/tahapan/",
        zone,
        zone_id,
    )


def test_the_calendar_parses_and_holds_one_event_per_stage_in_the_office_zone():
    vote = stage(
        "suara",
        zone=WITA,
        mulai="2029-11-27 07:00",
        selesai="2029-11-27 13:00",
        tempat="Seluruh TPS",
    )
    data = _calendar([stage(zone=WITA), vote], WITA, "Asia/Makassar")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    calendar = Calendar.from_ical(data)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Makassar"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "pemilihan-2029-pendaftaran@kab-uji.kpu.go.id",
        "pemilihan-2029-suara@kab-uji.kpu.go.id",
    }
    day = events["pemilihan-2029-pendaftaran@kab-uji.kpu.go.id"]
    assert day.decoded("DTSTART") == datetime.date(2029, 8, 27)
    assert day.decoded("DTEND") == datetime.date(2029, 8, 30)  # exclusive: the day after
    timed = events["pemilihan-2029-suara@kab-uji.kpu.go.id"]
    assert timed["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert timed.decoded("DTSTART") == datetime.datetime(2029, 11, 27, 7, tzinfo=WITA)
    assert str(timed["LOCATION"]) == "Seluruh TPS"
    assert str(timed["URL"]) == "https://kab-uji.kpu.go.id/tahapan/#pemilihan-2029-suara"
    assert "Dasar hukum: PKPU Nomor 1 Tahun 2029" in str(timed["DESCRIPTION"])
    assert "<p>" not in str(timed["DESCRIPTION"])


def test_the_uid_survives_a_new_title_and_new_dates_and_the_bytes_repeat():
    before = stage(judul="Pendaftaran")
    after = stage(judul="Pendaftaran pasangan calon (diperpanjang)", selesai="2029-08-31")
    assert stage_uid(before, "h") == stage_uid(after, "h") == "pemilihan-2029-pendaftaran@h"
    assert _calendar([stage()]) == _calendar([stage()])
