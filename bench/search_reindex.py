"""Measure a full Pagefind re-index against partial ones, after one indexed page changes.

Usage: python bench/search_reindex.py <output-folder> [--runs 3] [--work /tmp/search-reindex]

The output folder (a built site) is only read. Its pages are linked into a work folder, one
indexed page is changed there (a word added to its first paragraph), and each strategy indexes
that changed site, `--runs` times, the median printed:

- full: the kit's command line (plugins/kpu_search/indexer.py) over every HTML page.
- fragments-cli: the kept index inputs of the previous run, one small HTML file per indexed
  page holding only its <title> and its data-pagefind-body element, under the page's own
  path; the changed page's fragment is cut again and the same command line runs over the
  fragments folder.
- fragments-api: the same kept fragments sent to Pagefind's service (`pagefind --service`,
  what the Python API's add_html_file and write_files send), timed up to the reply to
  WriteFiles, before every file is surely written (see indexer.py): a lower bound.
- records-api: the kept records of the previous bundle (its fragments' text, meta and
  filters) sent as AddRecord (the Python API's add_custom_record); no heading weights or
  sub-results survive.
- changed-only: only the changed page's fragment indexed into a bundle of its own, to be
  joined at search time with Pagefind's mergeIndex (the old bundle still holds the old page).

It then compares each bundle with the full one: fragment by fragment (url, text, word count,
meta, filters, anchors), every word's pages and locations, every filter value's pages, and,
with Node, the top ten results and scores of a few queries searched by Pagefind's own
JavaScript with the kit's ranking (the changed-only bundle merged into the previous one
with mergeIndex). File names are not compared: two full runs name files differently.
"""

import argparse
import base64
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "plugins"))

from kpu_search.indexer import LANGUAGE, pagefind_command  # noqa: E402

MARKER = b"pagefind_dcd"
BODY = "data-pagefind-body"
CHANGE = "kataujiubahsatu"
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_HTML_TAG = re.compile(r"<html\b[^>]*>")


def indexed_pages(site):
    """Return the relative paths of the HTML pages that hold a data-pagefind-body element."""
    found = []
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    if BODY in handle.read():
                        found.append(os.path.relpath(path, site))
    return found


def body_element(html):
    """Return the outer HTML of the element that carries data-pagefind-body."""
    at = html.index(BODY)
    start = html.rindex("<", 0, at)
    tag = re.match(r"<([a-zA-Z0-9]+)", html[start:])[1]
    opening = re.compile(rf"<{tag}\b|</{tag}\s*>", re.I)
    depth = 0
    for match in opening.finditer(html, start):
        depth += -1 if match[0].startswith("</") else 1
        if depth == 0:
            return html[start : match.end()]
    raise ValueError("unclosed data-pagefind-body element")


def fragment(html):
    """Return the page cut to what Pagefind reads: <html>, <title> and the body element."""
    html_tag = _HTML_TAG.search(html)
    title = _TITLE.search(html)
    return (
        f"<!doctype html>\n{html_tag[0] if html_tag else '<html>'}\n<head>"
        f"{title[0] if title else ''}</head>\n<body>{body_element(html)}</body>\n</html>\n"
    )


def link_site(source, target, changed):
    """Link every HTML page of `source` into `target`; write `changed` ({path: text}) anew."""
    shutil.rmtree(target, ignore_errors=True)
    for folder, _dirs, files in os.walk(source):
        relative = os.path.relpath(folder, source)
        os.makedirs(os.path.join(target, relative), exist_ok=True)
        for name in files:
            if name.endswith(".html"):
                os.link(os.path.join(folder, name), os.path.join(target, relative, name))
    for relative, text in changed.items():
        path = os.path.join(target, relative)
        os.remove(path)  # a link to the source: never write through it
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def change_page(html):
    """Return the page with one new word at the start of its body's first paragraph."""
    at = html.index(BODY)
    paragraph = html.index("<p>", html.index("</header>", at))
    return f"{html[: paragraph + 3]}{CHANGE} {html[paragraph + 3 :]}"


