"""Stages (tahapan) of an election: fields, parsing, validation, status and order.

One Markdown file is one stage or agenda item. An all-day stage ("2024-08-27") runs to the
end of its `Selesai` day; a timed one ("2024-11-27 07:00") is office local time (WIB, WITA
or WIT) and ends at its `Selesai` moment.
"""

import datetime
import re
from dataclasses import dataclass, field

from pelican.utils import slugify

from kpu_gate.dates import check_date_text, parse_date_text
from kpu_messages import Problem, nearest, unknown_value

REQUIRED_FIELDS = ("Judul", "Pemilihan", "Mulai", "Selesai", "Divisi", "Dasar")
OPTIONAL_FIELDS = ("Tempat", "Jenis", "Slug")
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

FIELD_HINTS = {
    "Judul": 'nama tahapan, misalnya "Pendaftaran pasangan calon"',
    "Pemilihan": 'pemilihan yang memuat tahapan ini, misalnya "Pemilihan 2029"',
    "Mulai": 'tanggal mulai, "YYYY-MM-DD" (sehari penuh) atau "YYYY-MM-DD HH:MM"',
    "Selesai": 'tanggal selesai (hari terakhir), "YYYY-MM-DD" atau "YYYY-MM-DD HH:MM"',
    "Divisi": "slug divisi penanggung jawab",
    "Dasar": 'dasar hukum jadwal, misalnya "PKPU Nomor 2 Tahun 2024"',
}

# A stage of an election counts towards the election's stage period (the shorter deadline for
# information requests); an agenda item (the continuous voter-data update) is shown only.
STAGE, AGENDA = "tahapan", "agenda"
KINDS = (STAGE, AGENDA)

PAST, CURRENT, COMING = "lewat", "berlangsung", "akan-datang"
EPOCH = datetime.datetime(1970, 1, 1)
STATUS_LABELS = {PAST: "Sudah lewat", CURRENT: "Sedang berlangsung", COMING: "Akan datang"}


@dataclass
class Stage:
    """A validated stage; `status` is set once per build from the build's "today"."""

    source: str
    slug: str
    judul: str
    pemilihan: str
    election_slug: str
    start: datetime.date | datetime.datetime  # a date (all day) or an aware datetime
    end: datetime.date | datetime.datetime  # the last day (all day) or the end moment
    divisi: str
    dasar: str
    tempat: str = ""
    jenis: str = STAGE
    body: str = ""
    division_name: str = ""
    division_url: str = ""
    anchor: str = ""
    status: str = COMING

    # kpu_incremental names a stage by its source file and re-renders the pages showing it.
    kpu_source_object = True

    @property
    def source_path(self):
        """Return the stage's source file (its identity across builds)."""
        return self.source

    @property
    def all_day(self):
        """Tell whether the stage is written in whole days (no times)."""
        return not isinstance(self.start, datetime.datetime)

    @property
    def status_label(self):
        """Return the status as citizens read it ("Sedang berlangsung")."""
        return STATUS_LABELS[self.status]

    @property
    def sort_key(self):
        """Order stages by start (all-day stages first on a shared day), then by slug."""
        start = self.start if not self.all_day else _midnight(self.start, None)
        return (start.replace(tzinfo=None), not self.all_day, self.slug)


@dataclass
class Election:
    """One election (or agenda such as the continuous voter-data update) and its stages."""

    name: str
    slug: str
    stages: list = field(default_factory=list)
    calendar: str = ""  # the .ics file, relative to the output

    @property
    def status(self):
        """Return CURRENT if a stage runs, COMING if none has begun, else PAST."""
        statuses = {stage.status for stage in self.stages}
        if CURRENT in statuses:
            return CURRENT
        return COMING if statuses == {COMING} else (PAST if statuses == {PAST} else CURRENT)

    @property
    def current(self):
        """Return the stages running now."""
        return [stage for stage in self.stages if stage.status == CURRENT]


def _midnight(day, zone):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone)


def _text(metadata, name):
    value = metadata.get(name.lower(), "")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()


