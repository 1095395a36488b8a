"""Captions per channel: X's 280 as X counts them, no link on Instagram, no word cut."""

import re

import pytest

from kpu_images.social import (
    BIO_LINE,
    CHANNELS,
    X_LIMIT,
    Post,
    captions,
    first_sentences,
    hashtag,
    instagram_caption,
    post_of,
    trim_words,
    whatsapp_caption,
    x_caption,
    x_length,
)

URL = "https://kab-contoh.kpu.go.id/berita/2024/rapat-pleno-rekapitulasi-hasil-penghitungan/"
LONG_TITLE = (
    "Rapat koordinasi evaluasi pengelolaan kehumasan, laman resmi, media sosial dan layanan "
    "informasi publik KPU kabupaten dan kota se-Jawa Tengah menjelang tahapan pemilihan "
    "serentak berikutnya di seluruh wilayah"
)
LONG_SUMMARY = (
    "KPU Kabupaten Contoh menggelar rapat pleno terbuka rekapitulasi hasil penghitungan "
    "perolehan suara tingkat kabupaten yang dihadiri saksi, pengawas dan pemantau pemilihan. "
    "Hasilnya ditetapkan dalam berita acara dan diumumkan kepada masyarakat melalui laman resmi "
    "serta papan pengumuman di kantor KPU Kabupaten Contoh pada hari yang sama."
)
HASHTAGS = ("#Pemilu2024", "#DPT", "#KPUContoh", "#TemanPemilih")
POSTS = {
    "pendek": Post("Rapat pleno DPT", "Satu. Dua! Tiga?", URL, HASHTAGS),
    "ringkasan panjang": Post("Rapat pleno", LONG_SUMMARY, URL, HASHTAGS),
    "judul panjang": Post(LONG_TITLE, LONG_SUMMARY, URL, HASHTAGS),
    "judul sangat panjang": Post(LONG_TITLE * 2, LONG_SUMMARY, URL, HASHTAGS),
    "tanpa ringkasan": Post("Rapat pleno", "", URL, ()),
    "emoji": Post("Ayo memilih 🗳️🗳️", "🗳️ " * 150, URL, HASHTAGS),
}
WORDS = re.compile(r"[^\s…]+")


def _words(text):
    return set(WORDS.findall(text))


@pytest.mark.parametrize("post", POSTS.values(), ids=list(POSTS))
def test_the_x_post_fits_280_as_x_counts_and_keeps_the_link(post):
    text = x_caption(post)
    assert x_length(text) <= X_LIMIT
    assert URL in text and text.count("http") == 1


@pytest.mark.parametrize("post", POSTS.values(), ids=list(POSTS))
def test_no_caption_cuts_a_word_in_the_middle(post):
    source = _words(" ".join([post.title, post.summary, post.url, *post.hashtags, BIO_LINE]))
    for channel, text in captions(post).items():
        assert _words(text) <= source | {"*" + w for w in source} | {w + "*" for w in source}, (
            channel,
            _words(text) - source,
        )


def test_a_long_x_post_drops_the_second_sentence_then_shortens_with_an_ellipsis():
    text = x_caption(POSTS["ringkasan panjang"])
    assert "Hasilnya" not in text and "…" not in text
    text = x_caption(POSTS["judul sangat panjang"])
    assert text.split("\n\n")[0].endswith("…") and text.endswith(URL)


def test_x_post_takes_hashtags_only_while_they_fit():
    assert x_caption(POSTS["pendek"]).endswith("#Pemilu2024 #DPT #KPUContoh #TemanPemilih")
    assert "#" not in x_caption(POSTS["judul panjang"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abc", 3),
        (URL, 23),
        (f"Lihat {URL} dan http://a.id", 6 + 23 + 5 + 23),
        ("…", 2),  # outside X's light ranges
        ("–", 1),
        ("🗳", 2),
        ("é", 1),
    ],
)
def test_x_length_counts_links_as_23_and_wide_characters_twice(text, expected):
    assert x_length(text) == expected


@pytest.mark.parametrize("post", POSTS.values(), ids=list(POSTS))
def test_instagram_has_no_link_but_the_bio_line_and_hashtags(post):
    text = instagram_caption(post)
    assert not re.search(r"https?://", text)
    assert BIO_LINE in text.splitlines()
    assert all(tag in text for tag in post.hashtags)


def test_instagram_drops_links_written_in_the_summary():
    text = instagram_caption(Post("Judul", f"Baca di {URL} sekarang.", URL, ()))
    assert "Baca di sekarang." in text and "http" not in text


def test_facebook_and_whatsapp_carry_the_whole_summary_and_the_link():
    post = POSTS["ringkasan panjang"]
    texts = captions(post)
    for channel in ("facebook", "whatsapp"):
        assert LONG_SUMMARY in texts[channel] and URL in texts[channel]
    assert texts["facebook"].rstrip().endswith(" ".join(HASHTAGS))
    assert whatsapp_caption(Post("Rapat *penting*", "", URL, ())).startswith("*Rapat penting*\n")


def test_every_channel_has_a_caption_ending_in_a_newline():
    texts = captions(POSTS["pendek"])
    assert list(texts) == [channel for channel, _label in CHANNELS]
    assert all(text.endswith("\n") and not text.endswith("\n\n") for text in texts.values())


def test_trim_words_stops_at_a_word_and_drops_trailing_punctuation():
    assert trim_words("Satu dua, tiga empat", 10) == "Satu dua…"
    assert trim_words("Pendek", 10) == "Pendek"
    assert trim_words("Satukatayangsangatpanjang", 10) == "…"


def test_post_of_strips_markup_and_keeps_hashtags_unique():
    class Article:
        title = "Rapat  pleno DPT"
        summary = "<p>Satu &amp; dua.</p>\n<p>Tiga.</p>"
        tags = ["dpt", "pemilu 2024"]

    post = post_of(Article(), URL, ["#KPUContoh", "#DPT"])
    assert post == Post(
        "Rapat pleno DPT", "Satu & dua. Tiga.", URL, ("#DPT", "#Pemilu2024", "#KPUContoh")
    )


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("pemilu 2024", "#Pemilu2024"), ("ppid", "#PPID"), ("daftar pemilih", "#DaftarPemilih")],
)
def test_hashtags(tag, expected):
    assert hashtag(tag) == expected


def test_first_sentences():
    assert first_sentences("A. B! C?") == "A. B!"
    assert first_sentences("A. B. C.", 1) == "A."
