// Journey Console embedded in another product's page (tests/embedding/): a host
// with its own router and hostile global CSS places <journey-console> under
// /marketing, against the reference server. The console must look and work as
// itself, tell the host what the user did, and leave nothing behind when the
// host removes it.

import { expect, test, type Page, type Route } from '@playwright/test';
import {
  clickQuickAction,
  LIVE,
  NOW,
  confirmAllShown,
  confirmButton,
  confirmDialog,
  expectDrawn,
  expectHomeLoaded,
  holdClock,
  homeRow,
  menuItem,
  openActionsMenu,
  quickAction,
  versionLine,
} from './support/console';

const HOST = 'http://127.0.0.1:4175';
const API = 'http://127.0.0.1:8787/api';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${API}/_test/reset`)).ok()).toBeTruthy();
});

/// Event listeners on `window` and `document`, as DevTools counts them.
async function globalListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let count = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    count += listeners.length;
  }
  await cdp.detach();
  return count;
}

/// Mounts a console with `mountJourneyConsole` in the host's /campaigns
/// outlet, signed in with `token`; its handle is `window.handle`.
async function mountInCampaigns(page: Page, token: string): Promise<void> {
  await page.evaluate(
    async ({ api, token }) => {
      const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
      const element = document.createElement('div');
      document.getElementById('host-outlet')!.replaceChildren(element);
      const handle = await mountJourneyConsole(element, { apiBase: api, token, basePath: '/campaigns', pollIntervalMs: 500 });
      (window as unknown as { handle: unknown }).handle = handle;
    },
    { api: API, token },
  );
}

/// The Authorization header of each request for the journey list, as sent.
function authorizationsSent(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${API}/journeys`)) seen.push(request.headers()['authorization'] ?? '');
  });
  return seen;
}

function hostEvents(page: Page): Promise<Array<{ type: string; id: string; status: string }>> {
  return page.evaluate(() => (window as unknown as { hostEvents: Array<{ type: string; id: string; status: string }> }).hostEvents);
}

test('embedded under the host\'s router: styled as itself, events out, deep links, and a clean unmount', async ({ page }) => {
  await page.goto(`${HOST}/campaigns`);
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  const before = await globalListeners(page);

  // The host's own link shows the console.
  await page.getByRole('link', { name: 'Journeys' }).click();
  await expect(page).toHaveURL(`${HOST}/marketing/`);
  await expectHomeLoaded(page);
  // The count below sees the console's own listeners while it is mounted.
  expect(await globalListeners(page)).toBeGreaterThan(before);

  // The host's CSS reaches its own button, not ours.
  const hostButton = page.getByRole('button', { name: 'Acme button' });
  await expect(hostButton).toHaveCSS('background-color', 'rgb(255, 0, 0)');
  const row = homeRow(page, LIVE.cart.name);
  await row.hover();
  const finish = quickAction(row, 'Finish', LIVE.cart.name);
  await expect(finish).not.toHaveCSS('background-color', 'rgb(255, 0, 0)');
  await expect(finish).not.toHaveCSS('font-family', /Comic Sans/);
  await expect(page.getByRole('heading', { name: 'Journeys', level: 1 })).not.toHaveCSS('color', 'rgb(255, 0, 255)');
  await expectDrawn(finish, true);

  // Finish from Home: the host hears of it.
  await finish.click();
  await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
  await expect(homeRow(page, LIVE.cart.name)).toContainText(/Finish(ed|ing)/);
  await expect.poll(() => hostEvents(page)).toContainEqual(expect.objectContaining({ type: 'journey-finished', id: LIVE.cart.id, status: 'finished' }));

  // A journey's address lives under the host's /marketing.
  await homeRow(page, LIVE.backInStock.name).getByRole('link', { name: LIVE.backInStock.name }).click();
  await expect(page).toHaveURL(`${HOST}/marketing/journeys/${LIVE.backInStock.id}`);
  await openActionsMenu(page);
  await menuItem(page, 'Stop').click();
  await confirmButton(confirmDialog(page, 'Stop'), 'Stop').click();
  await expect(versionLine(page)).toContainText('Stopped');
  await expect.poll(() => hostEvents(page)).toContainEqual(expect.objectContaining({ type: 'journey-stopped', id: LIVE.backInStock.id }));

  // The deep link survives a reload through the host's page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: LIVE.backInStock.name })).toBeVisible();
  await expect(versionLine(page)).toContainText('Stopped');

  // The host's keys stay the host's.
  const hostSearch = page.getByRole('searchbox', { name: 'Acme search' });
  await hostSearch.fill('');
  await hostSearch.pressSequentially('acme');
  await expect(hostSearch).toHaveValue('acme');

  // Away and back through the host's router.
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await expect(page.locator('journey-console')).toHaveCount(0);
  await page.getByRole('link', { name: 'Journeys' }).click();
  await expectHomeLoaded(page);

  // Removed for good: no more polling, and no listener left behind.
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.locator('journey-console')).toHaveCount(0);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(API)) requests.push(request.url());
  });
  await page.waitForTimeout(2000); // four poll intervals of the embedded console
  expect(requests).toEqual([]);
  expect(await globalListeners(page)).toBe(before);
});

