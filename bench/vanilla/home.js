// Home of Journey Console in plain JavaScript, for scripts/bench to measure the
// Leptos app against. It does what src/pages/home.rs does, the way an engineer
// writing for speed without a framework would:
//  - loads the list over HTTP as the app does (config.json, then
//    GET {apiBase}/journeys?limit=100, then pages of 500 from `next` to the
//    end), drawing the first page at once and asking for each next page
//    before handling the current one;
//  - polls every page with its ETag, as the app does;
//  - keeps the list sorted (sorting only when the order or the data changes),
//    so a keystroke only filters, with one pass over one string of names;
//  - puts in the page only the rows in view and 4 more on each side, between
//    two spacer rows, unless the list is complete and short
//    (crates/journey_list/src/row_window.rs), each row staying
//    at its place and changing only the values that differ;
//  - writes the query into the URL once typing pauses, as the app does;
//  - matches, orders and words everything exactly as the app does
//    (crates/journey_list: list_query.rs, selection.rs, sort_key.rs,
//    status_filter.rs; src/format.rs; src/components/*).
// Finish and Stop are drawn but do nothing: the benchmark only measures Home.

performance.mark('journey-console:start');

const ROW_HEIGHT_PX = 48; // ROW_HEIGHT_PX in src/components/journey_row.rs
const OVERSCAN_ROWS = 4;
const WHOLE_LIST_UP_TO = 100; // a complete list this short is drawn whole
const FALLBACK_VIEW_HEIGHT_PX = 1200; // until measured, where the window's height is unknown
const FIRST_PAGE = 100; // crates/journey_sync/src/list_pages.rs
const LARGEST_PAGE = 500;
const MAX_PAGES = 10_000; // a list that never ends is given up
const DEFAULT_POLL_INTERVAL_MS = 5_000;
const MIN_POLL_INTERVAL_MS = 500;
const URL_WRITE_DELAY_MS = 300;

// The columns that order the list, as SortKey: query value, heading, and
// whether it reads best largest or newest first.
const SORT_KEYS = [
  ['name', 'Name', false],
  ['version', 'Version', false],
  ['status', 'Status', false],
  ['entered', 'Entered', true],
  ['in-journey', 'In journey', true],
  ['modified', 'Last modified', true],
  ['modified-by', 'Modified by', false],
].map(([key, label, descending]) => ({ key, label, descending }));
const STATUS_FILTERS = ['all', 'draft', 'live', 'finishing', 'finished', 'stopped'];
const DEFAULT_SORT = 'modified';

// --- Numbers and times, as src/format.rs writes them -------------------------
const NUMBERS = new Intl.NumberFormat('en');
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const EXACT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const count = (n) => NUMBERS.format(n);
const UNITS = [
  [60, 1, 'second'],
  [3600, 60, 'minute'],
  [86_400, 3600, 'hour'],
  [86_400 * 30, 86_400, 'day'],
  [86_400 * 365, 86_400 * 30, 'month'],
];

function relative(atMs, nowMs) {
  // chrono's num_seconds truncates; f64::round rounds halves away from zero.
  const seconds = Math.trunc((atMs - nowMs) / 1000);
  const round = (x) => Math.sign(x) * Math.round(Math.abs(x));
  for (const [limit, size, unit] of UNITS) {
    if (Math.abs(seconds) < limit) return RELATIVE.format(round(seconds / size), unit);
  }
  return RELATIVE.format(round(seconds / (86_400 * 365)), 'year');
}

// `updatedAt` as the server writes it (RFC 3339, up to nanoseconds): the
// milliseconds, and the nanoseconds below them, so that ordering is exact.
const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;
function parseTime(text) {
  const m = TIME.exec(text);
  if (!m) return { ms: Date.parse(text) || 0, sub: 0 };
  const nanos = m[2] ? Number(m[2].padEnd(9, '0')) : 0;
  return { ms: Date.parse(m[1] + m[3]) + Math.floor(nanos / 1e6), sub: nanos % 1e6 };
}