def _unknown_fields(metadata):
    known = {name.lower(): name for name in KNOWN_FIELDS}
    problems = []
    for key in metadata:
        if key not in known:
            hint = nearest(key, list(known))
            message = (
                f'kolom "{key}" tidak dikenal untuk tahapan. Kolom yang dikenal: '
                f"{', '.join(KNOWN_FIELDS)}."
            )
            if hint:
                message += f' Mungkin maksud Anda "{known[hint]}"?'
            problems.append(message)
    return problems


def parse_moment(name, raw, zone):
    """Return (date or aware datetime, problem) for a `Mulai`/`Selesai` value."""
    if not raw:
        return None, None
    problem = check_date_text(name, raw, with_time=True)
    if problem:
        return None, problem
    day, clock = parse_date_text(raw)
    if clock is None:
        return day, None
    return datetime.datetime.combine(day, clock, tzinfo=zone), None


def check_period(start, end):
    """Return a problem when the end comes before the start, or the two forms differ."""
    if start is None or end is None:
        return None
    timed = (isinstance(start, datetime.datetime), isinstance(end, datetime.datetime))
    if timed[0] != timed[1]:
        return (
            'kolom "Selesai": tulis jam pada "Mulai" dan "Selesai" ("YYYY-MM-DD HH:MM"), atau '
            'tidak pada keduanya ("YYYY-MM-DD", sehari penuh).'
        )
    if end < start or (timed[0] and end == start):
        return (
            f'kolom "Selesai": {_shown(end)} lebih awal daripada "Mulai" ({_shown(start)}). '
            "Selesai harus sama dengan atau sesudah Mulai (untuk jam: sesudahnya)."
        )
    return None


def _shown(value):
    return value.strftime("%Y-%m-%d %H:%M" if isinstance(value, datetime.datetime) else "%Y-%m-%d")


def election_slug(name, regex_subs):
    """Return an election's slug ("Pemilihan 2029" -> "pemilihan-2029")."""
    return slugify(name, regex_subs=regex_subs)


def parse_stage(source, metadata, body, office_units, zone, default_slug, regex_subs):
    """Validate one stage file; return (Stage or None, problems)."""
    problems = _unknown_fields(metadata)
    problems += [
        f'kolom "{name}" wajib diisi: {FIELD_HINTS[name]}.'
        for name in REQUIRED_FIELDS
        if not _text(metadata, name)
    ]
    start, start_problem = parse_moment("Mulai", _text(metadata, "Mulai"), zone)
    end, end_problem = parse_moment("Selesai", _text(metadata, "Selesai"), zone)
    problems += [p for p in (start_problem, end_problem, check_period(start, end)) if p]
    units = {unit["slug"]: unit for unit in office_units}
    divisi = _text(metadata, "Divisi").lower()
    if divisi and divisi not in units:
        problems.append(unknown_value("Divisi", divisi, list(units)))
    written_slug = _text(metadata, "Slug")
    slug = written_slug or default_slug
    if not SLUG.match(slug):
        problems.append(
            Problem(
                f'kolom "Slug": "{slug}" hanya boleh berisi huruf kecil, angka dan tanda hubung.'
            )
            if written_slug
            else Problem(
                f'nama berkas menghasilkan slug "{slug}" dengan huruf besar atau tanda baca; '
                "ganti nama berkas (huruf kecil, angka dan tanda hubung).",
                line=1,
            )
        )
    jenis = _text(metadata, "Jenis").lower() or STAGE
    if jenis not in KINDS:
        problems.append(unknown_value("Jenis", jenis, list(KINDS)))
    pemilihan = _text(metadata, "Pemilihan")
    group = election_slug(pemilihan, regex_subs) if pemilihan else ""
    if pemilihan and not group:
        problems.append(f'kolom "Pemilihan": "{pemilihan}" perlu memuat huruf atau angka.')
    if problems:
        return None, problems
    return (
        Stage(
            source=source,
            slug=slug,
            judul=_text(metadata, "Judul"),
            pemilihan=pemilihan,
            election_slug=group,
            start=start,
            end=end,
            divisi=divisi,
            dasar=_text(metadata, "Dasar"),
            tempat=_text(metadata, "Tempat"),
            jenis=jenis,
            body=body,
            division_name=units[divisi]["name"],
            anchor=f"{group}-{slug}",
        ),
        [],
    )


