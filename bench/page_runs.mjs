import { readFileSync } from 'node:fs';

// One fresh page load of Home (the app's or the vanilla page's) in headless
// Chromium, and what is measured on it: first rows, the whole list, search
// keystrokes, memory.

// How the pages tell the benchmark what it waits for, without the benchmark
// evaluating anything in them while they load: scripts installed before any
// of the page's own (page.addInitScript) write one console.debug line, which
// Playwright hands over as an event. Waiting with page.waitForFunction instead
// polls the page every few milliseconds, and each poll is a task on the main
// thread the page is starting on (the first also parses Playwright's injected
// script there): the benchmark would slow down what it measures.
const FIRST_ROWS_SAID = 'journey-bench:first-rows';
const WHOLE_LIST_SAID = 'journey-bench:whole-list';

// Says when the page marks its first rows (journey-console:first-rows, both
// pages set it).
function sayFirstRows(said) {
  const seen = () => performance.getEntriesByName('journey-console:first-rows').length > 0;
  new PerformanceObserver((_, observer) => {
    if (!seen()) return;
    observer.disconnect();
    console.debug(said);
  }).observe({ type: 'mark', buffered: true });
}

// Records when the status line first says the whole list is there ("Showing X
// of <total> journey versions"), and says so. The status element is looked for
// every frame until the page has drawn it, then watched by a
// MutationObserver, so the time is that of the change itself.
function sayWholeList({ total, said }) {
  const pattern = new RegExp(`^Showing [\\d,]+ of ${total} journey versions$`);
  const bench = (window.__bench = { loadedAt: undefined });
  const check = (status) => {
    if (bench.loadedAt !== undefined || !pattern.test(status.textContent.trim())) return;
    bench.loadedAt = performance.now();
    console.debug(said);
  };
  const look = () => {
    const status = document.querySelector('.list-count');
    if (!status) return requestAnimationFrame(look);
    check(status);
    new MutationObserver(() => check(status)).observe(status, { childList: true, characterData: true, subtree: true });
  };
  requestAnimationFrame(look);
}

const said = (page, text, timeout) =>
  page.waitForEvent('console', { predicate: (message) => message.text() === text, timeout });

// Opens `url` in `page` and waits, without touching the page meanwhile, until
// it marks its first rows; gives the mark's time from navigation start.
export async function firstRowsOf(page, url, timeout = 60_000) {
  await page.addInitScript(sayFirstRows, FIRST_ROWS_SAID);
  await Promise.all([said(page, FIRST_ROWS_SAID, timeout), page.goto(url, { timeout })]);
  return page.evaluate(() => performance.getEntriesByName('journey-console:first-rows')[0].startTime);
}

// Opens `url` in `page` and waits, as firstRowsOf does, for its first rows,
// then until it shows the whole list of `total` versions; gives both times
// from navigation start.
export async function firstRowsAndWholeListOf(page, url, total, timeout = 60_000) {
  await page.addInitScript(sayWholeList, { total: total.toLocaleString('en'), said: WHOLE_LIST_SAID });
  const whole = said(page, WHOLE_LIST_SAID, timeout);
  whole.catch(() => {});
  const firstRows = await firstRowsOf(page, url, timeout);
  await whole;
  return { firstRows, wholeList: await page.evaluate(() => window.__bench.loadedAt) };
}