// --- Matching and ordering, exactly as crates/journey_list/src/selection.rs ---
// Rust's str::trim takes off White_Space characters, which is not quite the set
// String.prototype.trim takes off (U+0085 is in it, U+FEFF is not).
const RUST_TRIM = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const ASCII = /^[\x00-\x7f]*$/;
const SURROGATE = /[\ud800-\udfff]/;

// Names are ordered by their characters each lowercased on its own
// (char::to_lowercase), compared by code point.
function orderKey(text) {
  return ASCII.test(text) ? text.toLowerCase() : Array.from(text, (c) => c.toLowerCase()).join('');
}

// Code point order. Without surrogates it is the UTF-16 order of `<`; with
// them, units from U+E000 up must sort below the surrogates' code points.
function compareText(a, b, plain) {
  if (plain) return a < b ? -1 : a > b ? 1 : 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  let x = a.charCodeAt(i), y = b.charCodeAt(i);
  if (x >= 0xd800 && y >= 0xd800) {
    x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
  }
  return x - y;
}

function phaseOf(v) {
  switch (v.status) {
    case 'draft': return 'Draft';
    case 'live': return 'Live';
    case 'finished': return v.stats.active > 0 ? 'Finishing' : 'Finished';
    default: return 'Stopped';
  }
}

// A version with what matching and ordering need worked out once.
function entry(v) {
  const nameKey = orderKey(v.name);
  const byKey = orderKey(v.updatedBy);
  const time = parseTime(v.updatedAt);
  return {
    v,
    id: v.id,
    // str::to_lowercase, for search: the whole string at once (final sigma).
    nameLower: v.name.toLowerCase(),
    nameKey,
    byKey,
    plain: !SURROGATE.test(nameKey) && !SURROGATE.test(byKey) && !SURROGATE.test(v.id),
    phase: phaseOf(v),
    ms: time.ms,
    sub: time.sub,
  };
}

const BY_KEY = {
  name: (a, b) => compareText(a.nameKey, b.nameKey, a.plain && b.plain),
  version: (a, b) => a.v.version - b.v.version,
  status: (a, b) => (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : 0),
  entered: (a, b) => a.v.stats.entered - b.v.stats.entered,
  'in-journey': (a, b) => a.v.stats.active - b.v.stats.active,
  modified: (a, b) => a.ms - b.ms || a.sub - b.sub,
  'modified-by': (a, b) => compareText(a.byKey, b.byKey, a.plain && b.plain),
};

// The key in the query's direction; ties by name, version, then id, always
// ascending, so rows don't jump about while counts change.
function comparator(sort, descending) {
  const byKey = BY_KEY[sort];
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const plain = a.plain && b.plain;
    return sign * byKey(a, b)
      || compareText(a.nameKey, b.nameKey, plain)
      || a.v.version - b.v.version
      || compareText(a.id, b.id, plain);
  };
}

function admits(status, e) {
  switch (status) {
    case 'all': return true;
    case 'finishing': return e.phase === 'Finishing';
    default: return e.v.status === status;
  }
}

// --- The query, kept in the URL as the app keeps it --------------------------
function readQuery() {
  const params = new URLSearchParams(location.search);
  const sortKey = SORT_KEYS.find((k) => k.key === params.get('sort')) ?? SORT_KEYS.find((k) => k.key === DEFAULT_SORT);
  const dir = params.get('dir');
  return {
    search: params.get('q') ?? '',
    status: STATUS_FILTERS.includes(params.get('status')) ? params.get('status') : 'all',
    sort: sortKey.key,
    descending: dir === 'asc' ? false : dir === 'desc' ? true : sortKey.descending,
  };
}

function writeQuery() {
  const params = new URLSearchParams();
  if (query.search !== '') params.set('q', query.search);
  if (query.status !== 'all') params.set('status', query.status);
  if (query.sort !== DEFAULT_SORT || !query.descending) {
    params.set('sort', query.sort);
    params.set('dir', query.descending ? 'desc' : 'asc');
  }
  // Spaces as %20 rather than URLSearchParams' "+", as the app writes them.
  const search = params.size ? `?${params.toString().replaceAll('+', '%20')}` : '';
  if (search !== location.search) history.replaceState(null, '', location.pathname + search);
}

