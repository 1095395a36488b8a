/* Start Pagefind's search interface on /cari/ and run the query from ?q= (the header form). */
(function () {
  "use strict";
  var root = document.getElementById("pencarian");
  if (!root) return;
  var bundle = root.getAttribute("data-search-bundle");
  // KPU_SEARCH_RANKING, written by cari.html; the ranking test reads the same attribute.
  var ranking = JSON.parse(root.getAttribute("data-search-ranking") || "{}");

  // Pagefind's interface fetches its code and index only when the field gets focus, one file
  // after the other (pagefind.js, its worker, the entry, then metadata and WebAssembly): on a
  // slow phone, most of the 6.9 s to the first result. Start now, while the visitor finds the
  // field: cari.html preloads pagefind.js and the WebAssembly in its head and runs this
  // script before the interface's (started at DOMContentLoaded below), which imports the
  // same module and finds it ready. No worker: it is one more file to fetch before the first
  // search, and Pagefind gives it 5 s to start before loading everything again without it.
  // Both calls in one turn, so they run before the interface's own options (which would
  // replace these, the engine not being started yet). A failure here is left to the
  // interface, which reports it when it loads.
  import(bundle + "pagefind.js")
    .then(function (pagefind) {
      pagefind.options({ ranking: ranking, noWorker: true });
      return pagefind.filters();
    })
    .catch(function () {});

  if (typeof PagefindUI === "undefined") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  function start() {
    if (typeof PagefindUI === "undefined") return; // pagefind-ui.js did not load
    var ui = new PagefindUI({
      element: root,
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      ranking: ranking,
      translations: {
        placeholder: "Ketik kata yang dicari",
        clear_search: "Hapus",
        load_more: "Tampilkan lebih banyak",
        search_label: "Cari di situs ini",
        filters_label: "Saring",
        zero_results: "Tidak ada hasil untuk [SEARCH_TERM]",
        many_results: "[COUNT] hasil untuk [SEARCH_TERM]",
        one_result: "[COUNT] hasil untuk [SEARCH_TERM]",
        alt_search: "Tidak ada hasil untuk [SEARCH_TERM]. Menampilkan hasil untuk [DIFFERENT_TERM]",
        search_suggestion: "Tidak ada hasil untuk [SEARCH_TERM]. Coba kata lain:",
        searching: "Mencari [SEARCH_TERM]..."
      }
    });
    // Pagefind labels its field with a title only: point it at our label, shown from now on
    // (cari.html hides it, as without JavaScript there is no field to label).
    var label = document.getElementById("label-pencarian");
    var tries = 0;
    (function labelField() {
      var input = root.querySelector("input[type=text], input[type=search]");
      if (input) {
        input.setAttribute("aria-labelledby", label.id);
        label.hidden = false;
      } else if (tries++ < 50) window.requestAnimationFrame(labelField);
    })();
    var query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
})();
