// Journey Console benchmark: the Leptos app against a hand-written vanilla-JS
// Home (bench/vanilla/), both reading the reference server over HTTP. Run by
// scripts/bench, which builds the release app and the server first:
//
//   node bench/home.mjs DIST JOURNEY_SERVER_BINARY
//
// Parts, in the order they print (BENCH_ONLY=ratios,return,network,size,
// lighthouse,scale picks some):
//  - ratios: first a check that both pages show the same Home (parity.mjs),
//    then first rows and search keystrokes, app and vanilla page loads
//    alternating in one Chromium (BENCH_RUNS loads of each, default 7;
//    BENCH_VERSIONS versions, default 10,000; a first page of 100, then
//    pages of 500), then what the
//    main thread did on the way to the first rows, from BENCH_TRACE_RUNS
//    traced loads of each (default 3);
//  - return: first rows on the first and on later visits in one browser
//    profile (return_visits.mjs), for BENCH_RETURN_PROFILES profiles of each
//    page (default 3), alternating, 10,000 versions;
//  - network: first rows and the whole list over emulated mobile networks
//    (mobile_networks.mjs: Lighthouse's mobile figures, 150 ms round trips and
//    1.6 Mbit/s, and a good 4G, 100 ms and 9 Mbit/s), BENCH_NETWORK_RUNS loads
//    of each page on each (default 3), alternating, 10,000 versions;
//  - size: brotli (quality 11) bytes of every file dist/index.html loads;
//  - lighthouse: BENCH_LIGHTHOUSE_RUNS runs (default 3) on the release build,
//    served compressed, with the app's default (embedded) backend;
//  - scale: 20,000 versions from a server giving pages of 100 (first rows and
//    whole list, BENCH_SCALE_LOADS loads of each page, default 5), and
//    100,000 versions in pages of 500 (keystrokes and memory once the list is
//    complete, BENCH_BIG_LOADS loads of each page, default 3).
// Every browser run must hold /tmp/playwright.lock on shared machines; take it
// around scripts/bench (flock /tmp/playwright.lock scripts/bench).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { loadedFiles } from './dist_files.mjs';
import { startJourneyServer, walkList } from './journey_server.mjs';
import { runLighthouse } from './lighthouse_runs.mjs';
import { loadHome, measureKeystrokes, measureMemory } from './page_runs.mjs';
import { checkParity } from './parity.mjs';
import { traceFirstRows } from './start_trace.mjs';
import { visitsInOneProfile } from './return_visits.mjs';
import { NETWORKS, loadOverNetwork } from './mobile_networks.mjs';
import { startStaticServer } from './static_server.mjs';
import { bytes, mebibytes, median, ms, p95, ratio, table } from './stats.mjs';

const DIST = resolve(process.argv[2] ?? 'dist');
const SERVER_BINARY = resolve(process.argv[3] ?? 'target/release/journey-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const number = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return value;
};
const RUNS = number('BENCH_RUNS', 7);
const VERSIONS = number('BENCH_VERSIONS', 10_000);
const LIGHTHOUSE_RUNS = number('BENCH_LIGHTHOUSE_RUNS', 3);
const SCALE_LOADS = number('BENCH_SCALE_LOADS', 5);
const BIG_LOADS = number('BENCH_BIG_LOADS', 3);
const TRACE_RUNS = number('BENCH_TRACE_RUNS', 3);
const RETURN_PROFILES = number('BENCH_RETURN_PROFILES', 3);
const NETWORK_RUNS = number('BENCH_NETWORK_RUNS', 3);
const RETURN_VISITS = 4;
const KEYSTROKES = 30;
const PARTS = ['ratios', 'return', 'network', 'size', 'lighthouse', 'scale'];
const ONLY = (process.env.BENCH_ONLY ?? PARTS.join(',')).split(',').map((p) => p.trim()).filter(Boolean);
for (const part of ONLY) if (!PARTS.includes(part)) throw new Error(`BENCH_ONLY: unknown part "${part}"; the parts are ${PARTS.join(', ')}`);
const SIZE_TARGET = 150_000; // bytes, brotli

const PAGES = { app: '/', vanilla: '/vanilla/' };
// What each page showed that looked wrong (console errors, failed requests).
const problems = { app: new Set(), vanilla: new Set() };

const verdict = (ok) => (ok ? 'meets' : '**misses**');

