/* YouTube facade: on a click, swap the poster for the youtube-nocookie player.
   Until then the page requests nothing from YouTube or Google. Without this script the
   facade is a plain link to the video on YouTube. Hand-written (30 lines) rather than a
   library: a lite-youtube package would add a custom element and its own styles for what
   is one click handler. A page may carry the tag more than once: it runs only once. */
(function () {
  "use strict";
  if (window.kpuVideoFacade) return;
  window.kpuVideoFacade = true;
  var PLAYER = "https://www.youtube-nocookie.com/embed/";
  var VALID = /^[A-Za-z0-9_-]{6,}$/;

  function play(link) {
    var video = link.getAttribute("data-kpu-video") || "";
    if (!VALID.test(video)) return false;
    var frame = document.createElement("iframe");
    frame.src = PLAYER + video + "?autoplay=1";
    frame.title = link.getAttribute("data-kpu-video-title") || "Video YouTube";
    frame.className = "kpu-video__player";
    frame.width = "560";
    frame.height = "315";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.parentNode.replaceChild(frame, link);
    frame.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return; // a new tab or window the reader asked for: let the link open YouTube
    }
    var link = event.target.closest && event.target.closest("a[data-kpu-video]");
    if (link && play(link)) event.preventDefault();
  });
})();
