// Functions each driver runs inside the page (sent as their source text).

/// An element's text, spaces collapsed.
export function shownText(element) {
  return element.textContent.replace(/\s+/g, ' ').trim();
}

/// The opacity an element is drawn with: its own times its ancestors'.
export function drawnOpacity(element) {
  let opacity = 1;
  for (let e = element; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  return opacity;
}
