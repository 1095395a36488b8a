/* Narrow the full Daftar Informasi Publik in place (no page load) and print it.
   Without this script the same filter links open pre-built pages, so nothing depends on it. */
(function () {
  "use strict";
  var root = document.querySelector("[data-dip]");
  if (!root) return;

  var printWrap = document.querySelector("[data-print-wrap]");
  if (printWrap) {
    printWrap.hidden = false;
    printWrap.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  }
  // Only the full list holds every row; narrowed pages keep plain navigation.
  if (root.getAttribute("data-complete") !== "true") return;

  var nav = root.querySelector("[data-dip-filter]");
  var status = root.querySelector("[data-dip-status]");
  var empty = root.querySelector("[data-dip-empty]");
  var labels = {};
  nav.querySelectorAll("a[data-filter]").forEach(function (link) {
    labels[link.getAttribute("data-filter") + ":" + link.getAttribute("data-value")] = link.textContent;
  });
  var state = { klasifikasi: "", tahun: "" };

  function urlFor(s) {
    return nav.getAttribute("data-base") + (s.klasifikasi ? s.klasifikasi + "/" : "") +
      (s.tahun ? "tahun/" + s.tahun + "/" : "");
  }

  function apply() {
    var shown = 0;
    root.querySelectorAll("tr[data-row]").forEach(function (row) {
      var match = (!state.klasifikasi || row.getAttribute("data-klasifikasi") === state.klasifikasi) &&
        (!state.tahun || row.getAttribute("data-tahun") === state.tahun);
      row.hidden = !match;
      if (match) shown += 1;
    });
    root.querySelectorAll("tbody[data-group]").forEach(function (group) {
      group.hidden = !group.querySelector("tr[data-row]:not([hidden])");
    });
    root.querySelectorAll("[data-class-section]").forEach(function (section) {
      var visible = section.querySelectorAll("tr[data-row]:not([hidden])").length;
      section.hidden = visible === 0;
      section.querySelector("[data-section-count]").textContent = "(" + visible + " informasi)";
    });
    nav.querySelectorAll("a[data-filter]").forEach(function (link) {
      var name = link.getAttribute("data-filter");
      var value = link.getAttribute("data-value");
      var next = { klasifikasi: state.klasifikasi, tahun: state.tahun };
      next[name] = value;
      link.href = urlFor(next);
      if (state[name] === value) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    var parts = [];
    if (state.klasifikasi) parts.push(labels["klasifikasi:" + state.klasifikasi]);
    if (state.tahun) parts.push("Tahun " + state.tahun);
    status.textContent = "Menampilkan " + shown + " informasi" + (parts.length ? " (" + parts.join(", ") + ")" : "") + ".";
    empty.hidden = shown > 0;
  }

  nav.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-filter]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    state[link.getAttribute("data-filter")] = link.getAttribute("data-value");
    apply();
    history.pushState({ klasifikasi: state.klasifikasi, tahun: state.tahun }, "", urlFor(state));
  });
  window.addEventListener("popstate", function (event) {
    state = event.state || { klasifikasi: "", tahun: "" };
    apply();
  });
  history.replaceState(state, "", location.href);
})();
