/* YouTube facade: on a click, swap the poster for the youtube-nocookie player.
   Until then the page requests nothing from YouTube or Google. Without this script the
   facade is a plain link to the video on YouTube. Loaded as a module: it runs once per page. */
const PLAYER = "https://www.youtube-nocookie.com/embed/";
const VALID = /^[A-Za-z0-9_-]{6,}$/;

function play(link) {
  const video = link.getAttribute("data-kpu-video") || "";
  if (!VALID.test(video)) return false;
  const frame = document.createElement("iframe");
  frame.src = PLAYER + video + "?autoplay=1";
  frame.title = link.getAttribute("data-kpu-video-title") || "Video YouTube";
  frame.className = "kpu-video__player";
  frame.width = "560";
  frame.height = "315";
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.tabIndex = 0;
  link.replaceWith(frame);
  frame.focus();
  return true;
}

document.addEventListener("click", (event) => {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
    return; // a new tab or window the reader asked for: let the link open YouTube
  }
  const link = event.target.closest && event.target.closest("a[data-kpu-video]");
  if (link && play(link)) event.preventDefault();
});
