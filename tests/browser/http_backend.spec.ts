// The console against a real server: the reference server (crates/reference_server,
// started by playwright.config.ts on 127.0.0.1:8791 with an in-memory SQLite
// database) over the HTTP contract, from another origin, so CORS is real too.

import { expect, test, type APIRequestContext, type Page, type Route } from '@playwright/test';
import {
  clickQuickAction,
  LIVE,
  actionsButton,
  actionsMenu,
  collectErrors,
  confirmButton,
  confirmDialog,
  expectHomeLoaded,
  holdTheCode,
  homeRow,
  journeyRows,
  journeyTable,
  listCount,
  parseCount,
  listFirstPage,
  listLaterPage,
  withPageSize,
  menuItem,
  openActionsMenu,
  reasonField,
  toast,
  versionLine,
} from './support/console';

const API = 'http://127.0.0.1:8791/api';
const TOKENS = {
  viewer: 'viewer-token',
  operator: 'operator-token',
  admin: 'admin-token',
} as const;
type Role = keyof typeof TOKENS;

// Every test here shares the one server, so they run one after the other,
// each on freshly seeded demo data.
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  const reset = await request.post(`${API}/_test/reset`);
  expect(reset.ok()).toBeTruthy();
});

/// Points the console at the server (config.json as a deployment would serve it).
async function useServer(page: Page, role: Role = 'admin', pollIntervalMs = 1000): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ backend: 'http', apiBase: API, token: TOKENS[role], pollIntervalMs }),
    }),
  );
}

async function version(request: APIRequestContext, id: string) {
  const response = await request.get(`${API}/journeys/${id}`, {
    headers: { Authorization: `Bearer ${TOKENS.viewer}` },
  });
  expect(response.status()).toBe(200);
  return response.json();
}