// --- State ---------------------------------------------------------------------
const query = readQuery();
let sorted = []; // every version, in the query's order
// The rows the search and filter let through, in order: positions in `sorted`,
// in a buffer kept while the list stays the same size, so that a keystroke
// allocates nothing; all of `sorted` when nothing is filtered.
let positions = new Int32Array(0);
let shownCount = 0;
let shownAll = true;
const shownAt = (index) => sorted[shownAll ? index : positions[index]];
let loaded = false;
let loadError = null;
let role = null; // from GET /me: a viewer is offered no actions
let scrollTop = 0;
// Until measured: no taller than the window (as src/pages/home.rs, first_view_height).
let viewHeight = window.innerHeight >= ROW_HEIGHT_PX ? window.innerHeight : FALLBACK_VIEW_HEIGHT_PX;
let drawnRows = []; // the row elements in the page, in order
let firstRowsMarked = false;

// --- Elements ------------------------------------------------------------------
const list = document.querySelector('.journey-list');
const table = list.querySelector('table');
const headRow = table.querySelector('thead tr');
const body = table.querySelector('tbody');
const [spacerAbove, spacerBelow] = body.querySelectorAll('tr.spacer');
const status = document.querySelector('.list-count');
const emptyList = list.querySelector('.empty-list');
const searchInput = document.querySelector('.search input');
const statusSelect = document.querySelector('.status-filter select');
const rowTemplate = document.getElementById('journey-row').content.firstElementChild;

searchInput.value = query.search;
statusSelect.value = query.status;

