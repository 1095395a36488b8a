"""Generate a deterministic synthetic regency site for the benchmark.

N news items over every division and type, dated over the five years before REFERENCE, with
realistic Markdown (headings, lists, tables, links, images), M = N/5 PPID items with small
PDFs, K = N/20 photos of 3000x2000 with EXIF (the issue's corpus: 2,000 news, 400 PPID items,
100 photos).
"""

import datetime
import io
import random
import shutil
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["berita", "berita", "berita", "features", "opini", "pengumuman", "klarifikasi-hoaks"]
DIVISIONS = [
    "keuangan-umum-logistik",
    "sosialisasi-parmas-sdm",
    "perencanaan-data-informasi",
    "teknis-penyelenggaraan",
    "hukum-pengawasan",
    "sekretariat",
]
WORDS = (
    "pemilu pemilihan tahapan pemutakhiran data pemilih rekapitulasi suara kotak logistik "
    "sosialisasi partisipasi masyarakat kecamatan desa kelurahan badan adhoc rapat pleno "
    "keputusan pengumuman informasi publik layanan kehumasan anggaran laporan kinerja"
).split()
# News dates spread over the five years (1,826 days) before today, so that about a fifth of
# the items are less than 12 months old and get their own share card. Today, not a fixed day:
# the share-card rule counts 12 months back from the build, so a fixed day would leave the
# corpus without recent items a year later.
REFERENCE = datetime.date.today()
SPREAD_DAYS = 1826
# A whole one-page PDF without a cross-reference table, as simple generators write them: the
# gate repairs and cleans it (the site never publishes a PDF with its Info dictionary).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"4 0 obj<</Author(Humas)/Producer(bench)>>endobj\n"
    b"trailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n"
)


def sentence(rng, words=14):
    """Return one Indonesian-looking sentence."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def photo(rng, index):
    """Return a 3000x2000 JPEG with EXIF (camera, orientation, GPS), like a phone photo."""
    image = Image.new("RGB", (3000, 2000), (rng.randrange(256), rng.randrange(256), 120))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(2800), rng.randrange(1800)
        draw.rectangle([x, y, x + 200, y + 200], fill=(rng.randrange(256), 40, rng.randrange(256)))
    exif = Image.Exif()
    exif[0x010F] = "KameraBench"
    exif[0x0112] = 1 + index % 8
    gps = exif.get_ifd(0x8825)
    gps[2] = (7.0, float(index % 60), 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def news_item(rng, index, photos):
    """Return the Markdown of one news item."""
    kind = TYPES[index % len(TYPES)]
    divisions = [DIVISIONS[index % 6]] + ([DIVISIONS[(index + 2) % 6]] if index % 5 == 0 else [])
    # A prime stride visits every day of the spread in a scrambled order, whatever N is.
    day = REFERENCE - datetime.timedelta(days=index * 7919 % SPREAD_DAYS)
    year = day.year
    date = f"{day:%Y-%m-%d} {8 + index % 9:02d}:{index % 60:02d}"
    header = [
        f"Title: {sentence(rng, 7)[:-1]} {index}",
        f"Date: {date}",
        f"Category: {kind}",
        f"Divisi: {', '.join(divisions)}",
        f"Tags: {rng.choice(WORDS)}, {rng.choice(WORDS)}",
        f"Summary: {sentence(rng)} {sentence(rng)}",
    ]
    if kind == "klarifikasi-hoaks":
        header += [
            f"Klaim: {sentence(rng)}",
            "Putusan: hoaks",
            f"Dasar: {sentence(rng)}",
            "Sumber: https://www.kpu.go.id",
        ]
    if kind == "pengumuman":
        header.append(f"Nomor: {index}/PL.01-Pu/3323/{year}")
    body = [f"**TEMANGGUNG** – {sentence(rng)} {sentence(rng)}", "", "## Latar", ""]
    body += [" ".join(sentence(rng) for _ in range(5)), "", "- " + sentence(rng, 6)]
    body += ["- " + sentence(rng, 6), "- " + sentence(rng, 6), "", "## Jadwal", ""]
    body += [
        "| Tahapan | Waktu |",
        "|---|---|",
        "| Pendaftaran | Januari |",
        "| Verifikasi | Maret |",
    ]
    body += ["", f"Lihat juga [halaman kontak](/kontak/) dan [PPID](/ppid/). {sentence(rng)}"]
    if photos and index % 5 == 0:
        body += ["", f"![Foto kegiatan {index}](/images/{photos[index // 5 % len(photos)]})"]
    body += ["", " ".join(sentence(rng) for _ in range(6))]
    return "\n".join(header) + "\n\n" + "\n".join(body) + "\n"


def ppid_item(rng, index):
    """Return the Markdown of one PPID item (every fifth one exempt)."""
    year = 2018 + index % 8
    if index % 5 == 4:
        return (
            f"Judul: Informasi dikecualikan {index}\nKlasifikasi: dikecualikan\n"
            f"Kelompok: rahasia-pribadi\nTahun: {year}\nTanggal: {year}-06-01\n"
            f"Dasar_Hukum: Pasal 17 huruf h UU 14/2008\nUji_Konsekuensi: {sentence(rng)}\n"
            "Jangka_Waktu_Pengecualian: 5 tahun\n"
        )
    return (
        f"Judul: Dokumen informasi publik {index}\nKlasifikasi: berkala\n"
        f"Kelompok: {['kinerja', 'laporan-keuangan', 'tahapan-pemilu'][index % 3]}\n"
        f"Tahun: {year}\nTanggal: {year}-03-01\nRingkasan: {sentence(rng)}\n"
        "Penguasa_Informasi: Subbagian Teknis\nPenanggung_Jawab: Sekretaris\n"
        f"Waktu_Pembuatan: Maret {year}\nTempat_Pembuatan: Kantor\nBentuk: elektronik\n"
        f"Retensi: 5 tahun\nLampiran: lampiran/dokumen-{index}.pdf | Dokumen {index}\n"
    )


def generate(target, news, seed=2026):
    """Write the synthetic content tree for `news` items into `target`/content."""
    rng = random.Random(seed)
    content = Path(target) / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "berita").mkdir(parents=True)
    (content / "ppid" / "lampiran").mkdir(parents=True)
    (content / "images").mkdir()
    photos = [f"foto-{i:05d}.jpg" for i in range(max(1, news // 20))]
    for index, name in enumerate(photos):
        (content / "images" / name).write_bytes(photo(rng, index))
    for index in range(news):
        path = content / "berita" / f"2020-01-01-berita-{index:05d}.md"
        path.write_text(news_item(rng, index, photos), encoding="utf-8")
    for index in range(news // 5):
        (content / "ppid" / f"ppid-{index:05d}.md").write_text(ppid_item(rng, index), "utf-8")
        (content / "ppid" / "lampiran" / f"dokumen-{index}.pdf").write_bytes(PDF)
    return content