test('mountJourneyConsole gives a handle that replaces the token and unmounts', async ({ page }) => {
  await page.goto(`${HOST}/campaigns`);
  const seen = authorizationsSent(page);
  await mountInCampaigns(page, 'viewer-token');
  await expectHomeLoaded(page);
  await page.evaluate(() => (window as unknown as { handle: { setToken(t: string): void } }).handle.setToken('operator-token'));
  await expect.poll(() => seen.at(-1)).toBe('Bearer operator-token');
  expect(seen[0]).toBe('Bearer viewer-token');

  await page.evaluate(() => (window as unknown as { handle: { unmount(): void } }).handle.unmount());
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  const after = seen.length;
  await page.waitForTimeout(1500);
  expect(seen.length).toBe(after);

  // Options that make no sense are refused with a message, not a blank console.
  const refused = await page.evaluate(async () => {
    const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
    try {
      await mountJourneyConsole(document.createElement('div'), { apiBase: 'not a url' });
      return 'mounted';
    } catch (error) {
      return String(error);
    }
  });
  expect(refused).toContain('apiBase');
});

test("a build that could not be loaded for a moment is said, and the next mount loads it", async ({ page }) => {
  let failing = true;
  await page.route(`${HOST}/tools/journeys/index.html`, (route) => (failing ? route.abort('internetdisconnected') : route.fallback()));
  await page.goto(`${HOST}/campaigns`);
  const refused = await page.evaluate(async (api) => {
    const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
    try {
      await mountJourneyConsole(document.getElementById('host-outlet')!, { apiBase: api, basePath: '/campaigns' });
      return 'mounted';
    } catch (error) {
      return String(error);
    }
  }, API);
  expect(refused).toMatch(/^Error: Journey Console: could not load its files from http:\/\/127\.0\.0\.1:4175\/tools\/journeys\/: /);

  // The network is back: a mount loads the build, without a reload.
  failing = false;
  await mountInCampaigns(page, 'operator-token');
  await expectHomeLoaded(page);
});

test('a handle keeps doing nothing after unmount, a token that cannot be sent is refused, and a handle the host drops keeps its console', async ({ page }) => {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto(`${HOST}/campaigns`);
  const seen = authorizationsSent(page);
  await mountInCampaigns(page, 'viewer-token');
  await expectHomeLoaded(page);

  // A token pasted with a line break in it: refused with a message, the one
  // before kept.
  const refused = await page.evaluate(() => {
    try {
      (window as unknown as { handle: { setToken(t: string): void } }).handle.setToken('operator-\ntoken');
      return 'taken';
    } catch (error) {
      return String(error);
    }
  });
  expect(refused).toContain('a bearer token is visible ASCII');
  const before = seen.length;
  await expect.poll(() => seen.length).toBeGreaterThan(before);
  expect(seen.at(-1)).toBe('Bearer viewer-token');

  // The host unmounts but its language listener stays subscribed.
  await page.evaluate(() => {
    const handle = (window as unknown as { handle: { unmount(): void; setLocale(l: string): void; setToken(t: string): void; setTheme(t: string): void } }).handle;
    handle.unmount();
    handle.setLocale('de');
    handle.setToken('operator-token');
    handle.setTheme('dark');
    handle.unmount();
  });
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);

  // Mounted again, with the handle not kept: the console stays after the
  // garbage collector runs.
  await page.evaluate(async ({ api }) => {
    const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
    const element = document.createElement('div');
    document.getElementById('host-outlet')!.replaceChildren(element);
    await mountJourneyConsole(element, { apiBase: api, token: 'viewer-token', basePath: '/campaigns', pollIntervalMs: 500 });
  }, { api: API });
  await expectHomeLoaded(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const polled = seen.length;
  await expect.poll(() => seen.length, { message: 'still polling' }).toBeGreaterThan(polled + 1);
  await expect(page.getByRole('table', { name: 'Journeys' })).toBeVisible();
  expect(crashes).toEqual([]);
});