// --- ratios --------------------------------------------------------------------
async function ratios(browser, web) {
  // The comparison means something only while both pages show the same Home.
  const small = await startJourneyServer({ binary: SERVER_BINARY, versions: 3_000, pageLimit: 500, allowOrigin: web.origin });
  let parity;
  try {
    web.setConfig({ backend: 'http', apiBase: small.apiBase });
    parity = await checkParity(browser, web.origin, PAGES, 3_000, problems);
  } catch (error) {
    parity = { differences: [`the check itself failed: ${error.message}`] };
  } finally {
    await small.stop();
  }

  const server = await startJourneyServer({ binary: SERVER_BINARY, versions: VERSIONS, pageLimit: 500, allowOrigin: web.origin });
  try {
    web.setConfig({ backend: 'http', apiBase: server.apiBase });
    const results = { app: { firstRows: [], keys: [], steps: [] }, vanilla: { firstRows: [], keys: [], steps: [] } };
    for (let run = 0; run < RUNS; run++) {
      // Alternating, so that whatever the machine does meanwhile falls on both.
      for (const which of ['app', 'vanilla']) {
        const load = await loadHome(browser, web.origin + PAGES[which], { total: VERSIONS, problems: problems[which] });
        results[which].firstRows.push(load.firstRows);
        results[which].steps.push(load.steps);
        results[which].keys.push(...await measureKeystrokes(load.page, KEYSTROKES));
        await load.close();
      }
    }
    const rows = [];
    const row = (what, pick, medianTarget, p95Target) => {
      const app = pick(results.app), vanilla = pick(results.vanilla);
      const medianRatio = median(app) / median(vanilla), p95Ratio = p95(app) / p95(vanilla);
      rows.push([what, ms(median(app)), ms(p95(app)), ms(median(vanilla)), ms(p95(vanilla)),
        `${ratio(median(app), median(vanilla))} (≤ ${medianTarget}×: ${verdict(medianRatio <= medianTarget)})`,
        `${ratio(p95(app), p95(vanilla))} (≤ ${p95Target}×: ${verdict(p95Ratio <= p95Target)})`]);
    };
    row('first rows, from navigation start', (r) => r.firstRows, 1.3, 1.3);
    row('search keystroke: input event to the list body changed', (r) => r.keys.map((k) => k.update), 1.15, 1.3);
    row('search keystroke: input event to the frame after it', (r) => r.keys.map((k) => k.painted), 1.15, 1.3);
    console.log(`\n## App against the vanilla page: ${VERSIONS.toLocaleString('en')} versions over HTTP (a first page of 100, then pages of 500)\n`);
    console.log(`${RUNS} page loads of each, alternating in one headless Chromium; ${KEYSTROKES} keystrokes per load (${RUNS * KEYSTROKES} of each).${RUNS < 7 ? ' Fewer than 7 runs: the targets ask for at least 7.' : ''}\n`);
    console.log(table(['measure', 'app median', 'app p95', 'vanilla median', 'vanilla p95', 'median ratio', 'p95 ratio'], rows));
    // Medians of each step on the way to the first rows, from navigation start.
    const steps = (which) => {
      const r = results[which];
      const at = (key) => median(r.steps.map((s) => s[key]).filter((t) => t !== undefined));
      return [which, ms(at('started')), ms(at('listAsked')), ms(at('listArrived')), ms(median(r.firstRows))];
    };
    console.log('\nWhere the time to the first rows goes (medians, from navigation start):\n');
    console.log(table(['page', 'its code starts', 'first page asked for', 'first page arrived', 'first rows'], [steps('app'), steps('vanilla')]));
    // What the main thread did on the way, from traced loads (see start_trace.mjs).
    const traced = { app: [], vanilla: [] };
    for (let run = 0; run < TRACE_RUNS; run++) {
      for (const which of ['app', 'vanilla']) traced[which].push(await traceFirstRows(browser, web.origin + PAGES[which]));
    }
    const mainThread = (which) => {
      const at = (key) => median(traced[which].map((t) => t[key]));
      return [which, ms(at('firstRows')), ms(at('busy')), ms(at('cpu')), `${ms(at('lazyCompile'))} (${at('lazyFunctions').toLocaleString('en')} functions)`];
    };
    console.log(`\nThe main thread from navigation start to the first rows (medians of ${TRACE_RUNS} traced loads of each; tracing slows the page):\n`);
    console.log(table(['page', 'first rows, traced', 'main thread busy', 'CPU time it was given', 'wasm compiled lazily on it'], [mainThread('app'), mainThread('vanilla')]));
    if (parity.differences.length === 0) {
      console.log(`\nParity: both pages showed the same rows, cells, status, headings and URL after each of ${parity.steps} steps (searches, filters, orders, a scroll; 3,000 versions).`);
    } else {
      console.log(`\n**Parity: the pages differ** (${parity.differences.length} differences; the first ones):\n${parity.differences.slice(0, 10).map((d) => `- ${d}`).join('\n')}`);
    }
  } finally {
    await server.stop();
  }
}

