// The briefing's own script, written into the site at every build (assets/).
// - It shows a citation's preview (the cited paragraph, its outlet and day) on hover
//   or focus, read from the article's page.
// - It opens the folded section holding the paragraph a citation points to.
// - It draws the interactive map, only when the user configured a tile source.
// - It filters the rows of a table inside `.briefing-filter`: a box under each
//   column's name, or a list when the column has few values.
// It reads text (textContent) and writes text, never markup, so article text stays
// inert.
"use strict";

const LIST_MAX_VALUES = 40;

function briefingFilterRows(table, filters) {
  let shown = 0;
  for (const row of table.tBodies[0].rows) {
    const keep = filters.every(({ column, control }) => {
      const wanted = control.value.trim().toLowerCase();
      if (!wanted) return true;
      const text = row.cells[column].textContent.trim().toLowerCase();
      return control.tagName === "SELECT" ? briefingValues(text).includes(wanted) : text.includes(wanted);
    });
    row.hidden = !keep;
    if (keep) shown += 1;
  }
  table.dataset.shown = String(shown);
}

// A cell may list several names ("A, B"): each is a value of its own.
function briefingValues(text) {
  return text.split(", ").map((value) => value.trim()).filter(Boolean);
}

function briefingControl(table, column, name) {
  const values = new Set();
  for (const row of table.tBodies[0].rows) {
    for (const value of briefingValues(row.cells[column].textContent)) values.add(value);
  }
  let control;
  if (values.size <= LIST_MAX_VALUES) {
    control = document.createElement("select");
    control.append(new Option("all", ""));
    for (const value of [...values].sort()) control.append(new Option(value, value.toLowerCase()));
  } else {
    control = document.createElement("input");
    control.type = "search";
    control.placeholder = "filter";
    control.size = 8;
  }
  control.setAttribute("aria-label", "Show only rows whose " + name + " matches");
  return control;
}

function briefingFilters() {
  for (const table of document.querySelectorAll(".briefing-filter table")) {
    if (!table.tHead || !table.tBodies.length || table.dataset.filtered) continue;
    table.dataset.filtered = "yes";
    const names = Array.from(table.tHead.rows[0].cells, (cell) => cell.textContent.trim());
    const row = table.tHead.insertRow();
    const filters = names.map((name, column) => {
      const control = briefingControl(table, column, name);
      row.insertCell().append(control);
      return { column, control };
    });
    for (const { control } of filters) {
      control.addEventListener("input", () => briefingFilterRows(table, filters));
    }
  }
}

// A citation of a paragraph in a folded section (the rest of a long article): open
// the section so that the paragraph shows, outlined, where the link lands.
function briefingOpenTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  let opened = false;
  for (let folded = target.closest("details"); folded; folded = folded.parentElement.closest("details")) {
    if (!folded.open) {
      folded.open = true;
      opened = true;
    }
  }
  if (opened) target.scrollIntoView();
}

// A citation's preview: the cited paragraph's opening, then the outlet and the day
// (the article page's `.briefing-source`). Pages carry no copy of what they cite; the
// article page is fetched once and read as text (textContent), never inserted.
const PREVIEW_MAX_CHARS = 240;
const briefingArticles = new Map();
let briefingTip = null;

function briefingCitation(node) {
  const link = node instanceof Element ? node.closest(".md-typeset a[href]") : null;
  return link && /\/articles\/[^#]+#p\d+$/.test(link.href) ? link : null;
}

function briefingArticle(url) {
  if (!briefingArticles.has(url)) {
    const page = fetch(url)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(url))))
      .then((text) => new DOMParser().parseFromString(text, "text/html"));
    briefingArticles.set(url, page);
  }
  return briefingArticles.get(url);
}

function briefingPreviewText(page, id) {
  const paragraph = page.getElementById(id);
  if (!paragraph) return null;
  // The paragraph's own number link ("¶7") is not part of what it says.
  const parts = Array.from(paragraph.childNodes, (node) =>
    node.nodeType === Node.ELEMENT_NODE && node.matches("a[href^='#p']") ? "" : node.textContent,
  );
  let text = parts.join("").replace(/\s+/g, " ").trim();
  if (text.length > PREVIEW_MAX_CHARS) {
    text = text.slice(0, PREVIEW_MAX_CHARS).replace(/\s+\S*$/, "") + " …";
  }
  const source = page.querySelector(".briefing-source");
  return "“" + text + "”" + (source ? " (" + source.textContent.trim() + ")" : "");
}

function briefingHidePreview() {
  if (!briefingTip || briefingTip.hidden) return;
  briefingTip.hidden = true;
  for (const link of document.querySelectorAll("[aria-describedby='briefing-preview']")) {
    link.removeAttribute("aria-describedby");
  }
}

function briefingPlacePreview(link, text) {
  if (!briefingTip) {
    briefingTip = document.createElement("div");
    briefingTip.id = "briefing-preview";
    briefingTip.className = "briefing-preview";
    briefingTip.setAttribute("role", "tooltip");
    document.body.append(briefingTip);
  }
  briefingTip.textContent = text;
  briefingTip.hidden = false;
  const box = link.getBoundingClientRect();
  const width = briefingTip.offsetWidth;
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  briefingTip.style.left = left + window.scrollX + "px";
  // Below the citation, or above it when the window ends first.
  const below = box.bottom + 6 + briefingTip.offsetHeight <= window.innerHeight;
  const top = below ? box.bottom + 6 : box.top - 6 - briefingTip.offsetHeight;
  briefingTip.style.top = Math.max(0, top) + window.scrollY + "px";
  link.setAttribute("aria-describedby", briefingTip.id);
}