test('<journey-console> moved while it loads stays one console, takes the token set meanwhile, and says what it refuses', async ({ page }) => {
  await page.goto(`${HOST}/campaigns`);
  const seen = authorizationsSent(page);
  await page.evaluate(({ api }) => {
    const outlet = document.getElementById('host-outlet')!;
    const first = document.createElement('section');
    const second = document.createElement('section');
    outlet.replaceChildren(first, second);
    const element = document.createElement('journey-console');
    element.setAttribute('api-base', api);
    element.setAttribute('base-path', '/campaigns');
    element.setAttribute('token', 'viewer-token');
    first.append(element);
    // A framework reorders, and the host refreshes the token, before the
    // console has loaded.
    second.append(element);
    element.setAttribute('token', 'operator-token');
  }, { api: API });
  await expectHomeLoaded(page);
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(1);
  await expect.poll(() => seen.at(-1)).toBe('Bearer operator-token');

  // Another server for the same element: a console of its own, and one
  // that makes no sense is said where the console would be.
  await page.evaluate(() => document.querySelector('journey-console')!.setAttribute('poll-interval-ms', '5s'));
  await expect(page.locator('journey-console').getByRole('alert')).toHaveText('Journey Console: poll-interval-ms is "5s"; it must be a whole number of milliseconds');
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  await page.evaluate(() => document.querySelector('journey-console')!.setAttribute('poll-interval-ms', '1000'));
  await expectHomeLoaded(page);
  await expect(page.locator('journey-console').getByRole('alert')).toHaveCount(0);

  // A token that cannot be sent is refused there too, and the console comes
  // once the host gives one that can.
  await page.evaluate(({ api }) => {
    const element = document.createElement('journey-console');
    element.setAttribute('api-base', api);
    element.setAttribute('base-path', '/campaigns');
    element.setAttribute('token', 'operator token');
    document.getElementById('host-outlet')!.replaceChildren(element);
  }, { api: API });
  await expect(page.locator('journey-console').getByRole('alert')).toContainText('a bearer token is visible ASCII');
  await page.evaluate(() => document.querySelector('journey-console')!.setAttribute('token', 'operator-token'));
  await expectHomeLoaded(page);
  await expect(page.locator('journey-console').getByRole('alert')).toHaveCount(0);
});

