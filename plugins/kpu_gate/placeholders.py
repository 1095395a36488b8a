"""The example texts `invoke new` writes into a new file, known to the gate by heart.

tasks.py fills its templates from these constants, so a placeholder left in a published item
is always recognised, whatever the scaffold says next year.
"""

NEWS_SUMMARY = "Tulis ringkasan satu atau dua kalimat di sini."
NEWS_LEAD = "Tulis paragraf pembuka di sini: apa, siapa, kapan, di mana."
NEWS_HEADING = "## Subjudul"
NEWS_BODY = "Tulis isi berita di sini. Panduan menulis ada di docs/panduan-admin.md."
HOAX_CLAIM = "Kutip klaim yang beredar di sini."
HOAX_BASIS = "Tulis aturan atau fakta yang menjadi dasar putusan."
PAGE_SUMMARY = "Tulis ringkasan satu kalimat di sini."
PAGE_BODY = "Tulis isi halaman di sini. Panduan menulis ada di docs/panduan-admin.md."
PPID_SUMMARY = "Tulis ringkasan isi informasi dalam satu atau dua kalimat."
PPID_BODY = (
    "Penjelasan tambahan (boleh dihapus). Untuk lampiran, simpan berkas di content/ppid/lampiran/"
    '\nlalu tambahkan baris di atas: "Lampiran: lampiran/nama-berkas.pdf | Judul lampiran".'
)
PPID_BASIS = "Tulis pasal UU 14/2008 dan keputusan penetapan hasil uji konsekuensi."
PPID_TEST = "Tulis alasan pengecualian menurut hasil uji konsekuensi."
PPID_PERIOD = "Tulis berapa lama informasi ini dikecualikan."

PLACEHOLDERS = (
    NEWS_SUMMARY,
    NEWS_LEAD,
    NEWS_BODY,
    HOAX_CLAIM,
    HOAX_BASIS,
    PAGE_SUMMARY,
    PAGE_BODY,
    PPID_SUMMARY,
    PPID_BODY,
    PPID_BASIS,
    PPID_TEST,
    PPID_PERIOD,
)
# Whole lines that are placeholders only when they stand alone (a heading "Subjudul").
PLACEHOLDER_LINES = (NEWS_HEADING,)


def key_phrase(text):
    """Return the first clause of an example text: enough to know it, even half-edited."""
    for mark in (":", ". ", ".\n"):
        head = text.split(mark)[0]
        if len(head) >= 20:
            text = head
    return text.split("\n")[0].rstrip(".")
