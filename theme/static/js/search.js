/* Start Pagefind's search interface on /cari/ and run the query from ?q= (the header form). */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var root = document.getElementById("pencarian");
  if (!root || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#pencarian",
    bundlePath: root.getAttribute("data-search-bundle"),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    // KPU_SEARCH_RANKING, written by cari.html; the ranking test reads the same attribute.
    ranking: JSON.parse(root.getAttribute("data-search-ranking") || "{}"),
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
  // Pagefind labels its field with a title only; point it at our visible label instead.
  var tries = 0;
  (function label() {
    var input = root.querySelector("input[type=text], input[type=search]");
    if (input) input.setAttribute("aria-labelledby", "label-pencarian");
    else if (tries++ < 50) window.requestAnimationFrame(label);
  })();
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
});