test('a console the host unmounted while another tab kept the customer counts leaves them to the tabs still open', async ({ context }) => {
  // Consoles on the demo data (no apiBase), each in a tab of the host.
  const mountDemo = async (): Promise<Page> => {
    const page = await context.newPage();
    await holdClock(page);
    await page.goto(`${HOST}/campaigns`);
    await page.evaluate(async () => {
      const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
      const element = document.createElement('div');
      document.getElementById('host-outlet')!.replaceChildren(element);
      const handle = await mountJourneyConsole(element, { basePath: '/campaigns' });
      (window as unknown as { handle: unknown }).handle = handle;
    });
    await expectHomeLoaded(page);
    return page;
  };
  // The first tab keeps the counts; the second waits to, and its host
  // unmounts it; then the first is closed. The browser hands the counts to
  // the second tab, whose console is gone.
  const first = await mountDemo();
  const second = await mountDemo();
  await second.evaluate(() => (window as unknown as { handle: { unmount(): void } }).handle.unmount());
  await expect(second.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  await first.close();

  // A console opened now keeps the counts: it saves them every ten seconds.
  const third = await mountDemo();
  const saved = () => third.evaluate(() => localStorage.getItem('journey-console.embedded.v1') !== null);
  expect(await saved(), 'nothing saved yet').toBe(false);
  let seconds = 0;
  await expect
    .poll(
      async () => {
        seconds += 11;
        await third.clock.setFixedTime(new Date(NOW.getTime() + seconds * 1000));
        return saved();
      },
      { message: 'the open console saves the counts', timeout: 15_000 },
    )
    .toBe(true);
});

test('a Stop the user confirmed is still sent to its end when the host unmounts the console while it waits to retry', async ({ page, request }) => {
  const { id, name } = LIVE.backInStock;
  // The server is overloaded: the first attempt is answered 503; the
  // console waits before trying again.
  const attempts: string[] = [];
  await page.route(`${API}/journeys/${id}/stop`, async (route) => {
    attempts.push(route.request().headers()['idempotency-key'] ?? '');
    if (attempts.length === 1) {
      await route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"busy","message":"Try again"}}' });
    } else {
      await route.continue();
    }
  });
  const reads: string[] = [];
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto(`${HOST}/campaigns`);
  await mountInCampaigns(page, 'operator-token');
  await expectHomeLoaded(page);
  const row = homeRow(page, name, 1);
  await row.hover();
  await clickQuickAction(row, 'Stop', name);
  await confirmButton(confirmDialog(page, 'Stop'), 'Stop').click();
  await expect.poll(() => attempts.length).toBe(1);

  // The user goes elsewhere in the host at once; the host unmounts.
  await page.evaluate(() => (window as unknown as { handle: { unmount(): void } }).handle.unmount());
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  page.on('request', (sent) => {
    if (sent.method() === 'GET' && sent.url().startsWith(API)) reads.push(sent.url());
  });

  await expect
    .poll(async () => (await (await request.get(`${API}/journeys/${id}`, { headers: { Authorization: 'Bearer viewer-token' } })).json()).status, {
      message: 'the Stop reached the server after the unmount',
      timeout: 10_000,
    })
    .toBe('stopped');
  expect(attempts).toHaveLength(2);
  expect(attempts[1], 'the retry is the same action').toBe(attempts[0]);
  // Nothing else: no poll, no read for a view that is gone.
  await page.waitForTimeout(1500);
  expect(reads).toEqual([]);
  expect(crashes, 'the answer, come after the unmount, is dropped quietly').toEqual([]);
});

test('a bulk Stop the host unmounts halfway is still sent for every version, once, and leaving the page asks until all are answered', async ({ page, request }) => {
  // Every Stop is held until the unmount, so most of the run is still waiting then.
  let holding = true;
  const held: Route[] = [];
  const sent: string[] = [];
  await page.route(`${API}/journeys/*/stop`, async (route) => {
    sent.push(new URL(route.request().url()).pathname.split('/').at(-2)!);
    if (holding) held.push(route);
    else await route.continue();
  });
  let answered = 0;
  page.on('requestfinished', (finished) => {
    if (finished.url().endsWith('/stop')) answered += 1;
  });
  const asked: string[] = [];
  page.on('dialog', async (question) => {
    asked.push(question.type());
    await question.dismiss();
  });
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto(`${HOST}/campaigns`);
  await mountInCampaigns(page, 'operator-token');
  await expectHomeLoaded(page);
  const { dialog: confirm, total } = await confirmAllShown(page, 'Stop');
  expect(total, 'more versions than are sent at once').toBeGreaterThan(3);
  await confirm.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(() => held.length).toBe(3);

  // The user goes elsewhere in the host; the host unmounts the console.
  await page.evaluate(() => (window as unknown as { handle: { unmount(): void } }).handle.unmount());
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  // Closing the tab now would drop the Stops: the browser asks, and they stay.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked, { message: 'the browser asked before leaving' }).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  holding = false;
  for (const route of held) await route.continue();
  await expect
    .poll(() => new Set(sent).size, { message: 'every version of the run was sent', timeout: 15_000 })
    .toBe(total);
  expect(sent, 'each version once').toHaveLength(total);
  for (const id of sent) {
    const answer = await request.get(`${API}/journeys/${id}`, { headers: { Authorization: 'Bearer viewer-token' } });
    expect((await answer.json()).status, id).toBe('stopped');
  }
  await expect.poll(() => answered).toBe(total);
  expect(crashes).toEqual([]);

  // Nothing on its way any more: the tab closes without a question.
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toEqual(['beforeunload']);
});

