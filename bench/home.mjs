// Journey Console benchmark: Home with 10,000 journey versions, and the size of
// the release bundle. Run by scripts/bench (which builds dist/ first).
//
// Measures, in headless Chromium, over several fresh page loads:
//  - first rows: from the app's start (wasm entry) and from navigation start
//    to Home's first rows in the page (the app's performance marks);
//  - search keystroke: from the input event to the next frame after the
//    filtered list is in the page.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const DIST = process.argv[2] ?? 'dist';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEYSTROKES = 30;
const JOURNEYS = 10_000;
const PORT = 4199;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

function bundleSizes() {
  const rows = [];
  for (const file of readdirSync(DIST)) {
    if (!/\.(wasm|js)$/.test(file)) continue;
    const bytes = readFileSync(join(DIST, file));
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    rows.push({ file, raw: statSync(join(DIST, file)).size, brotli });
  }
  return rows;
}

const server = spawn('serve', ['--single', '--no-clipboard', '--no-port-switching', '--listen', `tcp://127.0.0.1:${PORT}`, DIST], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${PORT}/`); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const fromStart = [], fromNavigation = [], keystrokes = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ backend: 'embedded', demoJourneys: JOURNEYS }) }));
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByText(`of ${JOURNEYS.toLocaleString('en')} journey versions`).waitFor();
    const marks = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return { start: at('journey-console:start'), rows: at('journey-console:first-rows') };
    });
    if (marks.start === undefined || marks.rows === undefined) throw new Error('the app did not record its performance marks');
    fromStart.push(marks.rows - marks.start);
    fromNavigation.push(marks.rows);

    const search = page.getByRole('searchbox', { name: 'Search journeys' });
    await search.focus();
    const times = await page.evaluate(async ({ count }) => {
      const input = document.querySelector('input[type=search]');
      const status = () => document.querySelector('.list-count').textContent;
      // Each input event is one keystroke's worth of change to the search text.
      const words = ['we', 'ca', 'bi', 'sp', 'lo', 'wi', 'ba'];
      const out = [];
      for (let i = 0; i < count; i++) {
        // Alternate typing and deleting so each keystroke changes the result.
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
    }, { count: KEYSTROKES });
    keystrokes.push(...times);
    await context.close();
  }
  await browser.close();

  console.log(`\nJourney Console benchmark: ${JOURNEYS} journey versions, ${RUNS} runs, headless Chromium\n`);
  console.log('| measure | median | p95 |');
  console.log('|---|---|---|');
  console.log(`| first rows, from app start | ${ms(median(fromStart))} | ${ms(p95(fromStart))} |`);
  console.log(`| first rows, from navigation start | ${ms(median(fromNavigation))} | ${ms(p95(fromNavigation))} |`);
  const updates = keystrokes.map((k) => k.update), painted = keystrokes.map((k) => k.painted);
  console.log(`| search keystroke: input event to filtered rows in the page (${keystrokes.length} keystrokes) | ${ms(median(updates))} | ${ms(p95(updates))} |`);
  console.log(`| search keystroke: input event to the frame after it painted | ${ms(median(painted))} | ${ms(p95(painted))} |`);
  console.log('\n| file | bytes | brotli |');
  console.log('|---|---|---|');
  let raw = 0, brotli = 0;
  for (const row of bundleSizes()) {
    raw += row.raw; brotli += row.brotli;
    console.log(`| ${row.file.replace(/-[0-9a-f]{6,16}/, '')} | ${row.raw} | ${row.brotli} |`);
  }
  console.log(`| total (wasm + js) | ${raw} | ${brotli} |`);
} finally {
  server.kill();
}
