"""ServiceReportGenerator: the yearly public-information service report from the register."""

import csv
import datetime
import html
import io
import json
import logging
import os
import re

from pelican.generators import Generator

from kpu_buildstate import contract
from kpu_gate.handlers import gate_state
from kpu_gate.vet import Document, vet_document
from kpu_messages import Problem, record_problems
from kpu_office.model import office_now
from kpu_service_report.figures import Deadline, Period, month_name, service_figures
from kpu_service_report.register import COLUMNS, parse_register
from kpu_service_report.settings import DEFAULT_DIP_FIELDS
from kpu_service_report.workdays import SHIPPED_HOLIDAYS, covered_years, parse_holidays

logger = logging.getLogger(__name__)

REGISTER_NAME = re.compile(r"^(\d{4})\.csv$")
NOTE_NAME = re.compile(r"^(\d{4})\.md$")
LOCAL_HOLIDAYS = "hari-libur.csv"
# Context key other plugins (the stages timeline) fill with election periods:
# a list of {"start": date, "end": date, "name": str}.
ELECTION_PERIODS_KEY = "kpu_election_periods"


class ServiceReport:
    """One year's report: its figures, the rows behind them, the note and its addresses."""

    def __init__(self, year, requests, figures, note, url, provisional):
        self.year = year
        self.requests = requests
        self.figures = figures
        self.note = note  # HTML of the office's note on obstacles and follow-up, or ""
        self.url = url
        self.save_as = url + "index.html"
        self.data_base = f"{url}laporan-layanan-{year}"
        self.provisional = provisional  # the year is not over yet


def register_rows(requests):
    """Return the register as open-data records (column -> text), in the published order."""
    rows = []
    for r in requests:
        rows.append(
            {
                "tanggal_diterima": r.received.isoformat(),
                "saluran": r.channel,
                "kategori_pemohon": r.category,
                "informasi_diminta": r.requested,
                "keputusan": r.decision,
                "dasar_penolakan": r.refusal_basis,
                "tanggal_dijawab": r.answered.isoformat() if r.answered else "",
                "perpanjangan": "ya" if r.extended else "tidak",
                "tanggal_keberatan": r.objection_date.isoformat() if r.objection_date else "",
                "hasil_keberatan": r.objection_outcome,
                "tanggal_sengketa": r.dispute_date.isoformat() if r.dispute_date else "",
                "hasil_sengketa": r.dispute_outcome,
            }
        )
    return rows


def to_csv(rows):
    """Write the register rows as CSV text (Excel reads it as UTF-8 through the BOM)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _plain(value):
    if isinstance(value, Deadline):
        return {"nama": value.name, "hari": value.days, "perpanjangan": value.extension,
                "dasar": value.basis}  # fmt: skip
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_json(report, publisher):
    """Write the figures and the rows as JSON open data."""
    document = {
        "judul": f"Laporan Layanan Informasi Publik Tahun {report.year}",
        "penerbit": publisher,
        "sementara": report.provisional,
        "ringkasan": _plain(report.figures),
        "register": register_rows(report.requests),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def report_summary(figures):
    """Return the one-line summary the report's DIP item carries."""
    return (
        f"{figures['total']} permohonan informasi; {figures['on_time']} dari"
        f" {figures['answered']} dijawab dalam jangka waktu; {figures['objections']}"
        f" keberatan dan {figures['disputes']} sengketa informasi."
    )


