/* "Salin tautan": copy the article's address. Without this script the button stays hidden. */
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-link]");
  var status = document.querySelector("[data-copy-status]");
  if (!button || !status) return;
  button.hidden = false;

  function done(ok) {
    status.textContent = ok ? "Tautan disalin." : "Tautan belum tersalin; salin dari bilah alamat.";
  }

  button.addEventListener("click", function () {
    var link = new URL(button.getAttribute("data-copy-link"), location.href).href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(function () { done(true); }, function () { done(false); });
      return;
    }
    var field = document.createElement("textarea");
    field.value = link;
    field.setAttribute("readonly", "");
    field.style.position = "absolute";
    field.style.left = "-9999px";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(field);
    done(ok);
  });
})();