def check_collection(stages):
    """Return (source, message) pairs for clashes: slugs within an election, election names."""
    problems = []
    seen_slugs, seen_names = {}, {}
    for stage in stages:
        key = (stage.election_slug, stage.slug)
        if key in seen_slugs:
            problems.append(
                (
                    stage.source,
                    Problem(
                        f'slug "{stage.slug}" sudah dipakai oleh {seen_slugs[key]} di '
                        f'"{stage.pemilihan}". Ganti nama berkas atau isi kolom "Slug" yang lain.',
                        line=1,
                    ),
                )
            )
        seen_slugs.setdefault(key, stage.source)
        first = seen_names.setdefault(stage.election_slug, (stage.pemilihan, stage.source))
        if first[0] != stage.pemilihan:
            problems.append(
                (
                    stage.source,
                    f'kolom "Pemilihan": "{stage.pemilihan}" ditulis berbeda dengan '
                    f'"{first[0]}" di {first[1]}. Tulis nama pemilihan persis sama di setiap '
                    "tahapannya.",
                )
            )
    return problems


def parse_today(value, zone):
    """Return the build's "today" as a date or an aware datetime in the office's zone."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, datetime.date):
        return value
    day, clock = parse_date_text(value)
    return day if clock is None else datetime.datetime.combine(day, clock, tzinfo=zone)


def stage_status(stage, today):
    """Return PAST, CURRENT or COMING for a stage on `today` (a date or an aware datetime).

    All-day stages, and any stage when only a date is known, are judged by whole days: the
    stage is current from its first to its last day. Timed stages, given a moment, run from
    `Mulai` up to (not including) `Selesai`.
    """
    if stage.all_day or not isinstance(today, datetime.datetime):
        day = today.date() if isinstance(today, datetime.datetime) else today
        start = stage.start if stage.all_day else stage.start.date()
        end = stage.end if stage.all_day else stage.end.date()
        if day < start:
            return COMING
        return PAST if day > end else CURRENT
    if today < stage.start:
        return COMING
    return PAST if today >= stage.end else CURRENT


def build_elections(stages, today):
    """Group stages per election with statuses set; ongoing first, then coming, then past."""
    groups = {}
    for stage in sorted(stages, key=lambda s: s.sort_key):
        stage.status = stage_status(stage, today)
        groups.setdefault(stage.election_slug, []).append(stage)
    elections = [Election(name=s[0].pemilihan, slug=slug, stages=s) for slug, s in groups.items()]

    def order(election):
        first = (election.stages[0].sort_key[0] - EPOCH).total_seconds()
        last = (election.stages[-1].sort_key[0] - EPOCH).total_seconds()
        rank = {CURRENT: 0, COMING: 1, PAST: 2}[election.status]
        return (rank, -last if rank == 2 else first, election.slug)

    return sorted(elections, key=order)


def current_and_next(elections):
    """Return (stages running now in start order, the first stage still to come or None)."""
    stages = sorted((s for e in elections for s in e.stages), key=lambda s: s.sort_key)
    current = [s for s in stages if s.status == CURRENT]
    coming = [s for s in stages if s.status == COMING]
    return current, (coming[0] if coming else None)


def election_periods(elections):
    """Return each election's stage period ({"start", "end", "name"}, dates), agenda left out.

    Read by the service report (context key kpu_election_periods): requests received then
    are answered by the shorter election-stage deadline.
    """
    periods = []
    for election in elections:
        stages = [stage for stage in election.stages if stage.jenis == STAGE]
        if not stages:
            continue
        start = min(_day(stage.start) for stage in stages)
        end = max(_day(stage.end) for stage in stages)
        periods.append({"start": start, "end": end, "name": f"Tahapan {election.name}"})
    return periods


def _day(value):
    return value.date() if isinstance(value, datetime.datetime) else value