async function history(request: APIRequestContext, id: string): Promise<Array<{ action: string }>> {
  const response = await request.get(`${API}/journeys/${id}/history`, {
    headers: { Authorization: `Bearer ${TOKENS.viewer}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).items;
}

async function finishFromHome(page: Page, name: string): Promise<void> {
  const row = homeRow(page, name);
  await row.hover();
  await clickQuickAction(row, 'Finish', name);
  const dialog = confirmDialog(page, 'Finish');
  await expect(dialog).toBeVisible();
  await confirmButton(dialog, 'Finish').click();
}

test('Finish and Stop go to the server and survive a reload', async ({ page, request }) => {
  const errors = collectErrors(page);
  await useServer(page, 'operator');
  await page.goto('/');
  await expectHomeLoaded(page);

  await finishFromHome(page, LIVE.cart.name);
  await expect(toast(page, /is finished/)).toBeVisible();
  await expect(homeRow(page, LIVE.cart.name)).toContainText(/Finish(ed|ing)/);
  expect((await version(request, LIVE.cart.id)).status).toBe('finished');

  const row = homeRow(page, LIVE.backInStock.name);
  await row.hover();
  await clickQuickAction(row, 'Stop', LIVE.backInStock.name);
  const dialog = confirmDialog(page, 'Stop');
  await reasonField(dialog).fill('Wrong audience');
  await confirmButton(dialog, 'Stop').click();
  await expect(dialog).toBeHidden();
  const stopped = await version(request, LIVE.backInStock.id);
  expect(stopped.status).toBe('stopped');
  expect(stopped.stopReason).toBe('Wrong audience');

  await page.reload();
  await expectHomeLoaded(page);
  await expect(homeRow(page, LIVE.cart.name)).toContainText(/Finish(ed|ing)/);
  await expect(homeRow(page, LIVE.backInStock.name)).toContainText('Stopped');
  expect(errors).toEqual([]);
});

test('a second person acting on a journey already stopped is told why and sees the truth', async ({ browser }, testInfo) => {
  // Two people, each in their own browser; the second one's page is not
  // refreshed in between (a long poll interval), so it still shows "Live".
  const baseURL = testInfo.project.use.baseURL;
  const first = await (await browser.newContext({ baseURL })).newPage();
  const second = await (await browser.newContext({ baseURL })).newPage();
  await useServer(first, 'operator');
  await useServer(second, 'admin', 600_000);
  await second.goto(`/journeys/${LIVE.cart.id}`);
  await expect(versionLine(second)).toContainText('Live');
  await first.goto(`/journeys/${LIVE.cart.id}`);
  await expect(versionLine(first)).toContainText('Live');

  await openActionsMenu(first);
  await menuItem(first, 'Stop').click();
  await confirmButton(confirmDialog(first, 'Stop'), 'Stop').click();
  await expect(versionLine(first)).toContainText('Stopped');

  await openActionsMenu(second);
  await menuItem(second, 'Finish').click();
  const dialog = confirmDialog(second, 'Finish');
  await confirmButton(dialog, 'Finish').click();
  const why = dialog.getByRole('alert');
  await expect(why).toContainText('stopped this journey');
  await expect(dialog).toBeVisible();
  await expect(versionLine(second)).toContainText('Stopped');
  await first.close();
  await second.close();
});

for (const mode of ['error', 'drop'] as const) {
  test(`a server that ${mode === 'error' ? 'fails once' : 'drops the connection once'} still applies the action exactly once`, async ({ page, request }) => {
    await useServer(page, 'operator');
    await page.goto('/');
    await expectHomeLoaded(page);
    const fault = await request.post(`${API}/_test/faults`, { data: { path: 'finish', mode, count: 1 } });
    expect(fault.ok()).toBeTruthy();

    await finishFromHome(page, LIVE.cart.name);
    await expect(toast(page, /is finished/)).toBeVisible();
    expect((await version(request, LIVE.cart.id)).status).toBe('finished');
    const finishes = (await history(request, LIVE.cart.id)).filter((entry) => entry.action === 'finish');
    expect(finishes).toHaveLength(1);
  });
}

test('a viewer is offered no Finish or Stop, and the server refuses a forged request', async ({ page, request }) => {
  await useServer(page, 'viewer');
  await page.goto('/');
  await expectHomeLoaded(page);
  const row = homeRow(page, LIVE.cart.name);
  await row.hover();
  await expect(row.getByRole('button', { name: /^(Finish|Stop) / })).toHaveCount(0);

  await row.getByRole('link', { name: LIVE.cart.name }).click();
  await openActionsMenu(page);
  for (const item of ['Finish', 'Stop']) {
    await expect(menuItem(page, item)).toHaveAttribute('aria-disabled', 'true');
    await expect(menuItem(page, item)).toContainText('Your role (viewer) does not allow this');
  }

  const current = await version(request, LIVE.cart.id);
  const forged = await request.post(`${API}/journeys/${LIVE.cart.id}/finish`, {
    headers: {
      Authorization: `Bearer ${TOKENS.viewer}`,
      'If-Match': `"${current.revision}"`,
      'Idempotency-Key': 'forged-by-a-viewer',
    },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe('forbidden');
  expect((await version(request, LIVE.cart.id)).status).toBe('live');
});

test('offline is shown as such, with a retry that recovers', async ({ page }) => {
  await useServer(page, 'operator');
  await page.goto('/');
  await expectHomeLoaded(page);
  // A server's journeys are not said to be demo data.
  await expect(page.getByRole('banner').getByRole('paragraph')).toHaveCount(0);
  await page.route(`${API}/**`, (route) => route.abort('internetdisconnected'));
  const problem = page.getByRole('alert').filter({ hasText: 'could not be reached' });
  await expect(problem).toBeVisible({ timeout: 20_000 });
  await expect(homeRow(page, LIVE.cart.name)).toBeVisible();

  await page.unroute(`${API}/**`);
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(problem).toBeHidden();
});

test('a server that cannot be reached from the start: the list says it did not load, not that it is loading', async ({ page }) => {
  await useServer(page, 'operator');
  await page.route(`${API}/**`, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be reached' })).toBeVisible({ timeout: 20_000 });
  await expect(listCount(page)).toHaveText('The journeys did not load.');

  await page.unroute(`${API}/**`);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectHomeLoaded(page);
});

// What a broken server or proxy may send instead of journey data. Each one
// must leave a working console with a clear message, never a blank page.
const BAD_RESPONSES: Array<{ name: string; status: number; contentType: string; body: string; says: RegExp }> = [
  { name: 'wrong JSON', status: 200, contentType: 'application/json', body: '{"items": 5, "next": null}', says: /not journey data/ },
  { name: 'not JSON at all', status: 200, contentType: 'application/json', body: '{"items": [', says: /not journey data/ },
  // A version of a status this console does not know costs that version
  // alone (sync_trust.spec.ts); items with nothing of a version in them are
  // not journey data.
  { name: 'items that are not versions', status: 200, contentType: 'application/json', body: '{"items": [{"id": 7}, [1, 2]], "next": null}', says: /not journey data/ },
  { name: 'an HTML error page', status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>', says: /HTTP 502/ },
  { name: 'an HTML page with 200', status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title>', says: /HTML page instead of JSON/ },
  { name: 'a huge body', status: 200, contentType: 'application/json', body: `{"items":[],"next":null,"padding":"${'x'.repeat(33 * 1024 * 1024)}"}`, says: /larger than 32 MB/ },
];

for (const bad of BAD_RESPONSES) {
  test(`a server answering with ${bad.name} leaves a working console with a clear message`, async ({ page }) => {
    const errors = collectErrors(page);
    await useServer(page, 'operator', 600_000);
    const firstPage = listFirstPage(API);
    await page.route(firstPage, (route) =>
      route.fulfill({ status: bad.status, contentType: bad.contentType, body: bad.body }),
    );
    await page.goto('/');
    const problem = page.getByRole('alert').filter({ hasText: bad.says });
    await expect(problem).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('link', { name: 'Journey Console' })).toBeVisible();

    // Once the server answers properly again, the console carries on.
    await page.unroute(firstPage);
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expectHomeLoaded(page);
    await expect(homeRow(page, LIVE.cart.name)).toBeVisible();
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
}

test('a page on which no version can be read costs those versions alone: they are named, and the pages after it are shown', async ({ page }) => {
  // Pages of 5; a newer server gives every version of the first page a
  // status this console does not know, and one a missing field.
  await page.route(listLaterPage(API), (route) => route.continue({ url: withPageSize(route.request().url(), 5) }));
  await page.route(listFirstPage(API), async (route) => {
    const response = await route.fetch({ url: withPageSize(route.request().url(), 5) });
    const body = await response.json();
    body.items = body.items.map((version: Record<string, unknown>, at: number) =>
      at === 0 ? { id: version.id, status: 'live' } : { ...version, status: 'archived' },
    );
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
  await useServer(page, 'operator', 600_000);
  await page.goto('/');
  const warning = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(warning).toHaveText(/^5 journey versions from the server could not be read, so they are not shown \(.*(missing field|archived).*\)\. Everything else is shown and can be acted on\.$/);
  // The list went on past that page to its end.
  await expect(listCount(page)).toHaveText(/^Showing \d+ of \d+ journey versions$/);
  const shown = parseCount((await listCount(page).textContent())!.match(/of (\d+)/)![1]);
  expect(shown).toBeGreaterThan(5);
});

test('a list none of whose versions can be read does not say there are no journeys', async ({ page }) => {
  await page.route(listFirstPage(API), async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.items = body.items.map((version: Record<string, unknown>) => ({ ...version, status: 'archived' }));
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
  await useServer(page, 'operator', 600_000);
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await expect(listCount(page)).toHaveText('Showing 0 of 0 journey versions');
  await expect(page.getByRole('paragraph').filter({ hasText: /^None of the journey versions/ })).toHaveText(
    'None of the journey versions could be read: the message above says why.',
  );
  await expect(page.getByText('There are no journeys yet.')).toHaveCount(0);
});

test('polling an unchanged list costs a 304, and a change shows without a reload', async ({ page, request }) => {
  // The test server runs without the simulation (playwright.config.ts), so
  // the list only changes when someone acts.
  const answers: number[] = [];
  page.on('response', (response) => {
    if (listFirstPage(API)(new URL(response.url())) && response.request().method() === 'GET') {
      answers.push(response.status());
    }
  });
  await useServer(page, 'operator', 500);
  await page.goto('/');
  await expectHomeLoaded(page);
  await expect.poll(() => answers.filter((status) => status === 304).length).toBeGreaterThanOrEqual(2);
  // The first answer is the one web/boot.js asked for while the code
  // downloaded; the first poll already sends its ETag.
  expect(answers.slice(0, 2)).toEqual([200, 304]);

  // Someone else finishes a journey: the next poll brings it.
  const before = answers.length;
  const current = await version(request, LIVE.cart.id);
  const finish = await request.post(`${API}/journeys/${LIVE.cart.id}/finish`, {
    headers: {
      Authorization: `Bearer ${TOKENS.operator}`,
      'If-Match': `"${current.revision}"`,
      'Idempotency-Key': 'finished-elsewhere',
    },
  });
  expect(finish.status()).toBe(200);
  await expect(homeRow(page, LIVE.cart.name)).toContainText(/Finish(ed|ing)/);
  // It came with a whole list (a 200), whatever later polls answered (304).
  expect(answers.slice(before)).toContain(200);
});

test('a long list is shown from its first page on, and says so until the rest has arrived', async ({ page }) => {
  // Pages of 5 versions, the later ones held back until the test lets them
  // through, as a slow server would send them.
  const held: Array<() => void> = [];
  await page.route(listLaterPage(API), async (route) => {
    await new Promise<void>((resolve) => held.push(resolve));
    await route.continue({ url: withPageSize(route.request().url(), 5) });
  });
  await page.route(listFirstPage(API), (route) => route.continue({ url: withPageSize(route.request().url(), 5) }));
  await useServer(page, 'operator', 600_000);
  await page.goto('/');

  // The first page is on screen while the second is still on its way.
  await expect(page.getByRole('status').filter({
    hasText: /^Showing 5 of the 5 journey versions loaded so far; loading the rest…$/,
  })).toBeVisible();
  await expect(journeyRows(page)).toHaveCount(5);
  await expect.poll(() => held.length).toBe(1);
  // Search works on what has arrived, and still says the list is incomplete.
  const search = page.getByRole('searchbox', { name: 'Search journeys' });
  await search.fill('zzz-no-such-journey');
  await expect(listCount(page)).toHaveText(/^Showing 0 of the 5 journey versions loaded so far/);
  await search.fill('');

  // Each page let through adds its rows, until the list is complete.
  while (!(await listCount(page).textContent())?.startsWith('Showing 20 of 20')) {
    held.shift()?.();
    await page.waitForTimeout(50);
  }
  await expect(page.getByRole('status').filter({ hasText: /^Showing 20 of 20 journey versions$/ })).toBeVisible();
});

test('the list is asked for in a small first page, for the first rows, then in the largest pages', async ({ page }) => {
  // What the console asked for, before the test makes each page 5 versions
  // long, so that 20 versions take several pages.
  const asked: Array<{ cursor: boolean; limit: string | null }> = [];
  const shortened = (route: Route) => {
    const url = new URL(route.request().url());
    asked.push({ cursor: url.searchParams.has('cursor'), limit: url.searchParams.get('limit') });
    return route.continue({ url: withPageSize(route.request().url(), 5) });
  };
  await page.route(listLaterPage(API), shortened);
  await page.route(listFirstPage(API), shortened);
  await useServer(page, 'operator', 600_000);
  await page.goto('/');
  await expect(listCount(page)).toHaveText(/^Showing 20 of 20 journey versions$/);
  expect(asked).toEqual([
    { cursor: false, limit: '100' },
    { cursor: true, limit: '500' },
    { cursor: true, limit: '500' },
    { cursor: true, limit: '500' },
  ]);
});

/// The GET requests for the list's first page, as they are sent.
function firstPageRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && listFirstPage(API)(new URL(request.url()))) sent.push(request.url());
  });
  return sent;
}

test('the list is asked for while the code downloads, and that answer is used rather than asked for again', async ({ page }) => {
  const sent = firstPageRequests(page);
  const releaseCode = await holdTheCode(page);
  await useServer(page, 'operator', 600_000);
  await page.goto('/', { waitUntil: 'commit' });
  // No console code has run yet, and the first page is on its way.
  await expect.poll(() => sent.length).toBe(1);
  await expect(page.getByRole('link', { name: 'Journey Console' })).toHaveCount(0);

  releaseCode();
  await expectHomeLoaded(page);
  await expect(homeRow(page, LIVE.cart.name)).toBeVisible();
  expect(sent).toEqual([`${API}/journeys?limit=100`]);
});

test('a first page asked for early that fails is asked for again by the console, which says nothing of it', async ({ page }) => {
  const errors = collectErrors(page);
  const sent = firstPageRequests(page);
  const releaseCode = await holdTheCode(page);
  let answered = 0;
  // The request made while the code downloads meets a server error.
  await page.route(listFirstPage(API), (route) =>
    answered++ === 0 ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.continue(),
  );
  await useServer(page, 'operator', 600_000);
  await page.goto('/', { waitUntil: 'commit' });
  await expect.poll(() => answered).toBe(1);

  releaseCode();
  await expectHomeLoaded(page);
  await expect(homeRow(page, LIVE.cart.name)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The console's own request, the one it would have made anyway.
  expect(sent).toHaveLength(2);
  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});

test('a first page slow to come does not hold the console back', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(listFirstPage(API), async (route) => {
    await held;
    await route.continue();
  });
  await useServer(page, 'operator', 600_000);
  await page.goto('/');
  // The console waits a moment for the page web/boot.js asked for, then starts without it.
  await expect(page.getByRole('link', { name: 'Journey Console' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeVisible();
  await expect(homeRow(page, LIVE.cart.name)).toHaveCount(0);

  release();
  await expectHomeLoaded(page);
  await expect(homeRow(page, LIVE.cart.name)).toBeVisible();
});

// Only the rows in view are in the page (src/pages/home.rs): however tall the
// window, they reach the bottom of the list's box, and scrolling brings the
// rest. The first rows are drawn for the window's height, then the list is
// measured; a short window has a list taller than itself (its least height).
for (const height of [400, 1600]) {
  test(`a long list fills its box in a window ${height} px tall, and scrolls to its last version`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height });
    // One page of 300 versions, made from the server's first.
    await page.route(listFirstPage(API), async (route) => {
      const { items } = await (await route.fetch()).json();
      const many = Array.from({ length: 300 }, (_, n) => {
        const number = String(n + 1).padStart(3, '0');
        return { ...items[0], id: `long-list-${number}-v1`, journeyId: `long-list-${number}`, name: `Long list ${number}`, version: 1 };
      });
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: many, next: null }) });
    });
    await useServer(page, 'operator', 600_000);
    await page.goto('/?sort=name&dir=asc');
    await expect(listCount(page)).toHaveText(/^Showing 300 of 300 journey versions$/);

    // The list's box: the element that scrolls the table.
    const box = journeyTable(page).locator('xpath=..');
    const reachesTheBottom = async () => {
      const bottom = await box.evaluate((list) => list.getBoundingClientRect().top + list.clientTop + list.clientHeight);
      const last = await journeyRows(page).last().boundingBox();
      return last !== null && last.y + last.height >= bottom - 0.5;
    };
    await expect(homeRow(page, 'Long list 001', 1)).toBeInViewport();
    await expect.poll(reachesTheBottom).toBe(true);
    expect(await journeyRows(page).count()).toBeLessThan(100);

    // (In the short window the list's box reaches below the window, which
    // scrolls too: the last row is at the bottom of the box, not on screen.)
    await box.evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await expect(homeRow(page, 'Long list 300', 1)).toBeVisible();
    await expect.poll(reachesTheBottom).toBe(true);
    expect(await journeyRows(page).count()).toBeLessThan(100);
  });
}

test('a journey opened from a link shows before the whole list has loaded', async ({ page }) => {
  // The later pages of the list never arrive.
  await page.route(listLaterPage(API), () => {});
  await page.route(listFirstPage(API), (route) => route.continue({ url: withPageSize(route.request().url(), 2) }));
  await useServer(page, 'operator', 600_000);
  // A version the first page (ids in order) does not hold.
  await page.goto(`/journeys/${LIVE.cart.id}`);
  await expect(page.getByRole('heading', { level: 1, name: LIVE.cart.name, exact: true })).toBeVisible();
  // And a link to a version the server does not have says so, without waiting for the list.
  await page.goto('/journeys/no-such-version');
  await expect(page.getByRole('heading', { name: 'Journey not found' })).toBeVisible();
});

test('a new version waits for the whole list while another version of its journey may be on a page still to come', async ({ page }) => {
  // The first page ends with Welcome series version 2 (the list is in id
  // order); version 3, its draft, is on the next page, which is held.
  let rest: unknown[] = [];
  await page.route(listFirstPage(API), async (route) => {
    const whole = await route.fetch({ url: withPageSize(route.request().url(), 500) });
    const { items } = (await whole.json()) as { items: Array<{ id: string }> };
    const end = items.findIndex((version) => version.id === 'welcome-series-v2') + 1;
    rest = items.slice(end);
    await route.fulfill({ json: { items: items.slice(0, end), next: 'the-rest' } });
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(listLaterPage(API), async (route) => {
    await held;
    await route.fulfill({ json: { items: rest, next: null } });
  });
  const posts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST') posts.push(new URL(sent.url()).pathname);
  });
  await useServer(page, 'admin', 600_000);
  await page.goto('/journeys/welcome-series-v2');
  await expect(versionLine(page)).toHaveText(/^Version 2 Live/);

  await openActionsMenu(page);
  await expect(menuItem(page, 'Create new version')).toHaveAttribute('aria-disabled', 'true');
  await expect(menuItem(page, 'Create new version')).toHaveAccessibleName(
    'Create new version Wait until the whole list has loaded: another version of this journey may not be shown yet.',
  );
  await menuItem(page, 'Create new version').click({ force: true });
  await page.keyboard.press('Escape');

  // The rest arrives: the rules say why there is no new version of it.
  release();
  await openActionsMenu(page);
  await expect(menuItem(page, 'Create new version')).toHaveAccessibleName(
    'Create new version Version 3 of this journey is already a draft; edit or publish that one.',
  );
  expect(posts, 'nothing was sent').toEqual([]);
});

test('a draft opened from a link is published only once the list shows the version it replaces, which its confirmation names', async ({ page }) => {
  // The list is held; the draft is asked for alone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(listFirstPage(API), async (route) => {
    await held;
    await route.continue();
  });
  const posts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST') posts.push(new URL(sent.url()).pathname);
  });
  await useServer(page, 'admin', 600_000);
  await page.goto('/journeys/subscription-renewal-v2');
  await expect(versionLine(page)).toHaveText(/^Version 2 Draft/);

  await openActionsMenu(page);
  await expect(menuItem(page, 'Publish')).toHaveAccessibleName(
    'Publish Wait until the whole list has loaded: another version of this journey may not be shown yet.',
  );
  // The pointer is on the menu, aimed at Duplicate, below Publish.
  const below = menuItem(page, 'Duplicate');
  await below.hover();

  // The list comes in: Publish loses its reason, and the items below it
  // move up. A click just then does nothing, and says why.
  release();
  await expect(menuItem(page, 'Publish')).not.toHaveAttribute('aria-disabled');
  await below.click();
  await expect(toast(page, /just before your choice/)).toContainText(
    'The whole list came in just before your choice, and the menu changed. Nothing was done; choose again if that is what you meant.',
  );

  // Chosen once read, Publish asks first, naming the version it finishes.
  await expect(async () => {
    if (!(await actionsMenu(page).isVisible())) await openActionsMenu(page);
    await menuItem(page, 'Publish').click({ timeout: 1000 });
    await expect(confirmDialog(page, 'Publish')).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(confirmDialog(page, 'Publish')).toContainText(/Version 1, live now, will be finished/);
  expect(posts, 'no duplicate was made').toEqual([]);
});

test('a journey opened from a link and left before the version asked for alone arrives does not stop the console', async ({ page }) => {
  // The list never arrives, and the version asked for on its own is held.
  await page.route(listLaterPage(API), () => {});
  await page.route(listFirstPage(API), () => {});
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = false;
  await page.route(`${API}/journeys/${LIVE.cart.id}`, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await useServer(page, 'operator', 600_000);
  await page.goto(`/journeys/${LIVE.cart.id}`);
  await expect(page.getByRole('status').filter({ hasText: 'Loading journey…' })).toBeVisible();
  await expect.poll(() => asked).toBe(true);
  // The user goes Home before it comes.
  await page.getByRole('link', { name: 'Journey Console' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
  const answered = page.waitForResponse((response) => response.url() === `${API}/journeys/${LIVE.cart.id}`);
  release();
  await answered;
  // The answer lands in a page that is gone: nothing to show, nothing to stop.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await expect(page.getByRole('alert').filter({ hasText: 'stopped because of an internal error' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
});

test('focus stays with its journey when the list re-sorts under it', async ({ page, request }) => {
  await useServer(page, 'operator', 500);
  await page.goto('/');
  await expectHomeLoaded(page);
  const names = await journeyRows(page).getByRole('rowheader').allTextContents();
  expect(names.indexOf(LIVE.cart.name), 'the cart journey is not the newest change yet').toBeGreaterThan(0);
  // The top row's link has focus (newest change first).
  const top = journeyRows(page).first().getByRole('link');
  const href = await top.getAttribute('href');
  await top.focus();

  // Someone else finishes the cart journey: it becomes the newest change and
  // moves to the top, and every row above its old place moves down one.
  const current = await version(request, LIVE.cart.id);
  const finish = await request.post(`${API}/journeys/${LIVE.cart.id}/finish`, {
    headers: {
      Authorization: `Bearer ${TOKENS.operator}`,
      'If-Match': `"${current.revision}"`,
      'Idempotency-Key': 'finished-elsewhere-while-focused',
    },
  });
  expect(finish.status()).toBe(200);
  await expect(journeyRows(page).getByRole('rowheader').first()).toHaveText(LIVE.cart.name);

  // Focus followed the journey it was on, to its new row; it did not stay on
  // the place, which now shows the cart journey.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
  await expect(journeyRows(page).nth(1).getByRole('link')).toBeFocused();
});