// --- return visits -------------------------------------------------------------
async function returnVisits(web) {
  const server = await startJourneyServer({ binary: SERVER_BINARY, versions: VERSIONS, pageLimit: 500, allowOrigin: web.origin });
  try {
    web.setConfig({ backend: 'http', apiBase: server.apiBase });
    const visits = { app: [], vanilla: [] };
    for (let run = 0; run < RETURN_PROFILES; run++) {
      for (const which of ['app', 'vanilla']) visits[which].push(await visitsInOneProfile(CHROMIUM, web.origin + PAGES[which], RETURN_VISITS));
    }
    const first = (which) => median(visits[which].map((times) => times[0]));
    const later = (which) => median(visits[which].flatMap((times) => times.slice(1)));
    console.log(`\n## First rows on a return visit: ${VERSIONS.toLocaleString('en')} versions over HTTP (a first page of 100, then pages of 500)\n`);
    console.log(`${RETURN_PROFILES} browser profiles of each page, ${RETURN_VISITS} visits in each; hashed files are served immutable, as a CDN should.\n`);
    console.log(table(['visit', 'app', 'vanilla', 'ratio'], [
      ['first (empty cache)', ms(first('app')), ms(first('vanilla')), ratio(first('app'), first('vanilla'))],
      [`later (median of ${RETURN_PROFILES * (RETURN_VISITS - 1)})`, ms(later('app')), ms(later('vanilla')), ratio(later('app'), later('vanilla'))],
    ]));
  } finally {
    await server.stop();
  }
}

// --- network -------------------------------------------------------------------
async function mobileNetworks(browser, web) {
  const server = await startJourneyServer({ binary: SERVER_BINARY, versions: VERSIONS, pageLimit: 500, allowOrigin: web.origin });
  try {
    web.setConfig({ backend: 'http', apiBase: server.apiBase });
    const kbits = (bytesPerSecond) => Math.round((bytesPerSecond * 8) / 1024).toLocaleString('en');
    console.log(`\n## First rows and the whole list over mobile networks: ${VERSIONS.toLocaleString('en')} versions over HTTP (a first page of 100, then pages of 500)\n`);
    console.log(`${NETWORK_RUNS} loads of each page on each network, alternating, empty cache, through Chromium's network emulation. Medians, from navigation start.`);
    for (const network of NETWORKS) {
      const loads = { app: [], vanilla: [] };
      for (let run = 0; run < NETWORK_RUNS; run++) {
        for (const which of ['app', 'vanilla']) loads[which].push(await loadOverNetwork(browser, web.origin + PAGES[which], network, VERSIONS));
      }
      const at = (which, key) => median(loads[which].map((load) => load[key]).filter((t) => t !== undefined));
      const row = (which) => [which, ms(at(which, 'codeArrived')), ms(at(which, 'listAsked')), ms(at(which, 'listArrived')), ms(at(which, 'firstRows')), ms(at(which, 'wholeList'))];
      console.log(`\n${network.name}: ${network.latency} ms round trips, ${kbits(network.downloadThroughput)} kbit/s down, ${kbits(network.uploadThroughput)} kbit/s up\n`);
      console.log(table(['page', 'its code arrived', 'first page asked for', 'first page arrived', 'first rows', 'whole list'], [row('app'), row('vanilla')]));
      console.log(`\nFirst rows: app ${ratio(at('app', 'firstRows'), at('vanilla', 'firstRows'))} the vanilla page.`);
    }
  } finally {
    await server.stop();
  }
}

// --- size ----------------------------------------------------------------------
function size() {
  const rows = [];
  let raw = 0, brotli = 0;
  for (const { path, why } of loadedFiles(DIST)) {
    const body = readFileSync(join(DIST, path));
    const compressed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length;
    raw += body.length;
    brotli += compressed;
    rows.push([path, why, bytes(body.length), bytes(compressed)]);
  }
  rows.push(['**everything index.html loads**', '', bytes(raw), `**${bytes(brotli)}**`]);
  console.log('\n## Release bundle: what index.html loads\n');
  console.log(table(['file', 'loaded as', 'bytes', 'brotli (quality 11)'], rows));
  console.log(`\nTarget ≤ ${bytes(SIZE_TARGET)} bytes (150 KB) brotli: ${verdict(brotli <= SIZE_TARGET)} (${bytes(brotli)} bytes, ${(brotli / 1024).toFixed(1)} KiB).`);
}

