"""Ranking: a rare word from an article finds that article first, with the options /cari/ uses.

The words are picked from what Pagefind indexed (the bundle's page fragments) by one fixed
rule, never by whether they pass: words of at least 7 letters found in exactly one page, in
the order of their BLAKE2b digest, the first 30.
"""

import gzip
import hashlib
import json

import pytest

pytestmark = pytest.mark.browser

WORDS = 30
SHORTEST = 7
PUNCTUATION = ".,;:!?()[]\"'“”‘’«»"
# Every word searched through the real Pagefind API in the page, with the ranking options the
# page gives its search interface (data-search-ranking); returns the URLs of the first five.
SEARCH = """async (words) => {
  const root = document.getElementById("pencarian");
  const pagefind = await import(root.getAttribute("data-search-bundle") + "pagefind.js");
  await pagefind.options({ranking: JSON.parse(root.getAttribute("data-search-ranking"))});
  const found = {};
  for (const word of words) {
    const search = await pagefind.search(word);
    const pages = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    found[word] = pages.map(page => page.url);
  }
  return found;
}"""


def indexed_pages(bundle):
    """Return {url: indexed text} of every page in a Pagefind bundle (its fragments)."""
    pages = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        pages[fragment["url"]] = fragment["content"]
    return pages


def rare_words(pages, count=WORDS, shortest=SHORTEST):
    """Return (word, url) for `count` words of `shortest`+ letters found in one page only."""
    found_in = {}
    for url, text in pages.items():
        for word in {raw.strip(PUNCTUATION).lower() for raw in text.split()}:
            if len(word) >= shortest and word.isalpha():
                found_in.setdefault(word, set()).add(url)
    rare = [(word, urls.pop()) for word, urls in found_in.items() if len(urls) == 1]
    rare.sort(key=lambda pair: hashlib.blake2b(pair[0].encode("utf-8")).hexdigest())
    return rare[:count]


def test_rare_words_find_their_page_first(browser, site_url, built_site):
    words = rare_words(indexed_pages(built_site / "pagefind"))
    assert len(words) == WORDS, "the sample has too few rare words to measure"
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/cari/")
        ranking = page.get_attribute("#pencarian", "data-search-ranking")
        found = page.evaluate(SEARCH, [word for word, _ in words])
    finally:
        page.close()
    ranks = {
        word: (found[word].index(url) + 1 if url in found[word] else None) for word, url in words
    }
    first = sum(rank == 1 for rank in ranks.values())
    top5 = sum(rank is not None for rank in ranks.values())
    print(f"\nranking {ranking}: hits@1 {first}/{WORDS}, hits@5 {top5}/{WORDS}")
    for word, url in words:
        if ranks[word] != 1:
            print(f"  {word}: {url} at {ranks[word] or '>5'}, first {found[word][:1]}")
    assert first >= 27 and top5 == WORDS, ranks
