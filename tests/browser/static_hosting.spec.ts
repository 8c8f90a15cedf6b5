// The release build as a CDN serves it: from a sub-path (/tools/journeys/, the
// build's public_url), with a strict Content-Security-Policy header and a
// fallback to index.html for deep links (tests/static_hosting/serve.json,
// started by playwright.config.ts from target/cdn-root, built by scripts/test).

import { expect, test, type Page } from '@playwright/test';
import {
  clickQuickAction,
  LIVE,
  confirmButton,
  confirmDialog,
  expectHomeLoaded,
  homeRow,
  menuItem,
  openActionsMenu,
  reasonField,
  toast,
  versionLine,
} from './support/console';

const SITE = 'http://127.0.0.1:4174';
const BASE = `${SITE}/tools/journeys/`;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

/// Records every Content-Security-Policy violation the page reports, from
/// before its first script runs.
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('the main flows run from a sub-path under a strict CSP with no violation', async ({ page }) => {
  await recordViolations(page);
  const response = await page.goto(BASE);
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  await expectHomeLoaded(page);

  // Finish from Home's quick action.
  const row = homeRow(page, LIVE.cart.name);
  await row.hover();
  await clickQuickAction(row, 'Finish', LIVE.cart.name);
  await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
  await expect(homeRow(page, LIVE.cart.name)).toContainText(/Finish(ed|ing)/);

  // Search, then open a journey: its address is under the sub-path.
  await page.getByRole('searchbox', { name: 'Search journeys' }).fill('back in');
  await homeRow(page, LIVE.backInStock.name).getByRole('link', { name: LIVE.backInStock.name }).click();
  await expect(page).toHaveURL(`${BASE}journeys/${LIVE.backInStock.id}`);

  // Stop from the detail view's menu, with a reason.
  await openActionsMenu(page);
  await menuItem(page, 'Stop').click();
  const dialog = confirmDialog(page, 'Stop');
  await reasonField(dialog).fill('Wrong audience');
  await confirmButton(dialog, 'Stop').click();
  await expect(versionLine(page)).toContainText('Stopped');
  await expect(toast(page, /is stopped/)).toBeVisible();

  // A deep link reloads into the same journey (the host's fallback page).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: LIVE.backInStock.name })).toBeVisible();
  await expect(versionLine(page)).toContainText('Stopped');

  // Back to Home stays under the sub-path.
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${BASE}(\\?.*)?$`));
  await expectHomeLoaded(page);

  expect(await violations(page)).toEqual([]);
});

test('a deep link opened fresh shows the journey, and an unknown page says so', async ({ page }) => {
  await recordViolations(page);
  await page.goto(`${BASE}journeys/${LIVE.cart.id}`);
  await expect(page.getByRole('heading', { level: 1, name: LIVE.cart.name })).toBeVisible();
  await page.goto(`${BASE}unknown-page`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Home' }).click();
  await expectHomeLoaded(page);
  expect(await violations(page)).toEqual([]);
});

test('the build is content-hashed files with subresource integrity, started without inline script', async ({ request }) => {
  const index = await (await request.get(BASE)).text();
  const assets = [...index.matchAll(/(?:href|src|data-journey-console-(?:js|wasm))="([^"]+)"/g)].map((m) => m[1]);
  const hashed = assets.filter((asset) => /-[0-9a-f]{6,16}(_bg)?\.(js|wasm|css)$/.test(asset));
  expect(hashed.length).toBeGreaterThanOrEqual(3);
  for (const asset of hashed) expect(asset.startsWith('/tools/journeys/')).toBeTruthy();
  expect(index).toMatch(/<link rel="stylesheet" href="\/tools\/journeys\/console-[0-9a-f]{6,16}\.css"[^>]* integrity="sha384-/);
  expect(index).toMatch(/<link rel="modulepreload" href="\/tools\/journeys\/journey-console-[0-9a-f]{6,16}\.js"[^>]* integrity="sha384-/);
  // Every script is a file: no inline script for the CSP to allow.
  for (const script of index.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    expect(script[0]).toContain(' src="');
    expect(script[1].trim()).toBe('');
  }
});

test('a default deploy starts with no failed request and no error in the browser console', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  await page.goto(BASE);
  await expectHomeLoaded(page);
  // The build's own config.json (the embedded backend) was read, not a 404.
  const config = await page.request.get(`${BASE}config.json`);
  expect(config.status()).toBe(200);
  expect(await config.json()).toEqual({ backend: 'embedded' });
  expect(problems).toEqual([]);
});