// --- lighthouse ----------------------------------------------------------------
async function lighthouse(web) {
  // The build as it is: its own config.json if it has one, else none (a 404),
  // and either way the app's default, the embedded backend.
  web.setConfig(null);
  web.encodings.clear();
  const runs = await runLighthouse(`${web.origin}/`, { chromePath: CHROMIUM, runs: LIGHTHOUSE_RUNS });
  const pick = (key) => runs.map((r) => r[key]);
  const score = (x) => (x === null || x === undefined ? 'n/a' : Math.round(x * 100));
  const served = [...web.encodings].map(([path, encoding]) => `${path} ${encoding}`).join(', ');
  console.log(`\n## Lighthouse ${runs[0].version}: release build, default (embedded) backend, ${runs[0].formFactor}, ${runs[0].throttling} throttling\n`);
  console.log(`Median of ${runs.length} runs, each in a fresh Chromium. Served compressed: ${served}.\n`);
  console.log(table(['measure', 'median', 'each run'], [
    ['performance score', score(median(pick('performance'))), pick('performance').map(score).join(', ')],
    ['largest contentful paint', ms(median(pick('lcp'))), pick('lcp').map(ms).join(', ')],
    ['accessibility score', score(median(pick('accessibility'))), pick('accessibility').map(score).join(', ')],
    ['best-practices score', score(median(pick('bestPractices'))), pick('bestPractices').map(score).join(', ')],
  ]));
  console.log('\nFailing audits (in any run):');
  for (const category of Object.keys(runs[0].failing)) {
    const ids = [...new Set(runs.flatMap((r) => r.failing[category]))];
    console.log(`- ${category}: ${ids.length ? ids.join(', ') : 'none'}`);
  }
  const consoleErrors = [...new Set(runs.flatMap((r) => r.consoleErrors))];
  if (consoleErrors.length) console.log(`\nConsole errors Lighthouse saw: ${consoleErrors.join('; ')}`);
  const warnings = [...new Set(runs.flatMap((r) => r.warnings))];
  if (warnings.length) console.log(`\nLighthouse warnings: ${warnings.join('; ')}`);
}

