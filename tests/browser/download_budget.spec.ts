// What a browser downloads to start the console, held to a budget so that it
// does not grow unnoticed: every file the page loads from its own origin (the
// stylesheet, boot.js, the wasm-bindgen glue, the wasm, the icon,
// config.json), without the HTML document itself, each counted as brotli
// (quality 11) would send it. This is the "everything index.html loads" figure
// of the README's size table ("Speed and size"); the budget is raised only on
// purpose, saying why in bench/RESULTS.md.

import { brotliCompressSync, constants } from 'node:zlib';
import { expect, test, type Response } from '@playwright/test';
import { expectHomeLoaded } from './support/console';

const BUDGET_BYTES = 415_000;

test('starting the console downloads at most its budget, brotli compressed', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Each file once, however many times it was asked for (a preload, then
  // the fetch that uses it).
  const responses = new Map<string, Response>();
  page.on('response', (response) => {
    const url = response.url();
    if (!response.request().isNavigationRequest() && new URL(url).origin === origin && !responses.has(url)) {
      responses.set(url, response);
    }
  });
  await page.goto('/');
  await expectHomeLoaded(page);

  const files = await Promise.all(
    [...responses.values()].map(async (response) => {
      const body = await response.body();
      const brotli = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length;
      return { path: new URL(response.url()).pathname, brotli };
    }),
  );
  // The wasm is most of it: a count without it would say nothing.
  expect(files.map((file) => file.path)).toContainEqual(expect.stringMatching(/\.wasm$/));
  const total = files.reduce((sum, file) => sum + file.brotli, 0);
  test.info().annotations.push({
    type: 'download',
    description: `${total} bytes brotli: ${files.map((file) => `${file.path} ${file.brotli}`).join(', ')}`,
  });
  expect(total, `bytes (brotli) to start the console; the budget is ${BUDGET_BYTES}`).toBeLessThanOrEqual(
    BUDGET_BYTES,
  );
});