test('a host that removes the console when it hears of a Finish does not take it down halfway: no crash, the Finish made', async ({ page, request }) => {
  const { id, name } = LIVE.cart;
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto(`${HOST}/marketing/`);
  await expectHomeLoaded(page);
  // The host goes back to its campaigns as soon as a journey is finished.
  await page.evaluate(() => {
    document.addEventListener('journey-finished', () => document.querySelector('journey-console')?.remove());
  });
  const row = homeRow(page, name, 1);
  await row.hover();
  await clickQuickAction(row, 'Finish', name);
  await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();

  await expect(page.locator('journey-console')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(crashes).toEqual([]);
  const answer = await request.get(`${API}/journeys/${id}`, { headers: { Authorization: 'Bearer viewer-token' } });
  expect((await answer.json()).status).toBe('finished');
});

test('a host that unmounts the console when focus leaves it for nowhere, as the focused menu is drawn away, does not take it down halfway', async ({ page, request }) => {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto(`${HOST}/campaigns`);
  await page.evaluate(() => history.replaceState(null, '', '/campaigns/journeys/welcome-series-v3'));
  await page.evaluate(
    async ({ api }) => {
      const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
      const element = document.createElement('div');
      document.getElementById('host-outlet')!.replaceChildren(element);
      const handle = await mountJourneyConsole(element, { apiBase: api, token: 'admin-token', basePath: '/campaigns', pollIntervalMs: 500 });
      (window as unknown as { closeOnFocusOut: () => void }).closeOnFocusOut = () =>
        // The host closes its panel once focus has left it for nowhere.
        element.addEventListener('focusout', (event) => {
          if (!(event as FocusEvent).relatedTarget) handle.unmount();
        });
    },
    { api: API },
  );
  await expect(versionLine(page)).toHaveText(/^Version 3 Draft/);
  const menu = await openActionsMenu(page);
  await expect(menu.locator(':focus')).toHaveCount(1);
  await page.evaluate(() => (window as unknown as { closeOnFocusOut: () => void }).closeOnFocusOut());

  // Someone deletes the draft; the next poll draws the view away, focus with it.
  const draft = await (await request.get(`${API}/journeys/welcome-series-v3`, { headers: { Authorization: 'Bearer viewer-token' } })).json();
  const deleted = await request.delete(`${API}/journeys/welcome-series-v3`, {
    headers: { Authorization: 'Bearer admin-token', 'If-Match': `"${draft.revision}"`, 'Idempotency-Key': 'deleted-while-the-menu-had-focus' },
  });
  expect(deleted.status()).toBe(204);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome series' })).toHaveCount(0);
  // Unmounted, the console's header with it.
  await expect(page.getByRole('link', { name: 'Journey Console', exact: true })).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(crashes).toEqual([]);
  await page.evaluate(() => history.pushState(null, '', '/campaigns'));
  await mountInCampaigns(page, 'viewer-token');
  await expectHomeLoaded(page);
});

test('the host chooses the language: the locale attribute at mount, and a change of it at once', async ({ page }) => {
  await page.goto(`${HOST}/marketing/`);
  await expectHomeLoaded(page);

  // A console placed with locale="de" starts in German.
  await page.evaluate(() => {
    const old = document.querySelector('journey-console')!;
    const german = document.createElement('journey-console');
    for (const attribute of Array.from(old.attributes)) german.setAttribute(attribute.name, attribute.value);
    german.setAttribute('locale', 'de');
    old.replaceWith(german);
  });
  await expect(page.getByRole('searchbox', { name: 'Journeys suchen' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^\d+ von \d+ Journey-Versionen werden angezeigt$/ })).toBeVisible();
  // The console's own root says its language; the host's page keeps its own.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The host switches language: the words change in place, nothing reloads.
  await page.locator('journey-console').evaluate((element) => element.setAttribute('locale', 'en'));
  await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Journeys suchen' })).toHaveCount(0);
  // No language picker in a host's page: the host decides.
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveCount(0);
});