// --- scale ---------------------------------------------------------------------
async function scale(browser, web) {
  // 20,000 versions, pages of 100 at most: when the first rows and the whole list show.
  const loads = { app: { firstRows: [], loaded: [] }, vanilla: { firstRows: [], loaded: [] } };
  const floor = { small: [], big: [] };
  let server = await startJourneyServer({ binary: SERVER_BINARY, versions: 20_000, pageLimit: 100, allowOrigin: web.origin });
  try {
    web.setConfig({ backend: 'http', apiBase: server.apiBase });
    for (let i = 0; i < 3; i++) floor.small.push((await walkList(server.apiBase)).ms);
    for (let run = 0; run < SCALE_LOADS; run++) {
      for (const which of ['app', 'vanilla']) {
        const load = await loadHome(browser, web.origin + PAGES[which], { total: 20_000, problems: problems[which] });
        loads[which].firstRows.push(load.firstRows);
        loads[which].loaded.push(load.loaded);
        await load.close();
      }
    }
  } finally {
    await server.stop();
  }

  // 100,000 versions, pages of 500: keystrokes and memory once the list is complete.
  const big = { app: { loaded: [], keys: [], memory: [] }, vanilla: { loaded: [], keys: [], memory: [] } };
  server = await startJourneyServer({ binary: SERVER_BINARY, versions: 100_000, pageLimit: 500, allowOrigin: web.origin });
  try {
    web.setConfig({ backend: 'http', apiBase: server.apiBase });
    for (let i = 0; i < 3; i++) floor.big.push((await walkList(server.apiBase)).ms);
    for (let run = 0; run < BIG_LOADS; run++) {
      for (const which of ['app', 'vanilla']) {
        const load = await loadHome(browser, web.origin + PAGES[which], { total: 100_000, problems: problems[which], timeout: 600_000 });
        big[which].loaded.push(load.loaded);
        big[which].keys.push(...await measureKeystrokes(load.page, KEYSTROKES));
        big[which].memory.push(await measureMemory(browser, load.context, load.page));
        await load.close();
      }
    }
  } finally {
    await server.stop();
  }

  console.log('\n## Scale\n');
  console.log(`20,000 versions from a server giving pages of 100 at most (the pages after the first ask for 500): ${SCALE_LOADS} loads of each page, alternating.\n`);
  const timing = (what, pick) => [what, ms(median(pick(loads.app))), ms(p95(pick(loads.app))), ms(median(pick(loads.vanilla))), ms(p95(pick(loads.vanilla))), ratio(median(pick(loads.app)), median(pick(loads.vanilla)))];
  console.log(table(['20,000 versions, pages of 100', 'app median', 'app p95', 'vanilla median', 'vanilla p95', 'median ratio'], [
    timing('navigation start to the first rows', (r) => r.firstRows),
    timing('navigation start to the whole list shown', (r) => r.loaded),
  ]));
  console.log(`\nThe server and network alone (Node's fetch walking every page, median of 3): ${ms(median(floor.small))}.`);

  console.log(`\n100,000 versions in pages of 500: ${BIG_LOADS} loads of each page, alternating; ${KEYSTROKES} keystrokes per load once the whole list is shown, then memory after a full garbage collection (median over loads).\n`);
  const keys = (which, key) => big[which].keys.map((k) => k[key]);
  const mem = (which, key) => median(big[which].memory.map((m) => m[key]).filter((x) => x !== undefined));
  const bigTiming = (what, app, vanilla) => [what, ms(median(app)), ms(p95(app)), ms(median(vanilla)), ms(p95(vanilla)), ratio(median(app), median(vanilla))];
  console.log(table(['100,000 versions, pages of 500', 'app median', 'app p95', 'vanilla median', 'vanilla p95', 'median ratio'], [
    bigTiming('navigation start to the whole list shown', big.app.loaded, big.vanilla.loaded),
    bigTiming('search keystroke: input event to the list body changed', keys('app', 'update'), keys('vanilla', 'update')),
    bigTiming('search keystroke: input event to the frame after it', keys('app', 'painted'), keys('vanilla', 'painted')),
  ]));
  console.log(`\nThe server and network alone (Node's fetch walking every page, median of 3): ${ms(median(floor.big))}.`);
  console.log('');
  console.log(table(['memory, 100,000 versions (after a full GC)', 'app', 'vanilla'], [
    ['JS heap in use (CDP Performance.getMetrics JSHeapUsedSize)', mebibytes(mem('app', 'jsHeap')), mebibytes(mem('vanilla', 'jsHeap'))],
    ['WebAssembly memory (every WebAssembly.Memory, its buffer size; never shrinks)', mebibytes(mem('app', 'wasm')), mebibytes(mem('vanilla', 'wasm'))],
    ['JS heap + WebAssembly memory', mebibytes(mem('app', 'jsHeap') + mem('app', 'wasm')), mebibytes(mem('vanilla', 'jsHeap') + mem('vanilla', 'wasm'))],
    ['Blink heap in use: DOM and other browser objects (CDP Runtime.getHeapUsage embedderHeapUsedSize)', mebibytes(mem('app', 'dom')), mebibytes(mem('vanilla', 'dom'))],
    ['renderer process resident memory (VmRSS of the busiest renderer)', mebibytes(mem('app', 'rss')), mebibytes(mem('vanilla', 'rss'))],
  ]));
}

// --- main ----------------------------------------------------------------------
const stopping = [];
const stopAll = async () => {
  for (const stop of stopping.splice(0).reverse()) await stop().catch(() => {});
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll().finally(() => process.exit(130)));
}

try {
  console.log(`Journey Console benchmark: ${DIST}, server ${SERVER_BINARY}, Chromium ${CHROMIUM}`);
  const web = await startStaticServer({ dist: DIST });
  stopping.push(web.stop);
  let browser;
  if (ONLY.includes('ratios') || ONLY.includes('network') || ONLY.includes('scale')) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    stopping.push(() => browser.close());
  }
  if (ONLY.includes('ratios')) await ratios(browser, web);
  if (ONLY.includes('return')) await returnVisits(web);
  if (ONLY.includes('network')) await mobileNetworks(browser, web);
  if (ONLY.includes('size')) size();
  if (ONLY.includes('lighthouse')) await lighthouse(web);
  if (ONLY.includes('scale')) await scale(browser, web);
  for (const [which, seen] of Object.entries(problems)) {
    if (seen.size) console.log(`\nThe ${which} page showed (every load together): \n${[...seen].map((p) => `- ${p}`).join('\n')}`);
  }
} finally {
  await stopAll();
}
