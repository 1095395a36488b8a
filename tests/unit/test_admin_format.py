"""The editor's `kpu-meta` format (kpu-format.js) reads and writes Pelican's `Key: value` files.

The format runs in Node with the field model a real build writes (admin/kpu-model.json), in one
Node process that answers many requests (one JSON line in, one JSON line out).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pelican.readers import MarkdownReader

from tests.conftest import ROOT, make_settings

FORMAT_JS = ROOT / "plugins" / "kpu_admin" / "static" / "kpu-format.js"
CONTENT_FILES = sorted(
    (ROOT / "content").rglob("*.md"), key=lambda p: p.relative_to(ROOT).as_posix()
)
ORIGINAL = "KPU_ORIGINAL"

DRIVER = r"""
const readline = require('node:readline');
const KpuFormat = require(process.argv[1]);
let format = null;
const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  let reply;
  try {
    const request = JSON.parse(line);
    if (request.op === 'model') {
      format = KpuFormat.create(request.model);
      reply = { ok: true };
    } else if (request.op === 'parse') {
      reply = { ok: true, data: format.fromFile(request.text) };
    } else if (request.op === 'write') {
      reply = { ok: true, text: format.toFile(request.data) };
    } else if (request.op === 'roundtrip') {
      reply = { ok: true, text: format.toFile(format.fromFile(request.text)) };
    } else {
      reply = { ok: false, error: 'unknown op ' + request.op };
    }
  } catch (error) {
    reply = { ok: false, error: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
});
"""


class Format:
    """One Node process running kpu-format.js; each call is one request and its reply."""

    def __init__(self, model):
        self.process = subprocess.Popen(
            [shutil.which("node"), "-e", DRIVER, str(FORMAT_JS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self._ask({"op": "model", "model": model})

    def _ask(self, request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert reply["ok"], reply.get("error")
        return reply

    def parse(self, text):
        return self._ask({"op": "parse", "text": text})["data"]

    def write(self, data):
        return self._ask({"op": "write", "data": data})["text"]

    def roundtrip(self, text):
        return self._ask({"op": "roundtrip", "text": text})["text"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def model(built_site):
    return json.loads((built_site / "admin" / "kpu-model.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def fmt(model):
    if not shutil.which("node"):
        pytest.skip("Node.js is not installed")
    running = Format(model)
    yield running
    running.close()


def values(data):
    """The fields of parsed data, without the hidden copy of the original."""
    return {k: v for k, v in data.items() if k != ORIGINAL}


def test_the_model_knows_the_kinds_of_the_kit_fields(model):
    kinds = {f["name"]: f["kind"] for f in model["fields"]}
    assert kinds["Tags"] == kinds["Divisi"] == kinds["Bentuk"] == "list"
    assert kinds["Lampiran"] == "attachments"
    assert kinds["Title"] == kinds["Summary"] == kinds["Nomor"] == "text"
    assert "body" not in kinds


# a. Every file of the sample comes back byte for byte.


@pytest.mark.parametrize(
    "path", CONTENT_FILES, ids=[p.relative_to(ROOT / "content").as_posix() for p in CONTENT_FILES]
)
def test_every_sample_file_round_trips_byte_for_byte(fmt, path):
    text = path.read_bytes().decode("utf-8")
    assert fmt.roundtrip(text) == text
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n")
    assert fmt.roundtrip(crlf) == crlf
    cut = text.rstrip("\r\n")
    assert fmt.roundtrip(cut) == cut


def test_the_sample_has_files_with_continuation_lines():
    # The round trip above meets multi-line Lampiran, not only one-line headers.
    assert any("\n    " in p.read_text("utf-8").split("\n\n")[0] for p in CONTENT_FILES)


def test_a_header_only_file_round_trips(fmt):
    for text in ("Title: A\nDate: 2026-01-02\n", "Title: A\nDate: 2026-01-02", "Title: A\n\n"):
        assert fmt.roundtrip(text) == text


def test_a_field_added_after_a_last_line_without_newline_gets_its_own_line(fmt):
    data = fmt.parse("Title: A")
    data["Tags"] = ["x", "y"]
    assert fmt.write(data) == "Title: A\nTags: x, y\n"
    data = fmt.parse("Title: A\r\nDate: 2026-01-02")
    data["Tags"] = ["x"]
    data["body"] = "Isi."
    assert fmt.write(data) == "Title: A\r\nDate: 2026-01-02\r\nTags: x\r\n\r\nIsi.\r\n"


def test_a_field_written_twice_round_trips_and_an_edit_replaces_both_copies(fmt):
    text = "Title: A\nTags: x\nTags: y\n\nIsi.\n"
    assert fmt.roundtrip(text) == text
    data = fmt.parse(text)
    assert data["Tags"] == ["x"]
    data["Tags"] = ["z"]
    assert fmt.write(data) == "Title: A\nTags: z\n\nIsi.\n"


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("Title: A\nCatatan : bukan kepala\n\nIsi.\n", ["Title"]),
        ("Title: A\n  Nomor: 1\n2-kolom: x\n\nIsi.\n", ["Title", "Nomor", "2-kolom"]),
        ("Title: A\n\tNomor: 1\n\nIsi.\n", ["Title"]),
    ],
    ids=["space-before-colon", "indented-and-digit-keys", "tab"],
)
def test_the_header_ends_where_pelican_ends_it(fmt, tmp_path, text, header):
    data = fmt.parse(text)
    assert [k for k in data if k not in ("body", ORIGINAL)] == header
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    _content, metadata = read_with_pelican(path)
    assert sorted(k for k in metadata if k not in ("date", "reader")) == sorted(
        k.lower() for k in header
    )
    assert fmt.roundtrip(text) == text


def test_a_header_added_to_a_file_without_one_is_set_apart_from_the_body(fmt):
    data = fmt.parse("Isi: bukan kepala.\n")
    assert data["Isi"] == "bukan kepala."  # Pelican too reads this line as a header
    text = "\nIsi: teks.\n"
    data = fmt.parse(text)
    assert data["body"] == text
    data["Title"] = "A"
    assert fmt.write(data) == "Title: A\n\n" + text


# b. Awkward values survive an edit of another field.

UNICODE = "Pemilu – ‘2024’ ✓ ê 日本"
TRICKY_FILES = {
    "colons and two lampiran lines": (
        "Title: Pengumuman: hasil seleksi\n"
        "Date: 2024-08-16 15:00\n"
        "Category: pengumuman\n"
        "Divisi: teknis-penyelenggaraan, hukum-pengawasan\n"
        "Tags: pilkada 2024, daftar pemilih\n"
        "Summary: Satu, dua, dan tiga: semua \"dikutip\" dan 'dikutip'.\n"
        "Nomor: 112/PL.02.1-Pu/3323/2024: revisi\n"
        "Lampiran: lampiran/a.pdf | Naskah: pengumuman (PDF)\n"
        "    https://jdih.kpu.go.id/a?b=1&c=2 | JDIH KPU\n"
        "\n"
        "Isi: bukan kepala.\n"
        "\n"
        "Paragraf kedua.\n"
    ),
    "unicode and three lampiran lines": (
        f"Title: {UNICODE}\n"
        "Date: 2026-09-15\n"
        "Category: berita\n"
        "Divisi: sosdiklih-parmas\n"
        f"Tags: {UNICODE}, ê, 日本\n"
        f"Summary: {UNICODE}, lalu koma.\n"
        "Lampiran: lampiran/satu.pdf\n"
        "    lampiran/dua.pdf | Dua\n"
        "    https://kpu.go.id/berkas.pdf\n"
        "\n"
        "Isi ✓.\n"
    ),
}
EXPECTED = {
    "colons and two lampiran lines": {
        "Title": "Pengumuman: hasil seleksi",
        "Nomor": "112/PL.02.1-Pu/3323/2024: revisi",
        "Summary": "Satu, dua, dan tiga: semua \"dikutip\" dan 'dikutip'.",
        "Divisi": ["teknis-penyelenggaraan", "hukum-pengawasan"],
        "Tags": ["pilkada 2024", "daftar pemilih"],
        "Lampiran": [
            {"berkas": "lampiran/a.pdf", "label": "Naskah: pengumuman (PDF)"},
            {"berkas": "https://jdih.kpu.go.id/a?b=1&c=2", "label": "JDIH KPU"},
        ],
        "body": "Isi: bukan kepala.\n\nParagraf kedua.\n",
    },
    "unicode and three lampiran lines": {
        "Title": UNICODE,
        "Date": "2026-09-15",
        "Tags": [UNICODE, "ê", "日本"],
        "Summary": f"{UNICODE}, lalu koma.",
        "Lampiran": [
            {"berkas": "lampiran/satu.pdf", "label": ""},
            {"berkas": "lampiran/dua.pdf", "label": "Dua"},
            {"berkas": "https://kpu.go.id/berkas.pdf", "label": ""},
        ],
        "body": "Isi ✓.\n",
    },
}


@pytest.mark.parametrize("name", list(TRICKY_FILES))
@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_values_survive_an_edit_of_one_other_field(fmt, name, eol):
    text = TRICKY_FILES[name].replace("\n", eol)
    data = fmt.parse(text)
    expected = {k: v.replace("\n", eol) if k == "body" else v for k, v in EXPECTED[name].items()}
    for key, value in expected.items():
        assert data[key] == value, key
    assert fmt.roundtrip(text) == text

    data["Title"] = "Judul baru: diubah, “kutip” ✓"
    written = fmt.write(data)
    old_lines, new_lines = text.split(eol), written.split(eol)
    assert len(new_lines) == len(old_lines)
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert changed == [0]
    assert new_lines[0] == "Title: Judul baru: diubah, “kutip” ✓"

    again = fmt.parse(written)
    assert values(again) == {**values(data), "Title": "Judul baru: diubah, “kutip” ✓"}


def test_an_edited_lampiran_is_rewritten_and_the_rest_kept(fmt):
    text = TRICKY_FILES["unicode and three lampiran lines"]
    data = fmt.parse(text)
    data["Lampiran"] = [*data["Lampiran"][:2], {"berkas": "lampiran/tiga.pdf", "label": "Tiga"}]
    written = fmt.write(data)
    assert written == text.replace(
        "    https://kpu.go.id/berkas.pdf\n", "    lampiran/tiga.pdf | Tiga\n"
    )
    assert fmt.parse(written)["Lampiran"][2] == {"berkas": "lampiran/tiga.pdf", "label": "Tiga"}


def test_an_edited_list_is_written_joined_with_commas(fmt):
    text = TRICKY_FILES["colons and two lampiran lines"]
    data = fmt.parse(text)
    data["Tags"] = ["pilkada 2024", "dps", "tanggapan masyarakat"]
    written = fmt.write(data)
    assert written == text.replace(
        "Tags: pilkada 2024, daftar pemilih\n", "Tags: pilkada 2024, dps, tanggapan masyarakat\n"
    )


# c. A line break typed in the editor cannot start a new header field.


def read_with_pelican(path):
    settings = make_settings()
    reader = MarkdownReader(settings)
    return reader.read(str(path))


@pytest.mark.parametrize(
    "summary",
    ["a\nb\nKey: injected", "a\r\nKey: injected\r\n", "a\n\nKey: injected\n\nbody"],
    ids=["lf", "crlf", "blank-lines"],
)
def test_a_line_break_in_a_value_cannot_inject_a_header(fmt, tmp_path, summary):
    text = TRICKY_FILES["colons and two lampiran lines"]
    data = fmt.parse(text)
    data["Summary"] = summary
    written = fmt.write(data)
    summary_lines = [line for line in written.split("\n") if line.startswith("Summary:")]
    assert len(summary_lines) == 1
    assert not any(line.startswith("Key:") for line in written.split("\n"))
    header = written.split("\n\n")[0].split("\n")
    assert len(header) == len(text.split("\n\n")[0].split("\n"))

    path = tmp_path / "a.md"
    path.write_text(written, encoding="utf-8")
    content, metadata = read_with_pelican(path)
    assert "key" not in metadata
    # Pelican renders the summary as Markdown: one paragraph, every word kept.
    assert str(metadata["summary"]) == "<p>" + " ".join(summary.split()) + "</p>"
    assert metadata["title"] == "Pengumuman: hasil seleksi"
    assert "Paragraf kedua" in content
    assert "injected" not in content


def test_a_line_break_in_a_list_item_or_label_stays_on_one_line(fmt):
    data = fmt.parse(TRICKY_FILES["colons and two lampiran lines"])
    data["Tags"] = ["satu\nKey: x", "dua"]
    data["Lampiran"] = [{"berkas": "lampiran/a.pdf", "label": "Naskah\nKey: y"}]
    written = fmt.write(data)
    assert "Tags: satu Key: x, dua\n" in written
    assert "Lampiran: lampiran/a.pdf | Naskah Key: y\n" in written
    assert not any(line.startswith("Key:") for line in written.split("\n"))


# d. A new entry: the form's order, a blank line, the body.


def test_a_new_entry_is_written_in_data_order(fmt):
    data = {
        "Title": "Rapat pleno: hasil",
        "Date": "2026-09-15 10:00",
        "Category": "pengumuman",
        "Divisi": ["teknis-penyelenggaraan", "hukum-pengawasan"],
        "Tags": ["pilkada 2024", "dps"],
        "Summary": "Ringkasan, dengan koma.",
        "Nomor": "1/PL.02/2026",
        "Lampiran": [
            {"berkas": "lampiran/a.pdf", "label": "Naskah"},
            {"berkas": "https://jdih.kpu.go.id", "label": ""},
        ],
        "Image": "",
        "Image_alt": None,
        "Image_caption": "",
        "body": "Isi pertama.\n\nIsi kedua.",
    }
    written = fmt.write(data)
    assert written == (
        "Title: Rapat pleno: hasil\n"
        "Date: 2026-09-15 10:00\n"
        "Category: pengumuman\n"
        "Divisi: teknis-penyelenggaraan, hukum-pengawasan\n"
        "Tags: pilkada 2024, dps\n"
        "Summary: Ringkasan, dengan koma.\n"
        "Nomor: 1/PL.02/2026\n"
        "Lampiran: lampiran/a.pdf | Naskah\n"
        "    https://jdih.kpu.go.id\n"
        "\n"
        "Isi pertama.\n"
        "\n"
        "Isi kedua.\n"
    )
    parsed = fmt.parse(written)
    for key in ("Title", "Divisi", "Tags", "Summary", "Nomor", "Lampiran"):
        assert parsed[key] == data[key], key


def test_a_new_entry_in_another_order_keeps_that_order(fmt):
    written = fmt.write({"Judul": "J", "Klasifikasi": "berkala", "Tahun": "2025", "body": "B\n"})
    assert written == "Judul: J\nKlasifikasi: berkala\nTahun: 2025\n\nB\n"


def test_a_new_entry_without_a_body_has_no_blank_line(fmt):
    written = fmt.write({"Judul": "J", "Bentuk": ["cetak", "elektronik"], "Lampiran": []})
    assert written == "Judul: J\nBentuk: cetak, elektronik\n"


# e. Emptying a field removes its line.


@pytest.mark.parametrize(
    ("field", "empty", "line"),
    [
        ("Tags", [], "Tags: pilkada 2024, daftar pemilih\n"),
        ("Summary", "", "Summary: Satu, dua, dan tiga: semua \"dikutip\" dan 'dikutip'.\n"),
        ("Nomor", "   ", "Nomor: 112/PL.02.1-Pu/3323/2024: revisi\n"),
        (
            "Lampiran",
            [],
            "Lampiran: lampiran/a.pdf | Naskah: pengumuman (PDF)\n"
            "    https://jdih.kpu.go.id/a?b=1&c=2 | JDIH KPU\n",
        ),
        ("Nomor", None, "Nomor: 112/PL.02.1-Pu/3323/2024: revisi\n"),
    ],
)
def test_emptying_a_field_removes_its_line(fmt, field, empty, line):
    text = TRICKY_FILES["colons and two lampiran lines"]
    data = fmt.parse(text)
    data[field] = empty
    written = fmt.write(data)
    assert line in text
    assert written == text.replace(line, "")
    assert field not in fmt.parse(written)


def test_a_deleted_key_removes_its_line(fmt):
    text = TRICKY_FILES["colons and two lampiran lines"]
    data = fmt.parse(text)
    del data["Tags"]
    assert fmt.write(data) == text.replace("Tags: pilkada 2024, daftar pemilih\n", "")


def test_the_body_edit_keeps_every_header_byte(fmt):
    text = TRICKY_FILES["unicode and three lampiran lines"].replace("\n", "\r\n")
    data = fmt.parse(text)
    data["body"] = "Baru.\n\nLagi."
    written = fmt.write(data)
    head = text.split("\r\n\r\n")[0]
    assert written == head + "\r\n\r\nBaru.\r\n\r\nLagi.\r\n"


def test_the_pelican_reader_reads_what_the_format_writes(fmt, tmp_path):
    path = tmp_path / "b.md"
    text = TRICKY_FILES["colons and two lampiran lines"]
    data = fmt.parse(text)
    data["Title"] = UNICODE
    path.write_text(fmt.write(data), encoding="utf-8")
    _content, metadata = read_with_pelican(path)
    assert metadata["title"] == UNICODE
    assert metadata["nomor"] == "112/PL.02.1-Pu/3323/2024: revisi"
    assert [str(t) for t in metadata["tags"]] == ["pilkada 2024", "daftar pemilih"]
    assert Path(path).read_text("utf-8").count("\n    ") == 1
