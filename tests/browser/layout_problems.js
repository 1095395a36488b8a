/* Run in the page by tests/browser/layout.py: returns the layout problems, in words. */
() => {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const scroll = document.documentElement.scrollWidth - window.innerWidth;
  if (scroll > 0) problems.push(`the page scrolls sideways by ${scroll}px`);

  // Hidden on purpose: display none, visually hidden (clip / 1px box), closed <details>.
  const unseen = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden") return true;
      if (style.clip !== "auto" && style.position === "absolute") return true;
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return true;
    }
    return false;
  };

  // A card is the nearest ancestor with a class token ending in "card" (kpu-card,
  // kpu-division-card), not a part of one (kpu-card__image).
  const cardOf = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement)
      if ([...node.classList].some((token) => /card$/.test(token))) return node;
    return null;
  };

  // Card photos: at least a quarter of the card's width and 80 px tall.
  for (const img of document.querySelectorAll("main img")) {
    const card = cardOf(img);
    if (!card || unseen(img)) continue;
    const photo = img.getBoundingClientRect(), box = card.getBoundingClientRect();
    if (photo.width < box.width / 4 || photo.height < 80)
      problems.push(`${name(card)}: photo ${Math.round(photo.width)}x${Math.round(photo.height)}px in a ${Math.round(box.width)}px card`);
  }

  // Text out of its box: content wider than the element that should hold it. Scrolling
  // regions (overflow auto/scroll) are allowed to be wider; clipping (hidden) is only
  // allowed where the design says so (line clamp, ellipsis).
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (style.display.startsWith("inline") || style.display === "none" || style.display === "contents") continue;
    if (["auto", "scroll"].includes(style.overflowX)) continue;
    if (style.textOverflow === "ellipsis" || style.webkitLineClamp !== "none") continue;
    if (["IMG", "SVG", "svg", "PICTURE", "VIDEO", "IFRAME", "CANVAS"].includes(el.tagName)) continue;
    if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.closest("[role=region][tabindex], .kpu-table-scroll, .kpu-chart-scroll") || unseen(el)) continue;
    problems.push(`${name(el)}: content ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
  }
  // Text sticking out of the page's main column or of its card on the right edge.
  for (const el of document.querySelectorAll("main h1, main h2, main h3, main p, main a, main li, main time")) {
    if (unseen(el)) continue;
    const box = el.getBoundingClientRect();
    const holder = cardOf(el) || el.closest(".kpu-panel, .kpu-file, main");
    const frame = holder.getBoundingClientRect();
    if (box.right > frame.right + 1 || box.left < frame.left - 1)
      problems.push(`${name(el)} sticks out of ${name(holder)} by ${Math.round(Math.max(box.right - frame.right, frame.left - box.left))}px`);
  }
  return [...new Set(problems)];
}