def run_cli(site, target):
    """Index `site` into `target` with the kit's command line; return the seconds taken."""
    from pagefind.service import get_executable

    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    began = time.perf_counter()
    subprocess.run(
        pagefind_command(get_executable(), site, target),
        cwd=target,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - began


class Service:
    """Pagefind's service (`pagefind --service`), spoken to without the Python wrapper.

    The wrapper (pagefind.service, 1.5.2) sleeps 0.1 s before reading each reply, so 5,816
    AddFile requests took 590 s through it; here a thread reads replies as they come.
    """

    def __init__(self):
        from pagefind.service import get_executable

        self.process = subprocess.Popen(
            [get_executable(), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.replies = {}
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.sent = 0

    def _read(self):
        buffer = b""
        while chunk := self.process.stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            with self.arrived:
                for message in messages:
                    reply = json.loads(base64.b64decode(message))
                    self.replies[reply.get("message_id")] = reply["payload"]
                self.arrived.notify_all()

    def send_all(self, payloads):
        """Send every payload, then return their replies in order (raise on an error)."""
        first = self.sent + 1
        for payload in payloads:
            self.sent += 1
            request = {"message_id": self.sent, "payload": payload}
            self.process.stdin.write(base64.b64encode(json.dumps(request).encode()) + b",")
        self.process.stdin.flush()
        with self.arrived:
            self.arrived.wait_for(
                lambda: all(i in self.replies for i in range(first, self.sent + 1))
            )
        replies = [self.replies.pop(i) for i in range(first, self.sent + 1)]
        for reply in replies:
            if reply["type"] == "Error":
                raise RuntimeError(reply)
        return replies

    def close(self):
        """End the service (its last writes may be cut: see indexer.py) and wait for it."""
        self.process.stdin.close()
        self.process.wait()


def run_service(target, payloads):
    """Index `payloads` (AddFile/AddRecord, index_id 0 for now) through the service.

    Return the seconds from start to WriteFiles' reply.
    """
    shutil.rmtree(target, ignore_errors=True)
    began = time.perf_counter()
    service = Service()
    (created,) = service.send_all([{"type": "NewIndex", "config": {"force_language": LANGUAGE}}])
    index_id = created["index_id"]
    service.send_all([dict(payload, index_id=index_id) for payload in payloads])
    service.send_all(
        [{"type": "WriteFiles", "index_id": index_id, "output_path": os.path.abspath(target)}]
    )
    done = time.perf_counter()
    time.sleep(1.0)  # let the service's last writes land before it ends and the bundle is read
    service.close()
    return done - began


def read_fragments(bundle):
    """Return {url: fragment dict} of a bundle."""
    found = {}
    folder = os.path.join(bundle, "fragment")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as handle:
            data = gzip.decompress(handle.read())
        record = json.loads(data[len(MARKER) :])
        found[record["url"]] = record
    return found


def bundle_names(bundle):
    """Return the set of relative file names in a bundle."""
    names = set()
    for folder, _dirs, files in os.walk(bundle):
        for name in files:
            names.add(os.path.relpath(os.path.join(folder, name), bundle))
    return names


def bundle_size(bundle):
    """Return (files, bytes) of a bundle."""
    names = bundle_names(bundle)
    return len(names), sum(os.path.getsize(os.path.join(bundle, name)) for name in names)


def index_facts(bundle):
    """Return (word entries, filter entries) of a bundle, pages named by url, not by number.

    A word entry is (word, url, locations, weighted locations); a filter entry is
    (filter, value, url). Equal facts and equal fragments give equal search results.
    """
    from kpu_search.bundle import _cbor  # the kit's reader of the CBOR subset Pagefind writes

    def unpack(path):
        with open(path, "rb") as handle:
            return _cbor(gzip.decompress(handle.read()), len(MARKER))[0]

    with open(os.path.join(bundle, "pagefind-entry.json"), encoding="utf-8") as handle:
        (language,) = json.load(handle)["languages"].values()
    meta = unpack(os.path.join(bundle, f"pagefind.{language['hash']}.pf_meta"))
    urls = []
    for page_hash, _words in meta[1]:
        with open(os.path.join(bundle, "fragment", f"{page_hash}.pf_fragment"), "rb") as handle:
            urls.append(json.loads(gzip.decompress(handle.read())[len(MARKER) :])["url"])
    words = set()
    for _first, _last, chunk in meta[2]:
        for word, pages, *_rest in unpack(os.path.join(bundle, "index", f"{chunk}.pf_index"))[0]:
            number = 0
            for step, locations, weighted, *_more in pages:
                number += step  # page numbers are stored as steps from the previous one
                words.add((word, urls[number], tuple(locations), tuple(weighted)))
    filters = set()
    for _name, filter_hash in meta[3]:
        name, values = unpack(os.path.join(bundle, "filter", f"{filter_hash}.pf_filter"))[:2]
        for value, numbers in values:
            filters.update((name, value, urls[number]) for number in numbers)
    return words, filters


def compare(reference, other):
    """Describe how bundle `other` differs from `reference`: names, fragments, index, filters."""
    ours, theirs = read_fragments(reference), read_fragments(other)
    fields = ("content", "word_count", "meta", "filters", "anchors", "weighted_locations")
    differing = {}
    for field in fields:
        count = sum(
            1 for url in ours if url in theirs and ours[url].get(field) != theirs[url].get(field)
        )
        if count:
            differing[field] = count
    (our_words, our_filters), (their_words, their_filters) = (
        index_facts(reference),
        index_facts(other),
    )
    return {
        "same file names": bundle_names(reference) == bundle_names(other),
        "pages": (len(ours), len(theirs)),
        "fragments differing by field": differing,
        "word entries": len(our_words),
        "word entries only in one": len(our_words ^ their_words),
        "filter entries only in one": len(our_filters ^ their_filters),
        "pages holding the new word": sorted(
            {url for word, url, *_ in their_words if word == CHANGE}
        ),
    }


QUERIES = ("tahapan", "pemilih", "rekapitulasi suara", "informasi publik", "jadwal", CHANGE)
# Searches a bundle with Pagefind's own JavaScript (as /cari/ does, same ranking), prints
# {query: {count, top: ["url score", ...ten], scores}}; a second bundle, if named, is merged in.
SEARCH_JS = """
const [base, bundle, merged, ...queries] = process.argv.slice(2);
const pagefind = await import(`${process.env.WORK}/${bundle}/pagefind.js`);
await pagefind.options({ basePath: `${base}/${bundle}/`, ranking: RANKING });
if (merged !== "-") await pagefind.mergeIndex(`${base}/${merged}/`);
await pagefind.init();
const out = {};
for (const query of queries) {
  const found = await pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 10).map(
    async (hit) => `${(await hit.data()).url} ${hit.score.toFixed(4)}`));
  const scores = found.results.map((hit) => hit.score.toFixed(4));
  out[query] = { count: found.results.length, top, scores };
}
console.log(JSON.stringify(out));
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def search_all(work, searches):
    """Run QUERIES over each (bundle, merged bundle or "-") with Node; return their results."""
    from kpu_search.settings import RANKING

    script = os.path.join(work, "search.mjs")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(SEARCH_JS.replace("RANKING", json.dumps(RANKING)))
    handler = functools.partial(_QuietHandler, directory=work)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        return {
            (bundle, merged): json.loads(
                subprocess.run(
                    ["node", script, base, bundle, merged, *QUERIES],
                    env=dict(os.environ, WORK=work),
                    capture_output=True,
                    check=True,
                    text=True,
                ).stdout
            )
            for bundle, merged in searches
        }
    finally:
        server.shutdown()


def median_of(runs, measure):
    """Run `measure` `runs` times; return (median seconds, all seconds)."""
    seconds = [measure() for _ in range(runs)]
    return statistics.median(seconds), seconds


def main(argv=None):
    """Measure every strategy on a built site and print the figures and the equality check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="a built site (only read)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/search-reindex")
    options = parser.parse_args(argv)
    site, work = os.path.abspath(options.output), os.path.abspath(options.work)
    os.makedirs(work, exist_ok=True)

    pages = indexed_pages(site)
    changed = next(page for page in pages if page.startswith("berita"))
    with open(os.path.join(site, changed), encoding="utf-8") as handle:
        changed_html = change_page(handle.read())
    edited = os.path.join(work, "site")
    link_site(site, edited, {changed: changed_html})
    print(f"{len(pages)} indexed pages; changed: {changed}")

    # The previous run, untimed: its bundle and its kept inputs (fragments and records).
    previous = os.path.join(work, "previous")
    run_cli(site, previous)
    kept = os.path.join(work, "fragments")
    shutil.rmtree(kept, ignore_errors=True)
    began = time.perf_counter()
    for page in pages:
        with open(os.path.join(site, page), encoding="utf-8") as handle:
            text = fragment(handle.read())
        os.makedirs(os.path.dirname(os.path.join(kept, page)), exist_ok=True)
        with open(os.path.join(kept, page), "w", encoding="utf-8") as handle:
            handle.write(text)
    cut = time.perf_counter() - began
    print(f"kept fragments of all {len(pages)} pages cut in {cut:.2f} s (once, untimed below)")
    records = read_fragments(previous)
    with open(os.path.join(work, "records.json"), "w", encoding="utf-8") as handle:
        json.dump(records, handle)

    def full():
        return run_cli(edited, os.path.join(work, "full"))

    def fragments_cli():
        began = time.perf_counter()
        with open(os.path.join(edited, changed), encoding="utf-8") as handle:
            text = fragment(handle.read())
        with open(os.path.join(kept, changed), "w", encoding="utf-8") as handle:
            handle.write(text)
        return time.perf_counter() - began + run_cli(kept, os.path.join(work, "fragments-cli"))

    def fragments_api():
        began = time.perf_counter()
        with open(os.path.join(edited, changed), encoding="utf-8") as handle:
            text = fragment(handle.read())
        items = []
        for page in pages:
            if page == changed:
                items.append((page, text))
            else:
                with open(os.path.join(kept, page), encoding="utf-8") as handle:
                    items.append((page, handle.read()))

        payloads = [
            {"type": "AddFile", "file_path": page, "url": None, "file_contents": text}
            for page, text in items
        ]
        setup = time.perf_counter() - began
        return setup + run_service(os.path.join(work, "fragments-api"), payloads)

    changed_url = "/" + changed.removesuffix("index.html")

    def records_api():
        began = time.perf_counter()
        with open(os.path.join(work, "records.json"), encoding="utf-8") as handle:
            kept_records = json.load(handle)
        kept_records[changed_url] = dict(
            kept_records[changed_url], content=f"{CHANGE} {kept_records[changed_url]['content']}"
        )

        payloads = [
            {
                "type": "AddRecord",
                "url": record["url"],
                "content": record["content"],
                "language": LANGUAGE,
                "meta": record["meta"],
                "filters": record["filters"] or None,
                "sort": None,
            }
            for record in kept_records.values()
        ]
        setup = time.perf_counter() - began
        return setup + run_service(os.path.join(work, "records-api"), payloads)

    def changed_only():
        alone = os.path.join(work, "alone")
        shutil.rmtree(alone, ignore_errors=True)
        began = time.perf_counter()
        with open(os.path.join(edited, changed), encoding="utf-8") as handle:
            text = fragment(handle.read())
        os.makedirs(os.path.dirname(os.path.join(alone, changed)))
        with open(os.path.join(alone, changed), "w", encoding="utf-8") as handle:
            handle.write(text)
        return time.perf_counter() - began + run_cli(alone, os.path.join(work, "changed-only"))

    strategies = {
        "full": full,
        "fragments-cli": fragments_cli,
        "fragments-api": fragments_api,
        "records-api": records_api,
        "changed-only": changed_only,
    }
    results = {}
    for name, measure in strategies.items():
        median, seconds = median_of(options.runs, measure)
        files, size = bundle_size(os.path.join(work, name))
        results[name] = median
        runs = ", ".join(f"{s:.2f}" for s in seconds)
        print(
            f"{name:14} median {median:6.2f} s  runs [{runs}]  {files} files, {size / 1e6:.1f} MB"
        )
    for name in strategies:
        if name != "full":
            print(f"{name:14} {results['full'] / results[name]:5.2f}x faster than full")

    reference = os.path.join(work, "full")
    # Pagefind's own output is not byte-stable (page numbers follow the order its threads
    # finish), so a second full run shows what "equal" can mean.
    run_cli(edited, os.path.join(work, "full-again"))
    for name in ("full-again", "fragments-cli", "fragments-api", "records-api"):
        print(f"{name:14}", compare(reference, os.path.join(work, name)))
    alone = index_facts(os.path.join(work, "changed-only"))[0]
    print(f"changed-only   {len(alone)} word entries, for its one page")
    if shutil.which("node") is None:
        print("no node: search results not compared")
        return
    names = ("full", "full-again", "fragments-cli", "fragments-api", "records-api")
    searches = [(name, "-") for name in names]
    searches.append(("previous", "changed-only"))
    found = search_all(work, searches)
    expected = found[("full", "-")]
    print("Search results (Pagefind's JavaScript, top 10 with scores), against full:")
    for (bundle, merged), results in found.items():
        label = bundle if merged == "-" else f"{bundle}+{merged}"
        same = [query for query in QUERIES if results[query] == expected[query]]
        # Pages of equal score come in index order: the order the pages were given to Pagefind.
        ties = [
            query
            for query in QUERIES
            if query not in same and results[query]["scores"] == expected[query]["scores"]
        ]
        print(
            f"  {label:26} identical for {len(same)} of {len(QUERIES)} queries; "
            f"{len(ties)} more differ only in the order of pages of equal score"
        )
        for query in QUERIES:
            if query not in same and query not in ties:
                ours, theirs = expected[query], results[query]
                print(f"    {query!r}: {theirs['count']} hits (full {ours['count']});")
                print(f"      top 3 {theirs['top'][:3]}")
                print(f"      full  {ours['top'][:3]}")


if __name__ == "__main__":
    main()