class ServiceReportGenerator(Generator):
    """Own the register folder: read every year's register and write its report."""

    def __init__(self, *args, **kwargs):
        self.reports = []
        super().__init__(*args, **kwargs)

    def _folder(self):
        return os.path.join(self.path, self.settings["KPU_SERVICE_REGISTER_PATH"])

    def _relative(self, name):
        return f"{self.settings['KPU_SERVICE_REGISTER_PATH']}/{name}"

    def _holidays(self):
        """Read the shipped holiday list plus the office's own (regional holidays)."""
        holidays, problems = parse_holidays(SHIPPED_HOLIDAYS.read_text(encoding="utf-8"))
        if problems:  # the kit's own file: a mistake there is ours, not the admin's
            raise ValueError(f"{SHIPPED_HOLIDAYS}: {problems[0]}")
        local = os.path.join(self._folder(), LOCAL_HOLIDAYS)
        if os.path.isfile(local):
            with open(local, encoding="utf-8-sig") as handle:
                extra, problems = parse_holidays(handle.read())
            if problems:
                record_problems(self.context, self._relative(LOCAL_HOLIDAYS), problems)
            holidays.update(extra)
        return holidays

    def _periods(self):
        periods = [
            Period(
                datetime.date.fromisoformat(p["mulai"]),
                datetime.date.fromisoformat(p["selesai"]),
                p["nama"],
            )
            for p in self.settings["KPU_SERVICE_ELECTION_PERIODS"]
        ]
        for p in self.context.get(ELECTION_PERIODS_KEY, []):
            periods.append(Period(p["start"], p["end"], p["name"]))
        return sorted(periods, key=lambda p: (p.start, p.end))

    def _note(self, year):
        """Return (HTML, metadata) of the office's note for the year, if it wrote one."""
        path = os.path.join(self._folder(), f"{year}.md")
        if not os.path.isfile(path):
            return "", {}
        body, metadata = self.readers.readers["md"].read(path)
        # The note is published as HTML: it passes the same content gate as a PPID item.
        gate = gate_state(self.settings)
        document = Document(source_path=path, fragment=body, links_replaced=False)
        problems = vet_document(document, gate.passed, gate.listings)
        if problems:
            record_problems(self.context, self._relative(f"{year}.md"), problems)
            return "", {}
        return body, metadata

    def generate_context(self):
        """Read each <year>.csv, list every mistake, count the figures, offer the DIP items."""
        folder = self._folder()
        if not os.path.isdir(folder):
            return
        holidays = self._holidays()
        normal = Deadline("biasa", **_deadline_args(self.settings["KPU_SERVICE_DEADLINE"]))
        election = Deadline(
            "tahapan", **_deadline_args(self.settings["KPU_SERVICE_ELECTION_DEADLINE"])
        )
        periods = self._periods()
        today = office_now(self.settings).date()
        for name in sorted(os.listdir(folder)):
            relative = self._relative(name)
            if name == LOCAL_HOLIDAYS or NOTE_NAME.match(name):
                continue
            match = REGISTER_NAME.match(name)
            if not match:
                record_problems(
                    self.context,
                    relative,
                    [
                        Problem(
                            f'"{name}" tidak dipakai: folder register hanya memuat <tahun>.csv'
                            f" (misalnya 2025.csv), <tahun>.md untuk catatan kendala dan"
                            f" tindak lanjut, dan {LOCAL_HOLIDAYS}.",
                            line=1,
                        )
                    ],
                )
                continue
            year = int(match.group(1))
            with open(os.path.join(folder, name), encoding="utf-8", newline="") as handle:
                requests, problems = parse_register(handle.read(), year)
            if year not in covered_years(holidays):
                problems.append(
                    Problem(
                        f"daftar hari libur belum memuat tahun {year}: tambahkan hari libur"
                        f" nasional dan cuti bersama tahun itu ke {LOCAL_HOLIDAYS} di folder"
                        " register (lihat panduan admin).",
                        line=1,
                    )
                )
            if problems:
                record_problems(self.context, relative, problems)
                continue
            figures = service_figures(requests, holidays, periods, normal, election)
            note, metadata = self._note(year)
            url = self.settings["KPU_SERVICE_REPORT_URL"].format(slug=year)
            report = ServiceReport(
                year, requests, figures, note, url, provisional=year >= today.year
            )
            self.reports.append(report)
            self._offer_dip_item(report, relative, metadata, today)
        self.reports.sort(key=lambda r: r.year, reverse=True)
        self.context["kpu_service_reports"] = self.reports

    def _offer_dip_item(self, report, source, note_metadata, today):
        """Offer the report to the DIP as a setiap-saat item that links to its page."""
        office = self.settings["KPU_OFFICE"]["name"]
        fields = {**DEFAULT_DIP_FIELDS, **self.settings["KPU_SERVICE_DIP_FIELDS"]}
        fields = {k: v.replace("{office}", office) for k, v in fields.items()}
        made = min(datetime.date(report.year, 12, 31), today)
        siteurl = self.settings["SITEURL"]
        metadata = {
            "Judul": f"Laporan Layanan Informasi Publik Tahun {report.year}",
            "Klasifikasi": "setiap-saat",
            "Kelompok": "laporan-layanan-informasi",
            "Tahun": str(report.year),
            "Tanggal": made.isoformat(),
            "Ringkasan": report_summary(report.figures),
            "Waktu_Pembuatan": f"{month_name(made.month)} {made.year}",
            "Slug": f"laporan-layanan-informasi-{report.year}",
            **fields,
        }
        body = (
            f'<p>Laporan lengkap: <a href="{html.escape(siteurl)}/{html.escape(report.url)}">'
            f"Laporan Layanan Informasi Publik Tahun {report.year}</a> (halaman yang dapat"
            " dicetak atau disimpan sebagai PDF), beserta data terbukanya dalam CSV dan"
            " JSON.</p>"
        )
        contract.offer_ppid_item(self.settings, source, metadata, body)

    def generate_output(self, writer):
        """Write each year's page and its CSV and JSON."""
        template = self.get_template("laporan_layanan")
        publisher = self.settings.get("SITENAME", "")
        for report in self.reports:
            writer.write_file(
                report.save_as,
                template,
                self.context,
                self.settings["RELATIVE_URLS"],
                report=report,
                url=report.url,
            )
            contract.record_page_source(
                self.settings,
                report.save_as,
                os.path.join(self._folder(), f"{report.year}.csv"),
            )
            rows = register_rows(report.requests)
            self._write(report.data_base + ".csv", to_csv(rows), encoding="utf-8-sig")
            self._write(report.data_base + ".json", to_json(report, publisher))

    def _write(self, relative, text, encoding="utf-8"):
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        contract.write_or_keep(self.settings, path, text.encode(encoding))


def _deadline_args(value):
    return {"days": value["hari"], "extension": value["perpanjangan"], "basis": value["dasar"]}
