"""Mistakes in how a Markdown file is written, found where Markdown would swallow them."""

import markdown
import pytest

from kpu_gate import placeholders as example
from kpu_gate.source import (
    code_block_problems,
    field_problems,
    header_problems,
    list_problems,
    placeholder_problems,
    split_header,
    tab_problems,
)
from kpu_gate.vet import Document, Passed, vet_document

HEAD = "Title: Uji\nDate: 2024-01-02 10:00\n"


def _markdown(text):
    return markdown.Markdown(
        extensions=["extra", "meta", "sane_lists", "toc"], output_format="html5"
    ).convert(text)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (
            HEAD + "Lampiran: a.pdf | A\n  b.pdf | B\n\nIsi.\n",
            4,
            "harus diawali 4 spasi (di sini 2)",
        ),
        (HEAD + "Lampiran: a.pdf | A\n b.pdf | B\n\nIsi.\n", 4, "(di sini 1)"),
        (
            HEAD + "Category berita\nDivisi: x\n\nIsi.\n",
            3,
            'kepala berkas berhenti di baris "Category',
        ),
        (HEAD + "Image alt: Rapat\n\nIsi.\n", 3, "bukan kolom"),
    ],
)
def test_a_header_that_markdown_ends_early_is_reported_at_that_line(text, line, expected):
    (problem,) = header_problems(split_header(text))
    assert problem.line == line and expected in problem


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "Lampiran: a.pdf | A\n    b.pdf | B\n\nIsi.\n",
        HEAD + "Lampiran: a.pdf | A\n\tb.pdf | B\n\nIsi.\n",  # a tab is 4 spaces to Markdown
        "\ufeff" + HEAD + "\nIsi.\n",
        "Tanpa kepala sama sekali.\n",
    ],
)
def test_a_whole_header_has_no_problem(text):
    assert header_problems(split_header(text)) == []


def test_header_split_matches_what_markdown_reads():
    text = HEAD + "Lampiran: a.pdf | A\n    b.pdf | B\n  c.pdf | C\n\nIsi.\n"
    converter = markdown.Markdown(extensions=["meta"])
    converter.convert(text)
    header = split_header(text)
    values = [value for _line, key, value in header.fields if key == "Lampiran"]
    assert values == converter.Meta["lampiran"] == ["a.pdf | A", "b.pdf | B"]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("Langkah:\n\n\t- satu\n\t- dua\n", [6, 7]),
        ("Langkah:\n\t- satu\n", [5]),
        (" \tcampur spasi dan tab\n", [4]),
        ("- butir\n\t- sub-butir bertab\n", []),  # a tab nests an item inside a list
        ("- butir\n\nParagraf.\n\n\tbaris bertab\n", [8]),
        ("```\n\tkode dalam pagar\n```\n", []),
        ("Teks\tdengan tab di tengah.\n", []),
    ],
)
def test_tab_indented_lines_are_reported(body, lines):
    text = HEAD + "\n" + body
    assert [p.line for p in tab_problems(text, split_header(text))] == lines


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("Paragraf:\n- satu\n- dua\n", [5]),
        ("Paragraf:\n1. satu\n2. dua\n", [5]),
        ("> kutipan\n- butir\n", []),
        ("## Judul\n- satu\n- dua\n", []),
        ("- satu\n- dua\nlanjutan\n- tiga\n", []),
        ("Paragraf.\n\n- satu\n", []),
        ("```\nteks\n- bukan daftar\n```\n", []),
        ("Tahun\n2024. Pemilu.\n", []),
    ],
)
def test_list_items_run_into_a_paragraph_are_reported(body, lines):
    text = HEAD + "\n" + body
    problems = list_problems(text, split_header(text))
    assert [p.line for p in problems] == lines
    if lines:  # and Markdown really made no list of them
        assert "<li>" not in _markdown(text)


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("Paragraf.\n\n    1. satu\n    2. dua\n", [6]),
        ("Paragraf.\n\n        sangat menjorok\n", [6]),
        ("- butir\n\n    lanjutan butir\n", []),
        ("```\n    kode dalam pagar\n```\n", []),
        ("Paragraf biasa.\n", []),
    ],
)
def test_indented_lines_that_become_a_code_box_are_reported(body, lines):
    text = HEAD + "\n" + body
    problems = code_block_problems(text, split_header(text), _markdown(text))
    assert [p.line for p in problems] == lines