// Column headings, each a button that orders the list by it.
const headings = SORT_KEYS.map((k) => {
  const th = document.createElement('th');
  th.scope = 'col';
  th.className = `col-${k.key}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sort-button';
  const arrow = document.createElement('span');
  arrow.className = 'sort-arrow';
  arrow.setAttribute('aria-hidden', 'true');
  button.append(k.label, arrow);
  button.addEventListener('click', () => {
    // The same column flips; another starts in its natural direction.
    query.descending = query.sort === k.key ? !query.descending : k.descending;
    query.sort = k.key;
    resort();
    queryChanged(false);
  });
  th.append(button);
  return { key: k.key, th, arrow };
});
const actionsHeading = document.createElement('th');
actionsHeading.scope = 'col';
actionsHeading.className = 'col-actions';
actionsHeading.innerHTML = '<span class="visually-hidden">Quick actions</span>';
headRow.append(...headings.map((h) => h.th), actionsHeading);

function drawHeadings() {
  for (const h of headings) {
    const active = h.key === query.sort;
    if (active) h.th.setAttribute('aria-sort', query.descending ? 'descending' : 'ascending');
    else h.th.removeAttribute('aria-sort');
    h.arrow.textContent = active ? (query.descending ? '▼' : '▲') : '';
  }
}

// --- Selecting -----------------------------------------------------------------
// Search runs over one string holding every lowercase name in list order,
// one after another with a line break between them, and `starts`, where each
// row's name begins in it. One indexOf pass over that contiguous string is many
// times faster than visiting 100,000 names scattered over the heap (in sorted
// order, each one a cache miss). A needle without a line break cannot match
// across two names. Made again, when next needed, after the list changes.
let haystack = null;
let starts = null;

function buildHaystack() {
  if (haystack !== null) return;
  const names = sorted.map((e) => e.nameLower);
  haystack = names.join('\n');
  starts = new Int32Array(names.length + 1);
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    starts[i] = at;
    at += names[i].length + 1;
  }
  starts[names.length] = at;
}

function listChanged() {
  haystack = null;
  starts = null;
}

function refilter() {
  const needle = query.search.replace(RUST_TRIM, '').toLowerCase();
  shownAll = needle === '' && query.status === 'all';
  if (shownAll) {
    shownCount = sorted.length;
    return;
  }
  if (positions.length !== sorted.length) positions = new Int32Array(sorted.length);
  let n = 0;
  if (needle === '' || needle.includes('\n')) {
    for (let row = 0; row < sorted.length; row++) {
      const e = sorted[row];
      if (admits(query.status, e) && (needle === '' || e.nameLower.includes(needle))) positions[n++] = row;
    }
  } else {
    buildHaystack();
    let row = 0;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, starts[row + 1])) {
      while (starts[row + 1] <= at) row++;
      if (admits(query.status, sorted[row])) positions[n++] = row;
    }
  }
  shownCount = n;
}

function resort() {
  sorted.sort(comparator(query.sort, query.descending));
  listChanged();
}

// Adds a page of versions to the sorted list: the page is sorted on its own
// and merged in, which costs one pass over the list.
function merge(entries) {
  const compare = comparator(query.sort, query.descending);
  entries.sort(compare);
  // Filled by push: `new Array(n)` of a large n gives V8 a slow, dictionary
  // backed array.
  const out = [];
  let i = 0, j = 0;
  while (i < sorted.length && j < entries.length) {
    out.push(compare(sorted[i], entries[j]) <= 0 ? sorted[i++] : entries[j++]);
  }
  while (i < sorted.length) out.push(sorted[i++]);
  while (j < entries.length) out.push(entries[j++]);
  sorted = out;
  listChanged();
}

// A new search, filter or order starts at the top of its results (touching
// the scroll position only when scrolled, as the app does). `typing`: only the
// search text changed.
let pendingWrite = 0;
function queryChanged(typing) {
  refilter();
  if (scrollTop > 0) {
    list.scrollTop = 0;
    scrollTop = 0;
  }
  drawHeadings();
  draw();
  // The URL follows the list once typing pauses for the search, as in the
  // app: writing it costs more than filtering, and nobody reads it between
  // two keys. A filter or an order is written at once.
  clearTimeout(pendingWrite);
  pendingWrite = setTimeout(writeQuery, typing ? URL_WRITE_DELAY_MS : 0);
}

// --- Drawing -------------------------------------------------------------------
function rowWindow(total) {
  if (loaded && total <= WHOLE_LIST_UP_TO) return { first: 0, last: total };
  const end = Math.max(total * ROW_HEIGHT_PX - viewHeight, 0);
  const top = Math.min(Math.max(scrollTop, 0), end);
  const first = Math.min(Math.max(Math.floor(top / ROW_HEIGHT_PX) - OVERSCAN_ROWS, 0), total);
  const inView = Math.ceil(Math.max(viewHeight, ROW_HEIGHT_PX) / ROW_HEIGHT_PX);
  return { first, last: Math.min(first + inView + 2 * OVERSCAN_ROWS, total) };
}

// A row element with a handle on each value it shows. Rows stay at their
// place in the list (as the app's do): a keystroke changes what a row shows,
// writing only the values that differ, rather than building rows.
function makeRow(index) {
  const tr = rowTemplate.cloneNode(true);
  tr.setAttribute('aria-rowindex', index + 2);
  const [name, version, phase, entered, active, modified, modifiedBy, actions] = tr.children;
  const text = (parent) => parent.appendChild(document.createTextNode(''));
  const time = modified.firstChild;
  const relativeText = text(time);
  const exact = time.appendChild(document.createElement('span'));
  exact.className = 'exact-time';
  // The row's selection box, before its quick actions, as in the app.
  const tick = actions.insertBefore(document.createElement('input'), actions.firstChild);
  tick.type = 'checkbox';
  tick.className = 'row-select';
  const button = (label, className) => {
    const b = actions.lastChild.appendChild(document.createElement('button'));
    b.type = 'button';
    b.className = className;
    b.append(label);
    const hidden = b.appendChild(document.createElement('span'));
    hidden.className = 'visually-hidden';
    return { button: b, name: text(hidden) };
  };
  return {
    tr,
    shows: null, // the entry drawn, to skip a row whose entry is unchanged
    link: name.firstChild,
    name: text(name.firstChild),
    version: text(version),
    badge: phase.firstChild,
    badgeText: text(phase.firstChild),
    entered: text(entered),
    active: text(active),
    time,
    relative: relativeText,
    exact: text(exact),
    modifiedBy: text(modifiedBy),
    select: tick,
    resume: button('Resume', 'quick-action'),
    finish: button('Finish', 'quick-action'),
    stop: button('Stop', 'quick-action destructive'),
  };
}

const setData = (node, value) => {
  if (node.data !== value) node.data = value;
};
const setAttr = (element, name, value) => {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
};

function showIn(row, e, nowMs) {
  const v = e.v;
  if (row.shows !== null && row.shows.id !== v.id && row.tr.contains(document.activeElement)) {
    // Focus never stays on a row that now shows another journey: a key
    // press must not act on a journey the user did not choose.
    document.activeElement.blur();
  }
  row.shows = e;
  setAttr(row.link, 'href', `/journeys/${encodeURIComponent(v.id)}`);
  setData(row.name, v.name);
  setData(row.version, String(v.version));
  setAttr(row.badge, 'class', `status-badge status-${e.phase.toLowerCase()}`);
  setData(row.badgeText, e.phase === 'Finishing' ? `Finishing · ${count(v.stats.active)} left` : e.phase);
  setData(row.entered, count(v.stats.entered));
  setData(row.active, count(v.stats.active));
  setAttr(row.time, 'datetime', v.updatedAt.replace(/Z$/, '+00:00'));
  setData(row.relative, relative(e.ms + e.sub / 1e6, nowMs));
  setData(row.exact, ` (${EXACT.format(e.ms)})`);
  setData(row.modifiedBy, v.updatedBy);
  // What the rules allow (crates/lifecycle/src/rules.rs) and the role may do;
  // hidden rather than removed, as in the app.
  const acts = role !== 'viewer';
  setAttr(row.select, 'aria-label', `Select ${v.name}, version ${v.version}`);
  const running = e.phase === 'Live' || e.phase === 'Paused';
  for (const [action, allowed] of [
    [row.resume, acts && e.phase === 'Paused'],
    [row.finish, acts && running],
    [row.stop, acts && (running || e.phase === 'Finishing')],
  ]) {
    if (action.button.hidden === allowed) action.button.hidden = !allowed;
    setAttr(action.button, 'data-version', v.id);
    setData(action.name, ` ${v.name}, version ${v.version}`);
  }
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

// Rows by their place in the list.
let rowsAt = new Map();

function draw() {
  const total = shownCount;
  const { first, last } = rowWindow(total);
  const nowMs = Date.now();
  const kept = new Map();
  const rows = [];
  for (let index = first; index < last; index++) {
    const row = rowsAt.get(index) ?? makeRow(index);
    const e = shownAt(index);
    if (row.shows !== e) showIn(row, e, nowMs);
    kept.set(index, row);
    rows.push(row.tr);
  }
  rowsAt = kept;
  const same = rows.length === drawnRows.length && rows.every((tr, i) => tr === drawnRows[i]);
  if (!same) {
    body.replaceChildren(spacerAbove, ...rows, spacerBelow);
    drawnRows = rows;
  }
  spacerAbove.firstChild.style.height = `${first * ROW_HEIGHT_PX}px`;
  spacerBelow.firstChild.style.height = `${(total - last) * ROW_HEIGHT_PX}px`;
  setAttr(table, 'aria-rowcount', String(total + 1));

  const all = sorted.length;
  const versions = `${count(all)} journey ${all === 1 ? 'version' : 'versions'}`;
  if (loaded) setText(status, `Showing ${count(total)} of ${versions}`);
  else if (loadError && all > 0) setText(status, `Showing ${count(total)} of the ${versions} that loaded; the rest did not load`);
  else if (loadError) setText(status, loadError);
  else if (all === 0) setText(status, 'Loading journeys…');
  else setText(status, `Showing ${count(total)} of the ${versions} loaded so far; loading the rest…`);
  const empty = loaded && total === 0;
  emptyList.hidden = !empty;
  if (empty) setText(emptyList, all === 0 ? 'There are no journeys yet.' : 'No journey versions match this search and filter.');

  if (!firstRowsMarked && rows.length > 0) {
    firstRowsMarked = true;
    performance.mark('journey-console:first-rows');
  }
}

let drawRequested = false;
function drawSoon() {
  if (drawRequested) return;
  drawRequested = true;
  requestAnimationFrame(() => {
    drawRequested = false;
    draw();
  });
}

// Data or role changed under the drawn rows: every row is written again.
function redrawAll() {
  for (const row of rowsAt.values()) row.shows = null;
  draw();
}

function measure() {
  scrollTop = list.scrollTop;
  viewHeight = Math.max(list.clientHeight, ROW_HEIGHT_PX);
}

// --- Loading -------------------------------------------------------------------
let apiBase = '';
// Each page as last read, by the cursor that asked for it, with its ETag.
const pages = new Map();

async function fetchPage(cursor, revalidate) {
  const key = cursor ?? '';
  let url = `${apiBase}/journeys?limit=${cursor ? LARGEST_PAGE : FIRST_PAGE}`;
  if (cursor) url += `&cursor=${encodeURIComponent(cursor)}`;
  const known = revalidate ? pages.get(key) : undefined;
  const response = await fetch(url, known?.etag ? { headers: { 'If-None-Match': known.etag } } : undefined);
  if (response.status === 304 && known) {
    await response.text(); // empty; read, so that the request ends rather than being cancelled
    return { read: known, changed: false };
  }
  if (!response.ok) throw new Error(`the server answered ${response.status} to GET ${url}`);
  const page = await response.json();
  // Worked out once per page, and again only when the page changed.
  const read = { etag: response.headers.get('ETag'), page, entries: page.items.map(entry) };
  pages.set(key, read);
  return { read, changed: true };
}

async function firstLoad() {
  let next = fetchPage(null, false);
  for (let n = 0; next; n++) {
    const { page, entries } = (await next).read;
    // The next page is on its way while this one is drawn.
    next = page.next && n + 1 < MAX_PAGES ? fetchPage(page.next, false) : null;
    merge(entries.slice());
    refilter();
    // The first rows at once; after them, at most one draw a frame however
    // fast small pages arrive.
    if (firstRowsMarked) drawSoon();
    else draw();
  }
  loaded = true;
  draw();
  // Ready for the first keystroke, once the page is idle.
  requestIdleCallback(buildHaystack);
}

// Every page again with its ETag; when any changed, the list is rebuilt from
// the pages as they are now.
let polling = false;
async function poll() {
  if (polling || !loaded || document.hidden) return;
  polling = true;
  try {
    const entries = [];
    let changed = false;
    let next = fetchPage(null, true);
    for (let n = 0; next; n++) {
      const { read, changed: pageChanged } = await next;
      next = read.page.next && n + 1 < MAX_PAGES ? fetchPage(read.page.next, true) : null;
      changed ||= pageChanged;
      for (const e of read.entries) entries.push(e);
    }
    if (changed || entries.length !== sorted.length) {
      sorted = entries;
      resort();
      requestIdleCallback(buildHaystack);
      refilter();
      redrawAll();
    }
  } catch (error) {
    console.warn(`Journeys could not be refreshed: ${error.message}`);
  } finally {
    polling = false;
  }
}

async function start() {
  measure();
  drawHeadings();
  draw();
  const response = await fetch('config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json could not be loaded: ${response.status}`);
  const config = await response.json();
  apiBase = String(config.apiBase ?? '').replace(/\/+$/, '');
  const interval = Math.max(config.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS);
  // Who we are, alongside the list: a viewer is offered no actions.
  fetch(`${apiBase}/me`)
    .then((answer) => (answer.ok ? answer.json() : null))
    .then((me) => {
      if (me?.role && me.role !== role) {
        role = me.role;
        redrawAll();
      }
    })
    .catch(() => {});
  setInterval(poll, interval);
  await firstLoad();
}

searchInput.addEventListener('input', () => {
  query.search = searchInput.value;
  queryChanged(true);
});
statusSelect.addEventListener('change', () => {
  query.status = STATUS_FILTERS.includes(statusSelect.value) ? statusSelect.value : 'all';
  queryChanged(false);
});
list.addEventListener('scroll', () => {
  measure();
  draw();
}, { passive: true });
addEventListener('resize', () => {
  measure();
  draw();
});

start().catch((error) => {
  loadError = `Journeys could not be loaded: ${error.message}`;
  draw();
});
