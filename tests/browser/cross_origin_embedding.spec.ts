// Journey Console embedded from a CDN on another origin, as docs/embedding.md
// ("Serving the console from a CDN on another origin") describes: the host page
// (tests/cross_origin/host, on 127.0.0.1:4176) is sent with the strict
// Content-Security-Policy the docs prescribe, and loads embed.js from the CDN
// (the release build in target/cdn-root, on 127.0.0.1:4177, sending
// Access-Control-Allow-Origin); its backend is a reference server on a third
// origin (127.0.0.1:8788). A second CDN (127.0.0.1:4178) serves the same build
// without CORS headers: the failure the docs warn of.

import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';
import { LIVE, confirmButton, confirmDialog, expectDrawn, expectHomeLoaded, homeRow, quickAction } from './support/console';

const HOST = 'http://127.0.0.1:4176';
const CDN = 'http://127.0.0.1:4177';
const CDN_WITHOUT_CORS = 'http://127.0.0.1:4178';
const API_ORIGIN = 'http://127.0.0.1:8788';
const API = `${API_ORIGIN}/api`;
/// What docs/embedding.md tells a host to allow, for this CDN and API.
const HOST_CSP =
  `default-src 'self'; script-src 'self' ${CDN} 'wasm-unsafe-eval'; ` +
  `style-src 'self' ${CDN}; connect-src 'self' ${CDN} ${API_ORIGIN}`;

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${API}/_test/reset`)).ok()).toBeTruthy();
});

/// Everything that went wrong while the page ran: CSP violations (as events,
/// from before the first script, and as the browser's console messages),
/// errors, failed requests and error statuses.
async function recordProblems(page: Page): Promise<{ problems: string[]; violations: () => Promise<string[]> }> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return {
    problems,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

function hostEvents(page: Page): Promise<Array<{ type: string; id: string; name: string; status: string }>> {
  return page.evaluate(() => (window as unknown as { hostEvents: Array<{ type: string; id: string; name: string; status: string }> }).hostEvents);
}

test('a host page on another origin, under a strict CSP, runs the console from the CDN', async ({ page }) => {
  const { problems, violations } = await recordProblems(page);
  const fromCdn: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(`${CDN}/`)) fromCdn.push(new URL(request.url()).pathname);
  });

  const response = await page.goto(`${HOST}/`);
  expect(response?.headers()['content-security-policy']).toBe(HOST_CSP);
  await expectHomeLoaded(page);

  // Every part of the console came from the CDN, none from the host. (Home
  // may be drawn before its stylesheet's request has finished.)
  await expect.poll(() => fromCdn).toEqual(
    expect.arrayContaining([
      '/tools/journeys/embed.js',
      '/tools/journeys/index.html',
      expect.stringMatching(/^\/tools\/journeys\/journey-console-[0-9a-f]+\.js$/),
      expect.stringMatching(/^\/tools\/journeys\/journey-console-[0-9a-f]+_bg\.wasm$/),
      expect.stringMatching(/^\/tools\/journeys\/console-[0-9a-f]+\.css$/),
    ]),
  );
  // Its stylesheet (from the CDN, in its shadow root) applies: a row's quick
  // actions are drawn only while the row is hovered.
  const row = homeRow(page, LIVE.cart.name);
  const finish = quickAction(row, 'Finish', LIVE.cart.name);
  await expectDrawn(finish, false);
  await row.hover();
  await expectDrawn(finish, true);

  // Finish from Home's quick action, through the backend on a third origin.
  await finish.click();
  await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
  await expect(homeRow(page, LIVE.cart.name)).toContainText(/Finish(ed|ing)/);
  await expect
    .poll(() => hostEvents(page))
    .toContainEqual(expect.objectContaining({ type: 'journey-finished', id: LIVE.cart.id, name: LIVE.cart.name, status: 'finished' }));
  const saved = await page.request.get(`${API}/journeys/${LIVE.cart.id}`, {
    headers: { authorization: 'Bearer operator-token' },
  });
  expect((await saved.json()).status).toBe('finished');

  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('from a CDN that sends no CORS headers the console does not appear, and the browser says why', async ({ page }) => {
  const embed = `${CDN_WITHOUT_CORS}/tools/journeys/embed.js`;
  const blocked = page.waitForEvent('requestfailed', (request) => request.url() === embed);
  const explained = page.waitForEvent('console', (message) => message.text().includes('blocked by CORS policy'));

  await page.goto(`${HOST}/no-cors.html`);

  // The browser refuses the module script (a CORS request) and says so in
  // its console; the CSP allowed the CDN, so CORS alone is the cause.
  await blocked;
  expect((await explained).text()).toContain(
    `Access to script at '${embed}' from origin '${HOST}' has been blocked by CORS policy: ` +
      "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  );
  // What the host sees: an empty, undefined <journey-console> element, where
  // nothing ever appears (embed.js never ran, so no notice either).
  expect(await page.evaluate(() => customElements.get('journey-console') === undefined)).toBe(true);
  await expect(page.locator('journey-console:not(:defined)')).toBeEmpty();
  await expect(page.getByRole('heading', { name: 'Journeys' })).toHaveCount(0);
  // A host that imports embed.js itself (to call mountJourneyConsole) gets a
  // rejected import.
  const imported = await page.evaluate(
    (url) => import(url).then(
      () => 'loaded',
      (error: Error) => `${error.name}: ${error.message}`,
    ),
    embed,
  );
  expect(imported).toBe(`TypeError: Failed to fetch dynamically imported module: ${embed}`);
});

test('the TypeScript declarations are served beside embed.js, as they are in the repository', async ({ request }) => {
  const declarations = await request.get(`${CDN}/tools/journeys/embed.d.ts`);
  expect(declarations.status()).toBe(200);
  const text = await declarations.text();
  expect(text).toBe(readFileSync('web/embed.d.ts', 'utf8'));
  expect(text).toContain('export declare function mountJourneyConsole(');
  expect(text).toContain("'journey-console': JourneyConsoleElement;");
});
