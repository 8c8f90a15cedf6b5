// One page load of Home under Chromium's tracing, and what the page's main
// thread did from navigation start to the first rows (the page's performance
// mark journey-console:first-rows):
//  - busy: the wall time of the main thread's tasks;
//  - cpu: the CPU time the main thread was given for them. On a machine with
//    few cores, busy is well above cpu: the main thread waits for a core
//    (the browser's other threads, the server, V8 compiling in the
//    background);
//  - lazyCompile / lazyFunctions: WebAssembly functions V8 compiled on the
//    main thread the first time they were called (V8 compiles a module's
//    functions lazily, so a wasm page pays for the code its start runs, on
//    the main thread, as it runs it). The vanilla page has none.
// Tracing slows the page down: compare these figures with each other, not
// with the untraced first rows.

import { firstRowsOf } from './page_runs.mjs';

const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8.wasm', 'blink.user_timing', 'loading'];

export async function traceFirstRows(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    let trace;
    try {
      await firstRowsOf(page, url);
    } finally {
      trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    }
    return mainThreadToFirstRows(trace.traceEvents ?? trace);
  } finally {
    await context.close();
  }
}

function mainThreadToFirstRows(events) {
  const mark = events.find((e) => e.name === 'journey-console:first-rows');
  if (!mark) throw new Error('the trace has no journey-console:first-rows mark');
  const { pid, tid } = mark;
  const starts = events.filter((e) => e.pid === pid && e.name === 'navigationStart').map((e) => e.ts);
  if (starts.length === 0) throw new Error('the trace has no navigationStart for the page');
  const from = Math.min(...starts);
  const onMain = (name) => events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === name && e.ts >= from && e.ts <= mark.ts);
  const sum = (list, key) => list.reduce((total, e) => total + (e[key] ?? 0), 0) / 1000;
  const tasks = onMain('RunTask');
  const lazy = onMain('wasm.CompileLazy');
  return {
    firstRows: (mark.ts - from) / 1000,
    busy: sum(tasks, 'dur'),
    cpu: sum(tasks, 'tdur'),
    lazyCompile: sum(lazy, 'dur'),
    lazyFunctions: lazy.length,
  };
}
