// Home opened again and again in one browser profile, as someone who uses the
// console every day opens it: the first visit starts with an empty cache, the
// later ones find the page's files in the HTTP cache (the static server sends
// hashed files as the README tells a CDN to: immutable) and, for the app, the
// compiled wasm in Chromium's code cache. Each profile is a fresh directory
// of its own, so profiles do not share what they cached.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstRowsOf } from './page_runs.mjs';

// Time left between visits for Chromium to write the compiled wasm to its
// code cache; it does so once the module has been running for a while.
const SETTLE_MS = 4_000;

// The first-rows time (from navigation start) of each of `visits` visits.
export async function visitsInOneProfile(chromiumPath, url, visits) {
  const profile = mkdtempSync(join(tmpdir(), 'journey-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    viewport: { width: 1280, height: 800 },
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const times = [];
    for (let visit = 0; visit < visits; visit++) {
      const page = await context.newPage();
      times.push(await firstRowsOf(page, url));
      await page.waitForTimeout(SETTLE_MS);
      await page.close();
    }
    return times;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