@pytest.mark.parametrize("placeholder", example.PLACEHOLDERS)
def test_every_invoke_new_placeholder_is_recognised(placeholder):
    text = HEAD + f"Summary: x\n\n{placeholder}\n"
    (problem,) = placeholder_problems(text, "")
    assert "teks contoh dari invoke new masih ada" in problem
    assert problem.needle and problem.needle in text


def test_the_scaffold_heading_is_reported_at_its_line():
    text = HEAD + "\n" + example.NEWS_HEADING + "\n\nIsi.\n"
    (problem,) = placeholder_problems(text, "")
    assert problem.line == 4 and "Subjudul" in problem


def _document(tmp_path, text, **fields):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    return Document(str(path), _markdown(text), **fields)


def test_a_draft_may_keep_placeholders_a_live_item_may_not(tmp_path):
    text = HEAD + f"Summary: {example.NEWS_SUMMARY}\n\nIsi.\n"
    assert vet_document(_document(tmp_path, text, live=False)) == []
    assert vet_document(_document(tmp_path, text, live=True))


def test_dates_are_checked_in_the_header_at_their_line(tmp_path):
    text = "Title: Uji\nDate: 25/05/2024\n\nIsi.\n"
    (problem,) = vet_document(_document(tmp_path, text, date_fields=("Date",)))
    assert problem.line == 2 and '"2024-05-25 10:00"' in problem


def test_a_document_that_passed_is_not_judged_again(tmp_path, monkeypatch):
    import kpu_gate.vet

    document = _document(tmp_path, HEAD + "\nIsi bersih.\n")
    passed = Passed()
    assert vet_document(document, passed) == [] and len(passed.seen) == 1
    later = Passed(known=set(passed.seen))
    monkeypatch.setattr(kpu_gate.vet, "_judge", lambda *args: pytest.fail("judged again"))
    assert vet_document(document, later) == [] and later.seen == passed.seen
    (tmp_path / "a.md").write_text(HEAD + "\nIsi\tdiubah.\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception):
        vet_document(document, later)  # a changed file is judged again


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        ("Langkah:\n\n1) datang ke TPS\n", 6, 'Markdown membaca "1." (titik), bukan "1)"'),
        ("Bawa:\n\n• KTP elektronik\n", 6, 'memakai tanda "•"'),
        ("- Dokumen\n  - KTP\n", 5, "menjorok 2 spasi"),
    ],
)
def test_list_markers_markdown_does_not_read_are_reported(body, line, expected):
    text = HEAD + "\n" + body
    (problem,) = list_problems(text, split_header(text))
    assert problem.line == line and expected in problem
    html = _markdown(text)
    assert "<ol>" not in html and html.count("<ul>") <= 1  # no numbered, no nested list


@pytest.mark.parametrize(
    ("header", "multi_line", "lines"),
    [
        ("Image_alt: Kantor\n    tampak depan\n", {"lampiran", "summary"}, [4]),
        ("Summary: Satu\n    dua\n", {"lampiran", "summary"}, []),
        ("Lampiran: a.pdf\n    b.pdf\n", {"lampiran", "summary"}, []),
        ("Date: 2024-01-03 10:00\n", {"lampiran"}, [3]),
        ("Ringkasan: satu\n    dua\n", None, []),  # PPID: continued fields are joined
        ("Lampiran: a.pdf\nLampiran: b.pdf\n", None, []),
    ],
)
def test_fields_written_twice_or_continued_when_they_take_one_line(header, multi_line, lines):
    text = HEAD + header + "\nIsi.\n"
    problems = field_problems(split_header(text), multi_line)
    assert [p.line for p in problems] == lines


def test_half_edited_placeholders_are_still_recognised():
    text = HEAD + "\n**TEMANGGUNG** – Tulis paragraf pembuka di sini.\n"
    (problem,) = placeholder_problems(text, "")
    assert "Tulis paragraf pembuka di sini" in problem


def test_a_problem_is_placed_where_its_text_is_markup_not_where_it_is_quoted(tmp_path):
    text = HEAD + "\nJangan tulis `<script>` di sini.\n\n<script>x</script>\n"
    problems = vet_document(_document(tmp_path, text))
    assert [p.line for p in problems if "<script>" in p] == [6]