function briefingShowPreview(event) {
  const link = briefingCitation(event.target);
  if (!link) return;
  const [url, id] = link.href.split("#");
  if (url === window.location.href.split("#")[0]) return; // the paragraph is on this page
  briefingArticle(url)
    .then((page) => {
      const text = briefingPreviewText(page, id);
      if (text && link.matches(":hover, :focus")) briefingPlacePreview(link, text);
    })
    .catch(() => briefingArticles.delete(url)); // offline: no preview, the link still works
}

function briefingLeavePreview(event) {
  const link = briefingCitation(event.target);
  if (link && !link.contains(event.relatedTarget)) briefingHidePreview();
}

function briefingPreviews() {
  document.addEventListener("mouseover", briefingShowPreview);
  document.addEventListener("focusin", briefingShowPreview);
  document.addEventListener("mouseout", briefingLeavePreview);
  document.addEventListener("focusout", briefingLeavePreview);
  document.addEventListener("keydown", (event) => event.key === "Escape" && briefingHidePreview());
}

// The interactive map (`.briefing-tilemap`, only with `map_tiles` configured): Web
// Mercator tiles of 256 px, dragged to pan, zoomed with buttons; each place a link.
const TILE = 256;
const MAP_HEIGHT = 360;

function briefingProject(lat, lon, zoom) {
  const scale = TILE * 2 ** zoom;
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

function briefingFitZoom(markers, width) {
  for (let zoom = 12; zoom > 1; zoom -= 1) {
    const points = markers.map((m) => briefingProject(m.lat, m.lon, zoom));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    if (Math.max(...xs) - Math.min(...xs) < width - 60 && Math.max(...ys) - Math.min(...ys) < MAP_HEIGHT - 60) {
      return zoom;
    }
  }
  return 1;
}

function briefingTile(template, zoom, x, y) {
  const img = document.createElement("img");
  img.alt = "";
  img.width = TILE;
  img.height = TILE;
  img.src = template.replace("{z}", zoom).replace("{x}", x).replace("{y}", y);
  return img;
}

function briefingMarker(m) {
  const link = document.createElement("a");
  link.href = m.href;
  link.className = "briefing-tilemap-marker";
  link.title = m.events ? m.name + ": " + m.events + " event" + (m.events === 1 ? "" : "s") : m.name;
  link.setAttribute("aria-label", link.title);
  const size = 10 + Math.min(20, 4 * Math.sqrt(m.events || 0));
  link.style.width = link.style.height = size + "px";
  return link;
}

function briefingTileMap(box) {
  const markers = JSON.parse(box.dataset.markers);
  const template = box.dataset.tiles;
  const width = box.clientWidth || 600;
  box.style.height = MAP_HEIGHT + "px";
  // The first view fits where the events happened; every place is there to pan to.
  const story = markers.some((m) => m.events) ? markers.filter((m) => m.events) : markers;
  let zoom = briefingFitZoom(story, width);
  const points = story.map((m) => briefingProject(m.lat, m.lon, zoom));
  let center = [0, 1].map((i) => (Math.min(...points.map((p) => p[i])) + Math.max(...points.map((p) => p[i]))) / 2);
  const layer = document.createElement("div");
  layer.className = "briefing-tilemap-layer";
  function draw() {
    const left = center[0] - width / 2;
    const top = center[1] - MAP_HEIGHT / 2;
    const count = 2 ** zoom;
    const parts = [];
    for (let tx = Math.floor(left / TILE); tx * TILE < left + width; tx += 1) {
      for (let ty = Math.max(0, Math.floor(top / TILE)); ty * TILE < top + MAP_HEIGHT && ty < count; ty += 1) {
        const img = briefingTile(template, zoom, ((tx % count) + count) % count, ty);
        img.style.left = tx * TILE - left + "px";
        img.style.top = ty * TILE - top + "px";
        parts.push(img);
      }
    }
    for (const m of markers) {
      const [x, y] = briefingProject(m.lat, m.lon, zoom);
      const link = briefingMarker(m);
      link.style.left = x - left + "px";
      link.style.top = y - top + "px";
      parts.push(link);
    }
    layer.replaceChildren(...parts);
  }
  function zoomBy(step) {
    const next = Math.max(1, Math.min(18, zoom + step));
    center = center.map((c) => c * 2 ** (next - zoom));
    zoom = next;
    draw();
  }
  let dragged = null;
  box.addEventListener("pointerdown", (e) => {
    if (e.target.closest("a, button")) return;
    dragged = [e.clientX, e.clientY];
    box.setPointerCapture(e.pointerId);
  });
  box.addEventListener("pointermove", (e) => {
    if (!dragged) return;
    center = [center[0] - (e.clientX - dragged[0]), center[1] - (e.clientY - dragged[1])];
    dragged = [e.clientX, e.clientY];
    draw();
  });
  box.addEventListener("pointerup", () => (dragged = null));
  const controls = document.createElement("div");
  controls.className = "briefing-tilemap-controls";
  for (const [label, step] of [["+", 1], ["−", -1]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.setAttribute("aria-label", step > 0 ? "Zoom in" : "Zoom out");
    button.addEventListener("click", () => zoomBy(step));
    controls.append(button);
  }
  box.replaceChildren(layer, controls);
  draw();
}

function briefingTileMaps() {
  for (const box of document.querySelectorAll(".briefing-tilemap[data-tiles]")) briefingTileMap(box);
}

document.addEventListener("DOMContentLoaded", briefingFilters);
document.addEventListener("DOMContentLoaded", briefingPreviews);
document.addEventListener("DOMContentLoaded", briefingTileMaps);
document.addEventListener("DOMContentLoaded", briefingOpenTarget);
window.addEventListener("hashchange", briefingOpenTarget);