// Loads `url` in a new browser context (empty cache and storage) and waits
// until the whole list is shown. Problems the page shows on the way (console
// errors, failed requests, uncaught exceptions) go to `problems`.
export async function loadHome(browser, url, { total, problems, timeout = 180_000 }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Requests cut short by closing the page (a poll under way) are no problem.
  let closing = false;
  const note = (text) => {
    if (!closing) problems.add(text);
  };
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const where = message.location()?.url ? ` (${new URL(message.location().url).pathname})` : '';
    note(`console ${message.type()}: ${message.text()}${where}`);
  });
  page.on('pageerror', (error) => note(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) note(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    note(`failed ${request.method()} ${url.pathname}${url.search}: ${request.failure()?.errorText}`);
  });
  await page.addInitScript(sayWholeList, { total: total.toLocaleString('en'), said: WHOLE_LIST_SAID });
  await Promise.all([said(page, WHOLE_LIST_SAID, timeout), page.goto(url, { timeout })]);
  const marks = await page.evaluate(() => ({
    // Relative to navigation start: the page's time origin.
    firstRows: performance.getEntriesByName('journey-console:first-rows')[0]?.startTime,
    loaded: window.__bench.loadedAt,
    // Where the time to the first rows goes: the page's code starts running
    // (both pages mark it), the first page of the list is asked for, and it
    // has arrived.
    steps: (() => {
      const list = performance.getEntriesByType('resource').find((r) => /\/journeys\?/.test(r.name));
      return {
        started: performance.getEntriesByName('journey-console:start')[0]?.startTime,
        listAsked: list?.startTime,
        listArrived: list?.responseEnd,
      };
    })(),
  }));
  if (marks.firstRows === undefined) throw new Error(`${url} did not record the performance mark journey-console:first-rows`);
  const close = async () => {
    closing = true;
    await context.close();
  };
  return { context, page, close, ...marks };
}

// The keystroke measure of the earlier bench/home.mjs, unchanged: each input
// event changes the search text (typing a word, then clearing it, so every
// keystroke changes the result); measured from dispatching the event to the
// first change of the list's body (MutationObserver), and to the frame after
// it (requestAnimationFrame, then a task).
export async function measureKeystrokes(page, count) {
  await page.getByRole('searchbox', { name: 'Search journeys' }).focus();
  return page.evaluate(async ({ count }) => {
    const input = document.querySelector('input[type=search]');
    const status = () => document.querySelector('.list-count').textContent;
    const words = ['we', 'ca', 'bi', 'sp', 'lo', 'wi', 'ba'];
    const out = [];
    for (let i = 0; i < count; i++) {
      const next = i % 2 === 0 ? words[(i / 2) % words.length] : '';
      const before = status();
      let updated;
      const observer = new MutationObserver(() => { updated ??= performance.now(); });
      observer.observe(document.querySelector('.journey-list tbody'), { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      input.value = next;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const painted = performance.now();
      observer.disconnect();
      if (status() === before || updated === undefined) throw new Error(`the list did not change for "${next}"`);
      out.push({ update: updated - t0, painted: painted - t0 });
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return out;
  }, { count });
}

// Memory of the page after a full garbage collection:
//  - jsHeap: the renderer's JS heap in use (CDP Performance.getMetrics,
//    JSHeapUsedSize), which holds the DOM's JS objects but not wasm memory;
//  - dom: Blink's own heap in use (CDP Runtime.getHeapUsage,
//    embedderHeapUsedSize): the DOM nodes and other browser-side objects;
//  - wasm: the size of every WebAssembly.Memory of the page (found with CDP
//    Runtime.queryObjects). It only grows: it is the most the Rust heap has
//    needed so far, not what is in use now;
//  - rss: the resident memory (/proc/PID/status, VmRSS; shared libraries
//    included) of the renderer process that has used the most CPU time, which
//    is the page's after loading a large list (the others are idle spares); none
//    when that is not clear (the busiest under twice the next).
export async function measureMemory(browser, context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  const { embedderHeapUsedSize: dom } = await cdp.send('Runtime.getHeapUsage');
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
  const { result: wasm } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.detach();

  let rss;
  try {
    const session = await browser.newBrowserCDPSession();
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    await session.detach();
    const renderers = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime);
    if (renderers.length === 1 || renderers[0].cpuTime >= 2 * renderers[1].cpuTime) {
      const status = readFileSync(`/proc/${renderers[0].id}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (kb) rss = Number(kb[1]) * 1024;
    }
  } catch {
    // Not on Linux, or the browser does not tell: no RSS.
  }
  return { jsHeap, dom, wasm: wasm.value, rss };
}
