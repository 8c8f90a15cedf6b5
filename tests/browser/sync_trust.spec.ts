// Trustworthy sync: no action the user confirmed is ever lost, undone,
// doubled or crashed. Each test is one way the console could break that
// promise: an insecure (plain http) origin, a second tab, a server whose
// answers are odd, slow, late or out of order, and the user moving on while
// an answer is on its way.
//
// The tests of the HTTP backend use a reference server of their own (see
// support/sync_trust.ts), reset before each test; the others use the
// embedded backend (no config.json: the demo journeys, in localStorage).

import { chromium, type APIRequestContext, type BrowserContext, type Locator, type Page, type Route } from '@playwright/test';

import {
  clickQuickAction,
  DEMO_VERSION_COUNT,
  FINISHING_STATUS,
  LIVE,
  NOW,
  actionsButton,
  actionsMenu,
  cell,
  collectErrors,
  confirmButton,
  confirmDialog,
  escapeRegExp,
  expectHomeLoaded,
  historyRows,
  homeRow,
  listCount,
  menuItem,
  openActionsMenu,
  openHome,
  parseCount,
  quickAction,
  reasonField,
  scheduleFromMenu,
  toast,
  toolbar,
  versionLine,
  listFirstPage,
  listLaterPage,
  withPageSize,
} from './support/console';
import {
  NAMES,
  actElsewhere,
  deferred,
  errorBody,
  holdFirst,
  savedInBrowser,
  serverHistory,
  serverList,
  serverVersion,
  settle,
  startSignInPage,
  startStallingProxy,
  test,
  useServer,
} from './support/sync_trust';

const { expect } = test;

const STARTS = ['on a first visit', 'once the demo data is saved'] as const;
type Start = (typeof STARTS)[number];

const A = LIVE.cart;
const B = LIVE.backInStock;

/// The notice that replaces the console when its code panics.
/// Notes the key and reason of every Stop request to `url`, then answers it
/// with what `answer` gives (a status and a JSON body), or lets it through to
/// the server when that is null.
async function recordStops(
  page: Page,
  url: string,
  sent: Array<{ key: string | undefined; reason: unknown }>,
  answer: () => { status: number; body: string } | null,
): Promise<void> {
  await page.route(url, async (route) => {
    sent.push({
      key: route.request().headers()['idempotency-key'],
      reason: route.request().postDataJSON()?.reason,
    });
    const fake = answer();
    if (fake) await route.fulfill({ ...fake, contentType: 'application/json' });
    else await route.continue();
  });
}

function crashNotice(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: 'Journey Console stopped because of an internal error' });
}

/// Confirms again once a change the dialog said is read: a click within a
/// second of one held back is held too, so it clicks until the dialog closes.
async function confirmOnceRead(dialog: Locator, label: 'Finish' | 'Stop' | 'Pause'): Promise<void> {
  await expect(async () => {
    await confirmButton(dialog, label).click({ timeout: 500 });
    await expect(dialog).toBeHidden({ timeout: 500 });
  }).toPass();
}

/// Opens the Finish or Stop dialog from the quick action of the journey's Home row.
async function openFromHome(page: Page, action: 'Finish' | 'Stop', name: string): Promise<Locator> {
  const row = homeRow(page, name);
  await row.hover();
  await clickQuickAction(row, action, name);
  const dialog = confirmDialog(page, action);
  await expect(dialog).toBeVisible();
  return dialog;
}

/// Answers to `url` reach the page cut in half, as a proxy may cut them: the
/// server has carried the request out.
async function cutAnswersShort(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
  });
}

/// The copies the server has of journey `name` ("… (copy)", "… (copy 2)").
async function copiesOf(request: APIRequestContext, server: string, name: string) {
  const { items } = await serverList(request, server, '?limit=500');
  return items.filter((version) => String(version.name).startsWith(`${name} (copy`));
}

function status(page: Page, name: string): Locator {
  return cell(homeRow(page, name), 'Status');
}

/// Fails with the page's uncaught errors first, when there were any: they say
/// why better than the step that could not go on.
async function tellingErrors(errors: () => string[], step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (errors().length > 0 && error instanceof Error) {
      error.message = `${errors().join('\n')}\n${error.message}`;
    }
    throw error;
  }
}

test.describe('on the embedded backend', () => {
  test('Finish works when the console is served over plain http from a host that is not localhost', async ({}, testInfo) => {
    // Only https and localhost are "secure contexts"; an intranet host over
    // plain http is not, and browsers hide some APIs (crypto.randomUUID) there.
    const launch = testInfo.project.use.launchOptions ?? {};
    const browser = await chromium.launch({
      ...launch,
      executablePath: launch.executablePath ?? process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [...(launch.args ?? []), '--host-resolver-rules=MAP console.intra 127.0.0.1'],
    });
    try {
      const page = await (await browser.newContext({ baseURL: 'http://console.intra:4173' })).newPage();
      const errors = collectErrors(page);
      const pageErrors = () => errors.filter((e) => e.startsWith('pageerror'));
      await openHome(page);
      expect(await page.evaluate(() => window.isSecureContext), 'served from an insecure origin').toBe(false);

      await tellingErrors(pageErrors, async () => {
        const row = homeRow(page, A.name);
        await row.hover();
        await clickQuickAction(row, 'Finish', A.name);
        const dialog = confirmDialog(page, 'Finish');
        await expect(dialog).toBeVisible();
        await confirmButton(dialog, 'Finish').click();
        await expect(dialog).toBeHidden();
      });
      await expect(toast(page, /is finished/)).toBeVisible();
      await expect(status(page, A.name)).toHaveText(/^Finishing/);
      expect(pageErrors()).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  // The page clock is the browser context's, shared by its tabs: it is held
  // (see support/console.ts) and moved on by the tests, as time passes.
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  /// Opens Home in two tabs of one browser: on a first visit (nothing saved
  /// yet, the second tab opened a second after the first), or once the first
  /// tab has saved the demo data.
  async function openTwoTabs(context: BrowserContext, start: Start): Promise<[Page, Page]> {
    const first = await context.newPage();
    await openHome(first);
    if (start === 'once the demo data is saved') {
      await first.clock.setFixedTime(at(11_000));
      await expect.poll(() => savedInBrowser(first), { message: 'the first tab saves' }).not.toBe('[]');
    } else {
      expect(await savedInBrowser(first)).toBe('[]');
      await first.clock.setFixedTime(at(1_000));
    }
    const second = await context.newPage();
    await second.goto('/');
    await expectHomeLoaded(second);
    return [first, second];
  }

  for (const start of STARTS) {
    test(`a Stop in one tab shows in another tab of the same browser without a reload (${start})`, async ({ context }) => {
      const [first, second] = await openTwoTabs(context, start);
      await expect(status(second, B.name)).toHaveText('Live');

      const dialog = await openFromHome(first, 'Stop', B.name);
      await confirmButton(dialog, 'Stop').click();
      await expect(status(first, B.name)).toHaveText('Stopped');

      await expect(status(second, B.name)).toHaveText('Stopped');
      await expect(status(first, B.name)).toHaveText('Stopped');
    });

    test(`a Stop confirmed in one tab is never undone by another tab's save (${start})`, async ({ context }) => {
      const [first, second] = await openTwoTabs(context, start);

      const dialog = await openFromHome(first, 'Stop', B.name);
      await confirmButton(dialog, 'Stop').click();
      // "Stopped" shows before the Stop is answered; the toast says it is
      // saved. Then the first tab is closed, as people do once done.
      await expect(toast(first, /is stopped/)).toBeVisible();
      await first.close();

      // The other tab runs on: five minutes later, its simulation has moved
      // customers along, and it has saved what it holds.
      const saved = await savedInBrowser(second);
      const entered = await cell(homeRow(second, A.name), 'Entered').textContent();
      await second.clock.setFixedTime(at(5 * 60_000));
      await expect(cell(homeRow(second, A.name), 'Entered')).not.toHaveText(entered ?? '');
      // It keeps the counts (and saves them) once the browser hands it the
      // closed tab's lock, which may come after that step: time moves on.
      let minutes = 5;
      await expect.poll(async () => {
        await second.clock.setFixedTime(at(++minutes * 60_000));
        return savedInBrowser(second);
      }, { message: 'the second tab saves' }).not.toBe(saved);

      const reopened = await context.newPage();
      await reopened.goto('/');
      await expectHomeLoaded(reopened);
      await expect(status(reopened, B.name)).toHaveText('Stopped');
      await expect(status(second, B.name)).toHaveText('Stopped');
    });
  }

  /// Lets each tab of `context` be made to lose its writes to localStorage
  /// (`loseWrites`), or to read localStorage as it is at that moment and not hear the other tabs' writes, its own writes aside
  /// (`lagBehindOtherTabs`): what a browser does for a moment after another
  /// tab's write, until it has handed the write to this tab's process; a Web
  /// Lock held in between does not wait for it. Nor does the tab read the copy
  /// the last action left in IndexedDB outside its turns, as if its next poll
  /// had not come yet. Set up before the tabs open, so that it hears the
  /// storage events before the console does.
  async function tabsThatCanLag(context: BrowserContext): Promise<void> {
    await context.addInitScript(() => {
      const { getItem, setItem } = Storage.prototype;
      let seen: Map<string, string> | undefined;
      let losing = false;
      Object.assign(window, {
        lagBehindOtherTabs: () => {
          seen = new Map(Object.entries(localStorage));
        },
        loseWrites: () => {
          losing = true;
        },
      });
      Storage.prototype.getItem = function (key: string) {
        return seen?.has(key) ? seen.get(key) ?? null : getItem.call(this, key);
      };
      Storage.prototype.setItem = function (key: string, value: string) {
        seen?.set(key, value);
        if (!losing) setItem.call(this, key, value);
      };
      addEventListener('storage', (event) => seen && event.stopImmediatePropagation());
      const { transaction } = IDBDatabase.prototype;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        if (seen && args[1] !== 'readwrite') throw new DOMException('The tab lags behind.', 'InvalidStateError');
        return transaction.apply(this, args);
      };
    });
  }

  async function lagBehindOtherTabs(page: Page): Promise<void> {
    await page.evaluate(() => (window as unknown as { lagBehindOtherTabs: () => void }).lagBehindOtherTabs());
  }

  /// From now on, `page`'s writes to localStorage never reach the browser:
  /// what becomes of one still on its way when the tab is closed.
  async function loseWrites(page: Page): Promise<void> {
    await page.evaluate(() => (window as unknown as { loseWrites: () => void }).loseWrites());
  }

  test('a Stop whose save never reached localStorage, its tab closed right after, is shown by the other tabs and by a tab opened later', async ({ context }) => {
    await tabsThatCanLag(context);
    const [first, second] = await openTwoTabs(context, 'once the demo data is saved');
    // The second tab's writes are lost too, so that the tab opened later
    // cannot read the Stop from localStorage either.
    await loseWrites(first);
    await loseWrites(second);

    const stop = await openFromHome(first, 'Stop', B.name);
    await confirmButton(stop, 'Stop').click();
    // Closed once the Stop is answered (it is shown before): saved, but
    // only in IndexedDB.
    await expect(toast(first, /is stopped/)).toBeVisible();
    await first.close();

    await expect(status(second, B.name)).toHaveText('Stopped');
    const reopened = await context.newPage();
    await reopened.goto('/');
    await expectHomeLoaded(reopened);
    await expect(status(reopened, B.name)).toHaveText('Stopped');
  });

  test('a saved copy that cannot be read does not undo a Stop: a tab opened on it takes the Stop from the copy the last action left, and every tab keeps it', async ({ context }) => {
    const first = await context.newPage();
    await openHome(first);
    await first.clock.setFixedTime(at(11_000));
    await expect.poll(() => savedInBrowser(first), { message: 'the first tab saves' }).not.toBe('[]');
    const stop = await openFromHome(first, 'Stop', B.name);
    await confirmButton(stop, 'Stop').click();
    await expect(toast(first, /is stopped/)).toBeVisible();
    // The saved copy is damaged (or written by a console this one cannot read).
    await first.evaluate(() => localStorage.setItem('journey-console.embedded.v1', '{"catalog":'));

    const second = await context.newPage();
    await second.goto('/');
    await expectHomeLoaded(second);
    await expect(status(second, B.name)).toHaveText('Stopped');
    // The damaged copy is kept aside, not lost, and the user is told.
    expect(await second.evaluate(() => localStorage.getItem('journey-console.embedded.v1.unreadable'))).toBe('{"catalog":');
    const told = second.getByRole('alert').filter({ hasText: 'The saved demo data could not be read' });
    await expect(told).toContainText('merged with what other open tabs and the last action kept');
    await expect(told).toContainText('The unreadable copy is kept in localStorage under "journey-console.embedded.v1.unreadable".');
    // Time passes: the tabs merge what they hold and mend the damaged copy.
    await first.clock.setFixedTime(at(60_000));
    const storedStatus = () =>
      second.evaluate((id) => {
        try {
          const saved = JSON.parse(localStorage.getItem('journey-console.embedded.v1') ?? '{}');
          return (saved.catalog?.versions ?? []).find((version: { id: string }) => version.id === id)?.status ?? 'none';
        } catch {
          return 'unreadable';
        }
      }, B.id);
    await expect.poll(storedStatus, { message: 'the saved copy is readable again, with the Stop' }).toBe('stopped');
    await expect(status(first, B.name)).toHaveText('Stopped');
    await expect(status(second, B.name)).toHaveText('Stopped');
    // Said for as long as the tab runs, not only until the copy is mended.
    await expect(told).toBeVisible();
  });

  test('a copy another tab saved in a form this tab cannot read (a newer console) is left as it is, not overwritten back and forth: the tab asks to be reloaded, and acts again once the copy is readable', async ({ context }) => {
    const key = 'journey-console.embedded.v1';
    // Counts this tab's writes of the saved copy.
    await context.addInitScript((key) => {
      const { setItem } = Storage.prototype;
      Object.assign(window, { savedCopies: 0 });
      Storage.prototype.setItem = function (name: string, value: string) {
        if (name === key) (window as unknown as { savedCopies: number }).savedCopies += 1;
        setItem.call(this, name, value);
      };
    }, key);
    const tab = await context.newPage();
    await openHome(tab);
    await tab.clock.setFixedTime(at(11_000));
    const stored = () => tab.evaluate((key) => localStorage.getItem(key), key);
    await expect.poll(stored, { message: 'the tab saves' }).not.toBeNull();
    const writes = () => tab.evaluate(() => (window as unknown as { savedCopies: number }).savedCopies);

    // A newer console, in another tab of the same origin, saves a status
    // this one does not know, and writes its copy back whenever it is
    // overwritten.
    const readable = (await stored()) ?? '{}';
    const saved = JSON.parse(readable);
    saved.catalog.versions[0].status = 'archived';
    const newer = JSON.stringify(saved);
    const before = await writes();
    const newerTab = await context.newPage();
    await newerTab.goto('/favicon.svg');
    await newerTab.evaluate(({ key, newer }) => {
      localStorage.setItem(key, newer);
      addEventListener('storage', (event) => {
        const readableAgain = (window as unknown as { readableAgain?: boolean }).readableAgain;
        if (!readableAgain && event.key === key && event.newValue !== newer) localStorage.setItem(key, newer);
      });
    }, { key, newer });

    await expect(tab.getByRole('alert')).toContainText(
      'Another tab saved the demo data in a form this tab cannot read (unknown variant `archived`',
    );
    await expect(tab.getByRole('alert')).toContainText('perhaps by a newer version of the console: reload this tab.');
    // Time passes, so the tab would save its counts, and the user tries a
    // Stop: what the tab shows may lack what the newer one did, so it is
    // refused, and the copy is left alone.
    await tab.clock.setFixedTime(at(60_000));
    const stop = await openFromHome(tab, 'Stop', B.name);
    await confirmButton(stop, 'Stop').click();
    await expect(stop.getByRole('alert')).toContainText('reload this tab, then try again. Nothing was changed.');
    await expect(status(tab, B.name)).toHaveText('Live');
    expect(await writes(), 'writes of the saved copy after the newer tab wrote').toBe(before);
    await confirmButton(stop, 'Cancel').click();

    // A console that can read this tab's copy writes one: the tab takes part again.
    await newerTab.evaluate(({ key, readable }) => {
      Object.assign(window, { readableAgain: true });
      localStorage.setItem(key, readable);
    }, { key, readable });
    await expect(tab.getByRole('alert').filter({ hasText: 'Another tab saved' })).toHaveCount(0);
    const again = await openFromHome(tab, 'Stop', B.name);
    await confirmButton(again, 'Stop').click();
    await expect(toast(tab, /is stopped/)).toBeVisible();
    await expect(status(tab, B.name)).toHaveText('Stopped');
  });

  test("a Finish chosen in a tab that has not yet seen another tab's Stop is refused, not said to be made and then undone", async ({ context }) => {
    await tabsThatCanLag(context);
    // Once saved, so that there is a stored copy for the second tab to lag on.
    const [first, second] = await openTwoTabs(context, 'once the demo data is saved');
    await lagBehindOtherTabs(second);

    const stop = await openFromHome(first, 'Stop', B.name);
    await confirmButton(stop, 'Stop').click();
    await expect(status(first, B.name)).toHaveText('Stopped');
    await expect(status(second, B.name)).toHaveText('Live');

    const finish = await openFromHome(second, 'Finish', B.name);
    await confirmButton(finish, 'Finish').click();
    // Said once, with who stopped it (the other tab: "You"), as a server's
    // refusal with the version as it is now would say it.
    await expect(finish.getByRole('alert')).toHaveCount(1);
    await expect(finish.getByRole('alert')).toHaveText(
      /^You stopped this journey .*; it is stopped now\. This journey changed before this tab heard of it\. Nothing was changed; look at it again before you retry\.$/,
    );
    await expect(toast(second, /is finished/)).toHaveCount(0);
    await expect(status(second, B.name)).toHaveText('Stopped');
    await expect(status(first, B.name)).toHaveText('Stopped');
  });

  test("a Stop confirmed in a tab that has not yet seen another tab's Finish is refused: the customers still in the journey complete their path", async ({ context }) => {
    await tabsThatCanLag(context);
    const [first, second] = await openTwoTabs(context, 'once the demo data is saved');
    await lagBehindOtherTabs(second);

    const finish = await openFromHome(first, 'Finish', A.name);
    await confirmButton(finish, 'Finish').click();
    await expect(status(first, A.name)).toHaveText(FINISHING_STATUS);
    await expect(status(second, A.name)).toHaveText('Live');

    // The second tab's user decided on the live journey they saw: their
    // Stop is refused as a server refuses one sent on an older revision.
    const stop = await openFromHome(second, 'Stop', A.name);
    await confirmButton(stop, 'Stop').click();
    await expect(stop.getByRole('alert')).toHaveText(
      /^You finished this journey .*; it is finishing now\. This journey changed before this tab heard of it\. Nothing was changed; look at it again before you retry\.$/,
    );
    await expect(toast(second, /is stopped/)).toHaveCount(0);
    await expect(status(second, A.name)).toHaveText(FINISHING_STATUS);
    await expect(status(first, A.name)).toHaveText(FINISHING_STATUS);

    // Read again and confirmed, the Stop is made: the user chose it knowing.
    await confirmButton(stop, 'Stop').click();
    await expect(toast(second, /is stopped/)).toBeVisible();
    await expect(status(second, A.name)).toHaveText('Stopped');
    await expect(status(first, A.name)).toHaveText('Stopped');
  });

  test('a scheduled finish cancelled in one tab is not carried out by another tab that had not yet seen the cancellation', async ({ context }) => {
    await tabsThatCanLag(context);
    const [first, second] = await openTwoTabs(context, 'once the demo data is saved');
    await homeRow(first, A.name).getByRole('link', { name: A.name }).click();
    await scheduleFromMenu(first);
    await expect(status(second, A.name)).toHaveText(/^Live Finishes /);
    await lagBehindOtherTabs(second);

    await openActionsMenu(first);
    await menuItem(first, 'Cancel scheduled finish').click();
    await expect(toast(first, /scheduled finish .* was cancelled/)).toBeVisible();
    await expect(status(second, A.name)).toHaveText(/^Live Finishes /);

    // The time it was scheduled for comes in both tabs. The second tab still
    // holds the schedule; it must learn of the cancellation before it
    // carries the schedule out.
    for (const page of [second, first]) await page.clock.setFixedTime(at(25 * 3_600_000));
    await expect(status(second, A.name)).toHaveText('Live');
    await expect(versionLine(first)).toHaveText('Version 1 Live');
    await expect(historyRows(first).first()).toContainText('Cancel scheduled finish');
    await first.getByRole('link', { name: 'Home' }).click();
    await expect(status(first, A.name)).toHaveText('Live');
  });

  test("an action in a tab that does not keep the customer counts takes no older counts from the action before it", async ({ context }) => {
    const [first, second] = await openTwoTabs(context, 'once the demo data is saved');
    const entered = async (page: Page) => parseCount(await cell(homeRow(page, A.name), 'Entered').textContent());

    // The last action is taken while the journeys have these counts (the
    // clock is held: they stay).
    const stop = await openFromHome(first, 'Stop', B.name);
    await confirmButton(stop, 'Stop').click();
    await expect(status(first, B.name)).toHaveText('Stopped');
    const atTheStop = await entered(first);

    // Five minutes on, customers have entered: the first tab keeps the
    // counts and saves them.
    await first.clock.setFixedTime(at(5 * 60_000));
    const stored = () =>
      first.evaluate((id) => {
        const saved = JSON.parse(localStorage.getItem('journey-console.embedded.v1') ?? '{}');
        return (saved.catalog?.versions ?? []).find((version: { id: string }) => version.id === id)?.stats.entered ?? 0;
      }, A.id);
    await expect.poll(stored, { message: 'the first tab saves newer counts' }).toBeGreaterThan(atTheStop);

    const finish = await openFromHome(second, 'Finish', A.name);
    await confirmButton(finish, 'Finish').click();
    await expect(status(second, A.name)).toHaveText(FINISHING_STATUS);
    expect(await entered(second)).toBeGreaterThan(atTheStop);
    await expect(status(first, A.name)).toHaveText(FINISHING_STATUS);
    expect(await entered(first)).toBeGreaterThan(atTheStop);
  });

  test("Home follows its URL: the header's link shows every version again, Back brings the search back", async ({ page }) => {
    await openHome(page);
    const search = page.getByRole('searchbox', { name: 'Search journeys' });
    await search.fill('Welcome');
    await expect(listCount(page)).toHaveText(`Showing 3 of ${DEMO_VERSION_COUNT} journey versions`);
    await expect(page).toHaveURL(/\?(.*&)?q=Welcome/);

    await page.getByRole('link', { name: 'Journey Console', exact: true }).click();
    await expect(page).toHaveURL('/');
    await expect(search).toHaveValue('');
    await expect(listCount(page)).toHaveText(
      `Showing ${DEMO_VERSION_COUNT} of ${DEMO_VERSION_COUNT} journey versions`,
    );

    await page.goBack();
    await expect(page).toHaveURL(/\?(.*&)?q=Welcome/);
    await expect(search).toHaveValue('Welcome');
    await expect(listCount(page)).toHaveText(`Showing 3 of ${DEMO_VERSION_COUNT} journey versions`);
  });
});

test.describe('on the HTTP backend', () => {
  test('a new version created while the list answers 304 is shown, and the console keeps running', async ({ page, server }) => {
    // A server whose list ETag covers only the first page: after a change on
    // any page, the first page still answers 304 Not Modified.
    const errors = collectErrors(page);
    const notModified: string[] = [];
    await page.route(listFirstPage(server), async (route) => {
      const tag = route.request().headers()['if-none-match'];
      if (!tag) return route.continue();
      notModified.push(tag);
      await route.fulfill({ status: 304, headers: { ETag: tag, 'Cache-Control': 'no-cache' } });
    });
    await useServer(page, server, 'admin', 500);
    const stopped = { name: 'Re-engagement survey', id: 're-engagement-survey-v1' };
    await page.goto(`/journeys/${stopped.id}`);
    await expect(page.getByRole('heading', { level: 1, name: stopped.name, exact: true })).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Stopped');
    await expect.poll(() => notModified.length, { message: 'polled, and answered 304' }).toBeGreaterThan(0);

    await openActionsMenu(page);
    await menuItem(page, 'Create new version').click();

    const draft = versionLine(page).filter({ hasText: 'Version 2' });
    await expect(draft.or(crashNotice(page)).or(page.getByRole('heading', { name: 'Journey not found' }))).toBeVisible();
    const crash = crashNotice(page);
    expect((await crash.count()) > 0 ? await crash.textContent() : null, 'the console did not crash').toBeNull();
    await expect(page).toHaveURL(/\/journeys\/[^/]+$/);
    await expect(page).not.toHaveURL(`/journeys/${stopped.id}`);
    await expect(versionLine(page)).toHaveText('Version 2 Draft');
    // Later polls, still 304, keep it.
    const polled = notModified.length;
    await expect.poll(() => notModified.length).toBeGreaterThanOrEqual(polled + 2);
    await expect(versionLine(page)).toHaveText('Version 2 Draft');
    await expect(crashNotice(page)).toHaveCount(0);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  test('a list whose next cursor repeats is reported as such instead of loading forever', async ({ page, server, request }) => {
    const [first, second] = (await serverList(request, server, '?limit=2')).items;
    let laterPages = 0;
    await page.route(listFirstPage(server), (route) =>
      route.fulfill({ json: { items: [first], next: 'page-2' } }),
    );
    // The server's bug: page 2 names itself as the next page.
    await page.route(listLaterPage(server), (route) => {
      laterPages += 1;
      return route.fulfill({ json: { items: [second], next: 'page-2' } });
    });
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');

    // What the alerts say, their "Try again" buttons left out.
    const alerts = async () =>
      (await page.getByRole('alert').allInnerTexts()).join('\n').replace(/Try again/g, '');
    await expect.poll(alerts).toMatch(/repeat|loop|same|again|already|twice|cycl|circular/i);
    expect(laterPages, 'pages asked for before giving up').toBeLessThan(10);
    await expect(page.getByRole('status').filter({ hasText: /so far/ })).toHaveCount(0);
    const asked = laterPages;
    await settle(page);
    expect(laterPages, 'no more pages asked for once the problem is shown').toBe(asked);
  });

  test('an answer whose body stalls after the headers is given up after the time-out, and the console keeps working', async ({ page, server, request }) => {
    test.setTimeout(120_000);
    // The first list request gets its headers, then nothing more.
    const proxy = await startStallingProxy(
      server,
      (r) => r.method === 'GET' && new URL(r.url ?? '', 'http://proxy').pathname.endsWith('/journeys'),
    );
    try {
      await useServer(page, proxy.api, 'operator', 1000);
      await page.goto('/');
      await proxy.stalled;
      // The console's time-out is 15 seconds.
      await expect(listCount(page)).toHaveText(/^Showing \d+ of \d+ journey versions$/, { timeout: 60_000 });
      await expect(status(page, A.name)).toHaveText('Live');

      // It keeps polling: someone else's Finish shows up.
      await actElsewhere(request, server, A.id, 'finish', 'finished-elsewhere-after-a-stall');
      await expect(status(page, A.name)).toHaveText(/^Finishing/);
    } finally {
      await proxy.close();
    }
  });

  test('a Stop dialog open while someone else finishes the journey says so, and stops it only when confirmed again', async ({ page, server, request }) => {
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    const stops: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && sent.url().endsWith(`/journeys/${A.id}/stop`)) stops.push(sent.url());
    });

    const dialog = await openFromHome(page, 'Stop', A.name);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    // A colleague finishes it; the next poll brings that to the open dialog.
    await actElsewhere(request, server, A.id, 'finish', 'finished-under-an-open-stop-dialog');
    const notice = dialog.getByRole('alert');
    await expect(notice).toHaveText(
      'Olga Operator changed this version while the dialog was open: it is now Finishing. Read the dialog again, then confirm.',
    );

    // The click the user had aimed before they saw it sends nothing, nor
    // does the second click of a double click: neither is a reading.
    await confirmButton(dialog, 'Stop').dblclick();
    await settle(page);
    expect(stops).toEqual([]);
    await expect(dialog).toBeVisible();
    expect((await serverVersion(request, server, A.id)).status).toBe('finished');

    // Read (clicks within a second of the one held back are held too), and
    // confirmed again: the customers still in it are stopped.
    await confirmOnceRead(dialog, 'Stop');
    await expect(status(page, A.name)).toHaveText('Stopped');
    expect(stops).toHaveLength(1);
    expect((await serverVersion(request, server, A.id)).status).toBe('stopped');
  });

  test('a Stop retried after the server failed, once someone else finished the journey meanwhile, says so and stops it only when confirmed again', async ({ page, server, request }) => {
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    // The server is down for maintenance: the Stop and its retries fail.
    const stops: string[] = [];
    let down = true;
    await page.route(`${server}/journeys/${A.id}/stop`, async (route) => {
      stops.push(route.request().headers()['idempotency-key'] ?? '');
      if (down) {
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: errorBody('unavailable', 'Down for maintenance.'),
        });
      } else {
        await route.continue();
      }
    });

    const dialog = await openFromHome(page, 'Stop', A.name);
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog.getByRole('alert')).toContainText('Down for maintenance', { timeout: 20_000 });
    const attempts = stops.length;
    await expect(status(page, A.name)).toHaveText('Live');

    // While the user is away, the server comes back and a colleague
    // finishes the journey; the next poll brings that to the open dialog.
    down = false;
    await actElsewhere(request, server, A.id, 'finish', 'finished-while-a-stop-failed');
    await expect(status(page, A.name)).toHaveText(/^Finishing/);
    // A 5xx may come from a server that failed mid-way, so whether the Stop
    // was made is not known either.
    await expect(dialog.getByRole('alert').first()).toHaveText(
      'Olga Operator changed this version while the dialog was open: it is now Finishing. ' +
        'Whether your last attempt was carried out is not known. Read the dialog again; ' +
        'confirmed as it was, it sends the same request, which the server makes at most once.',
    );

    // The retry aimed at a live journey sends nothing, nor does the second
    // click of a double click.
    await confirmButton(dialog, 'Stop').dblclick();
    await settle(page);
    expect(stops).toHaveLength(attempts);
    expect((await serverVersion(request, server, A.id)).status).toBe('finished');

    // Read and confirmed again: the same request, and the customers still
    // in it are stopped.
    await confirmOnceRead(dialog, 'Stop');
    await expect(status(page, A.name)).toHaveText('Stopped');
    expect(stops).toHaveLength(attempts + 1);
    expect(new Set(stops).size).toBe(1);
    expect((await serverVersion(request, server, A.id)).status).toBe('stopped');
  });

  test('a Stop the server made whose answers were all lost, shown made by a later list, is confirmed again as the same request: the server answers as it did, and it is said to be made, once', async ({ page, server, request }) => {
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    // The server carries out every attempt, and each answer is lost on the
    // way back, until the console gives up.
    const stops: string[] = [];
    let answersLost = true;
    await page.route(`${server}/journeys/${A.id}/stop`, async (route) => {
      stops.push(route.request().headers()['idempotency-key'] ?? '');
      if (!answersLost) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });

    const dialog = await openFromHome(page, 'Stop', A.name);
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'could not be reached' })).toBeVisible({ timeout: 20_000 });
    answersLost = false;
    expect((await serverVersion(request, server, A.id)).status, 'the server made it').toBe('stopped');

    // The next poll shows it stopped, by the user; the dialog says whether
    // the attempt was made is not known, and what confirming does.
    await expect(status(page, A.name)).toHaveText('Stopped');
    await expect(dialog.getByRole('alert').first()).toHaveText(
      'Olga Operator changed this version while the dialog was open: it is now Stopped. ' +
        'Whether your last attempt was carried out is not known. Read the dialog again; ' +
        'confirmed as it was, it sends the same request, which the server makes at most once.',
    );

    // Confirmed again, the same request goes to the server, not to a
    // refusal of a Stop of a stopped journey: the server answers as it did.
    const attempts = stops.length;
    await confirmOnceRead(dialog, 'Stop');
    await expect(toast(page, `“${A.name}” version 1 is stopped: everyone in it was stopped.`)).toBeVisible();
    expect(stops).toHaveLength(attempts + 1);
    expect(new Set(stops).size, 'one key for every attempt').toBe(1);
    await expect(status(page, A.name)).toHaveText('Stopped');
    const stopped = (await serverHistory(request, server, A.id)).filter((entry) => entry.action === 'stop');
    expect(stopped, 'stopped once').toHaveLength(1);
  });

  test('a Pause the server made whose answers were all lost, shown made by a later list, is confirmed again as the same request, not refused beside its fields', async ({ page, server, request }) => {
    await useServer(page, server, 'operator', 1000);
    const pauses: string[] = [];
    let answersLost = true;
    await page.route(`${server}/journeys/${A.id}/pause`, async (route) => {
      pauses.push(route.request().headers()['idempotency-key'] ?? '');
      if (!answersLost) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto(`/journeys/${A.id}`);
    await expect(page.getByRole('heading', { level: 1, name: A.name, exact: true })).toBeVisible();
    await openActionsMenu(page);
    await menuItem(page, 'Pause…').click();
    const dialog = page.getByRole('dialog', { name: 'Pause journey?' });
    await confirmButton(dialog, 'Pause').click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'could not be reached' })).toBeVisible({ timeout: 20_000 });
    answersLost = false;
    expect((await serverVersion(request, server, A.id)).status, 'the server made it').toBe('paused');

    // The next poll shows it paused: said as a change whose cause is not
    // known, not as terms the rules refuse.
    await expect(versionLine(page)).toHaveText(/^Version 1 Paused · /);
    await expect(dialog.getByRole('alert').first()).toContainText(
      'Whether your last attempt was carried out is not known.',
    );
    await expect(dialog.getByRole('spinbutton', { name: 'Pause for (days)' })).not.toHaveAttribute('aria-invalid', 'true');

    const attempts = pauses.length;
    await confirmOnceRead(dialog, 'Pause');
    await expect(toast(page, new RegExp(`^“${escapeRegExp(A.name)}” version 1 is paused until `))).toBeVisible();
    expect(pauses).toHaveLength(attempts + 1);
    expect(new Set(pauses).size, 'one key for every attempt').toBe(1);
    const paused = (await serverHistory(request, server, A.id)).filter((entry) => entry.action === 'pause');
    expect(paused, 'paused once').toHaveLength(1);
  });

  /// Home over the server, with the pointer resting on the row of a live
  /// version (`aimed`) that has another live version (`above`) in the row
  /// before it, and `move()`: a colleague finishes a live version further
  /// down, which becomes the newest change, first in the list, so that the
  /// row under the pointer comes to show `above`.
  async function aboutToMove(page: Page, server: string, request: APIRequestContext) {
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    const rows = page.getByRole('table', { name: 'Journeys' }).getByRole('row');
    // Each drawn row's journey, its address and its status, newest change first
    // (the first row is the header).
    const shown: Array<{ name: string; id: string; live: boolean }> = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const link = rows.nth(i).getByRole('rowheader').getByRole('link');
      shown.push({
        name: (await link.textContent()) ?? '',
        id: ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '',
        live: (await cell(rows.nth(i), 'Status').textContent())?.trim() === 'Live',
      });
    }
    const at = shown.findIndex((row, i) => i > 0 && row.live && shown[i - 1].live);
    const below = shown.findIndex((row, i) => i > at && row.live);
    expect(at, JSON.stringify(shown)).toBeGreaterThan(0);
    expect(below).toBeGreaterThan(at);
    const row = rows.nth(at + 1);
    const above = shown[at - 1];
    return {
      row,
      aimed: shown[at],
      above,
      async move() {
        await actElsewhere(request, server, shown[below].id, 'finish', 'moved-under-the-pointer');
        await expect(row.getByRole('rowheader')).toHaveText(above.name);
      },
    };
  }

  /// The point at the middle of `target`, to click where the user aimed.
  async function middleOf(target: Locator): Promise<{ x: number; y: number }> {
    const box = (await target.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  test('a quick action clicked just after the list moved under the pointer opens nothing, and says which version the row now shows', async ({ page, server, request }) => {
    const { row, aimed, above, move } = await aboutToMove(page, server, request);
    await row.hover();
    const { x, y } = await middleOf(quickAction(row, 'Stop', aimed.name));
    await page.mouse.move(x, y);
    const stops: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && sent.url().endsWith('/stop')) stops.push(sent.url());
    });
    await move();

    // The click the user aimed at the row before (a double click, even):
    // nothing opens, and one message says what the row shows now.
    await page.mouse.dblclick(x, y);
    await expect(toast(page, /^This row changed just before your click/)).toHaveText(
      new RegExp(`^This row changed just before your click: it now shows “${escapeRegExp(above.name)}” version \\d+, Live\\. Nothing was done; click again if that is what you meant\\.`),
    );
    await settle(page);
    await expect(confirmDialog(page, 'Stop')).toBeHidden();
    expect(stops).toEqual([]);

    // Clicked again once read (clicks within a second of the one held back
    // are held too), it is the version the row shows that the dialog asks about.
    const dialog = confirmDialog(page, 'Stop');
    await expect(async () => {
      await page.mouse.click(x, y);
      await expect(dialog).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(dialog.getByRole('paragraph').filter({ hasText: /· version \d+$/ })).toHaveText(
      new RegExp(`^${escapeRegExp(above.name)} · version \\d+$`),
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(stops).toEqual([]);
  });

  test('a row ticked just after the list moved under the pointer is not ticked, and the message says which version the row now shows', async ({ page, server, request }) => {
    const { row, aimed, above, move } = await aboutToMove(page, server, request);
    await row.hover();
    const { x, y } = await middleOf(row.getByRole('checkbox', { name: new RegExp(`^Select ${escapeRegExp(aimed.name)},`) }));
    await page.mouse.move(x, y);
    await move();

    await page.mouse.click(x, y);
    await expect(toast(page, /^This row changed just before your click/)).toContainText(`it now shows “${above.name}” version`);
    const tick = row.getByRole('checkbox', { name: new RegExp(`^Select ${escapeRegExp(above.name)},`) });
    await expect(tick).not.toBeChecked();
    await expect(toolbar(page)).toBeHidden();

    // Clicked again once read, it ticks the version the row shows.
    await expect(async () => {
      await page.mouse.click(x, y);
      await expect(tick).toBeChecked({ timeout: 500 });
    }).toPass();
  });

  test('a quick action keeps its place when another one stops being offered, and a click right after the change opens nothing', async ({ page, server, request }) => {
    await useServer(page, server, 'operator', 1000);
    // By name: the change does not move the row.
    await page.goto('/?sort=name');
    await expectHomeLoaded(page);
    const row = homeRow(page, A.name);
    await row.hover();
    const stop = quickAction(row, 'Stop', A.name);
    const where = await stop.boundingBox();
    const { x, y } = await middleOf(stop);
    await page.mouse.move(x, y);

    // A colleague finishes it: Finish is no longer offered; Stop is where it was.
    await actElsewhere(request, server, A.id, 'finish', 'finished-under-the-pointer');
    await expect(status(page, A.name)).toHaveText(/^Finishing/);
    await expect(quickAction(row, 'Finish', A.name)).toBeHidden();
    expect(await stop.boundingBox()).toEqual(where);

    // A Stop aimed while it was live opens nothing at once: it is said what the row shows now.
    await page.mouse.click(x, y);
    await expect(toast(page, /^This row changed just before your click/)).toContainText(
      `it now shows “${A.name}” version 1, Finishing.`,
    );
    await expect(confirmDialog(page, 'Stop')).toBeHidden();
  });

  test('a menu item chosen just after someone else changed the version does nothing, and says what the version is now', async ({ page, server, request }) => {
    await useServer(page, server, 'operator', 1000);
    await page.goto(`/journeys/${A.id}`);
    await expect(versionLine(page)).toContainText('Live');
    await openActionsMenu(page);
    const finish = menuItem(page, 'Finish');
    await expect(finish).not.toHaveAttribute('aria-disabled', 'true');
    // The pointer is on the menu, aimed at Stop.
    await menuItem(page, 'Stop').hover();

    // A colleague finishes it while the menu is open: Finish now gives its
    // reason under it, and the items below it move down.
    await actElsewhere(request, server, A.id, 'finish', 'finished-under-the-menu');
    await expect(finish).toHaveAttribute('aria-disabled', 'true');
    await menuItem(page, 'Stop').click();
    await expect(toast(page, /just before your choice/)).toContainText(
      `Olga Operator changed “${A.name}” version 1 just before your choice: it is now Finishing. Nothing was done; choose again if that is what you meant.`,
    );
    await expect(confirmDialog(page, 'Stop')).toBeHidden();

    // Chosen again once read, the Stop dialog opens.
    await expect(async () => {
      if (!(await actionsMenu(page).isVisible())) await openActionsMenu(page);
      await menuItem(page, 'Stop').click({ timeout: 1000 });
      await expect(confirmDialog(page, 'Stop')).toBeVisible({ timeout: 500 });
    }).toPass();
  });

  test('a Stop that succeeded stays shown when an earlier Finish of another journey is refused late', async ({ page, server, request }) => {
    const finishA = await holdFirst(page, `${server}/journeys/${A.id}/finish`);
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);

    const finishDialog = await openFromHome(page, 'Finish', A.name);
    await confirmButton(finishDialog, 'Finish').click();
    const slow = await finishA.arrived;
    // The user does not wait for the answer.
    await page.keyboard.press('Escape');
    await expect(finishDialog).toBeHidden();

    const stopDialog = await openFromHome(page, 'Stop', B.name);
    await confirmButton(stopDialog, 'Stop').click();
    await expect(stopDialog).toBeHidden();
    await expect(status(page, B.name)).toHaveText('Stopped');
    expect((await serverVersion(request, server, B.id)).status).toBe('stopped');

    // Then A's answer comes: someone changed it first (412), here it is now.
    const current = await serverVersion(request, server, A.id);
    await slow.fulfill({
      status: 412,
      contentType: 'application/json',
      body: errorBody('revision_mismatch', 'This journey was changed by someone else.', current),
    });
    await expect(status(page, A.name)).toHaveText('Live');
    await expect(status(page, B.name)).toHaveText('Stopped');
  });

  test('an action that starts and ends while a long list is loading is not overwritten when the older list arrives', async ({ page, server, request }) => {
    const firstPage = (await serverList(request, server, '?limit=5')).items.map((v) => v.id);
    expect(firstPage, 'B is on the first page, read before B is stopped').toContain(B.id);

    // Every poll reads the whole list, five versions on its first page.
    let phase: 'open' | 'holdOlder' | 'afterStop' | 'frozen' = 'open';
    const olderHeld = deferred();
    const nextPoll = deferred();
    await page.route(listFirstPage(server), async (route) => {
      if (phase === 'frozen') {
        // A poll after the older list arrived: left unanswered, so what is
        // shown is what the older list left.
        nextPoll.resolve();
        return;
      }
      const headers = { ...route.request().headers() };
      delete headers['if-none-match'];
      await route.continue({ url: withPageSize(route.request().url(), 5), headers });
    });
    const waiting: Array<() => Promise<void>> = [];
    await page.route(listLaterPage(server), async (route) => {
      const url = withPageSize(route.request().url(), 5);
      if (phase === 'holdOlder') {
        waiting.push(() => route.continue({ url }).catch(() => {}));
        olderHeld.resolve();
        return;
      }
      await route.continue({ url });
    });
    await page.route(`${server}/journeys/${B.id}/stop`, async (route) => {
      phase = 'afterStop';
      await route.continue();
    });
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    await expect(status(page, B.name)).toHaveText('Live');

    // A poll has read the first page (B live) and waits for the rest.
    phase = 'holdOlder';
    await olderHeld.promise;

    const dialog = await openFromHome(page, 'Stop', B.name);
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog).toBeHidden();
    await expect(status(page, B.name)).toHaveText('Stopped');
    expect((await serverVersion(request, server, B.id)).status).toBe('stopped');

    // The older list now arrives.
    phase = 'frozen';
    await Promise.all(waiting.map((release) => release()));
    await nextPoll.promise;
    await expect(status(page, B.name)).toHaveText('Stopped');
  });

  test('the answer to a Finish the user walked away from shows neither in nor closes the next dialog', async ({ page, server }) => {
    const finishA = await holdFirst(page, `${server}/journeys/${A.id}/finish`);
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);

    const finishDialog = await openFromHome(page, 'Finish', A.name);
    await confirmButton(finishDialog, 'Finish').click();
    const slow = await finishA.arrived;
    await page.keyboard.press('Escape');
    await expect(finishDialog).toBeHidden();

    const stopDialog = await openFromHome(page, 'Stop', B.name);
    await expect(stopDialog).toContainText(`${B.name} · version 1`);

    const refusal = 'Refused on purpose by the test server.';
    await slow.fulfill({ status: 409, contentType: 'application/json', body: errorBody('invalid_transition', refusal) });
    // A's refusal has been taken in: its Finish is rolled back.
    await expect(status(page, A.name)).toHaveText('Live');
    await settle(page);

    await expect(stopDialog).toBeVisible();
    await expect(stopDialog).toContainText(`${B.name} · version 1`);
    await expect(stopDialog).not.toContainText(refusal);
    await expect(stopDialog.getByRole('alert')).toHaveCount(0);
    // Nor behind it, where the page is inert while the dialog is open: it
    // would be neither announced nor dismissable, and leave unread.
    await expect(page.getByText(refusal)).toHaveCount(0);

    // And the Stop it is open for still works; A's answer is said once
    // the dialog has closed.
    await confirmButton(stopDialog, 'Stop').click();
    await expect(stopDialog).toBeHidden();
    await expect(status(page, B.name)).toHaveText('Stopped');
    await expect(toast(page, refusal)).toBeVisible();
  });

  test('a Delete answered after the user went on to another journey leaves them there', async ({ page, server, request }) => {
    const draft = { id: 'subscription-renewal-v2', name: 'Subscription renewal' };
    const deleteHeld = deferred<Route>();
    await page.route(`${server}/journeys/${draft.id}`, async (route) => {
      if (route.request().method() === 'DELETE') deleteHeld.resolve(route);
      else await route.continue();
    });
    await useServer(page, server, 'admin', 600_000);
    await page.goto(`/journeys/${draft.id}`);
    await expect(versionLine(page)).toHaveText('Version 2 Draft');
    await openActionsMenu(page);
    await menuItem(page, 'Delete').click();
    const dialog = confirmDialog(page, 'Delete');
    await confirmButton(dialog, 'Delete').click();
    const slow = await deleteHeld.promise;
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // On to another journey while the delete is on its way.
    await page.getByRole('link', { name: 'Journey Console', exact: true }).click();
    await homeRow(page, A.name, 1).getByRole('link', { name: A.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: A.name })).toBeVisible();

    await slow.continue();
    await expect(toast(page, `“${draft.name}” version 2 was deleted.`)).toBeVisible();
    await settle(page);
    await expect(page).toHaveURL(new RegExp(`/journeys/${A.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: A.name })).toBeVisible();
    const { items } = await serverList(request, server, '?limit=500');
    expect(items.map((version) => version.id)).not.toContain(draft.id);
  });

  test('a Publish answered before the list is read again never shows the version it replaced as live again', async ({ page, server, request }) => {
    const journey = 'Subscription renewal';
    // Once the user confirms, the list is held back: what Home shows of
    // version 1 comes from the publish's answer alone (the published version).
    let holding = false;
    const held: Route[] = [];
    await page.route(listFirstPage(server), async (route) => {
      if (holding) held.push(route);
      else await route.continue();
    });
    await useServer(page, server, 'admin', 600_000);
    await page.goto('/journeys/subscription-renewal-v2');
    await expect(versionLine(page)).toHaveText('Version 2 Draft');
    await openActionsMenu(page);
    await menuItem(page, 'Publish').click();
    const dialog = confirmDialog(page, 'Publish');
    holding = true;
    await confirmButton(dialog, 'Publish').click();
    await expect(toast(page, `“${journey}” version 2 is live.`)).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 2 Live');
    expect((await serverVersion(request, server, 'subscription-renewal-v1')).status).toBe('finished');
    await expect.poll(() => held.length, { message: 'the list is read again after the answer' }).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Journey Console', exact: true }).click();
    await expect(cell(homeRow(page, journey, 2), 'Status')).toHaveText(/^Live/);
    await expect(cell(homeRow(page, journey, 1), 'Status')).toHaveText(/^Finish/);
    await expect(quickAction(homeRow(page, journey, 1), 'Finish', journey)).toHaveCount(0);

    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await settle(page);
    await expect(cell(homeRow(page, journey, 1), 'Status')).toHaveText(/^Finish/);
    await expect(cell(homeRow(page, journey, 2), 'Status')).toHaveText(/^Live/);
  });

  test('a Stop on the version a Publish just replaced, before the list is read again, is made', async ({ page, server, request }) => {
    const journey = 'Subscription renewal';
    // Once the user confirms the publish, the list is held back.
    let holding = false;
    await page.route(listFirstPage(server), async (route) => {
      if (!holding) await route.continue();
    });
    await useServer(page, server, 'admin', 600_000);
    await page.goto('/journeys/subscription-renewal-v2');
    await expect(versionLine(page)).toHaveText('Version 2 Draft');
    await openActionsMenu(page);
    await menuItem(page, 'Publish').click();
    holding = true;
    await confirmButton(confirmDialog(page, 'Publish'), 'Publish').click();
    await expect(toast(page, `“${journey}” version 2 is live.`)).toBeVisible();

    // Version 1 is finishing, with customers still in it: the user stops it.
    await page.getByRole('link', { name: 'Journey Console', exact: true }).click();
    const row = homeRow(page, journey, 1);
    await expect(cell(row, 'Status')).toHaveText(/^Finishing/);
    await row.hover();
    await clickQuickAction(row, 'Stop', journey);
    const dialog = confirmDialog(page, 'Stop');
    await confirmButton(dialog, 'Stop').click();
    await expect(toast(page, /is stopped/)).toBeVisible();
    await expect(dialog).toHaveCount(0);
    expect((await serverVersion(request, server, 'subscription-renewal-v1')).status).toBe('stopped');
    await expect(cell(row, 'Status')).toHaveText(/^Stopped/);
  });

  /// Duplicates A from its detail view while the server carries out every
  /// attempt and each answer is lost on the way back, until the console
  /// gives up (four attempts); then lets answers through. Returns how to
  /// read the server's copies of A.
  async function duplicateWithAnswersLost(page: Page, server: string, request: APIRequestContext, pollIntervalMs: number) {
    const copies = () => copiesOf(request, server, A.name);
    let answersLost = true;
    await page.route(`${server}/journeys/${A.id}/duplicate`, async (route) => {
      if (!answersLost) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await useServer(page, server, 'admin', pollIntervalMs);
    await page.goto(`/journeys/${A.id}`);
    await expect(page.getByRole('heading', { level: 1, name: A.name, exact: true })).toBeVisible();
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    await expect(toast(page, /could not be reached/)).toBeVisible({ timeout: 20_000 });
    expect(await copies(), 'the server made the copy all the same').toHaveLength(1);
    answersLost = false;
    return copies;
  }

  test('a Duplicate whose answers were lost, chosen again, is sent as it was: one copy', async ({ page, server, request }) => {
    const copies = await duplicateWithAnswersLost(page, server, request, 600_000);

    // The user, told to try again, does.
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    const copy = `${A.name} (copy)`;
    await expect(page.getByRole('heading', { level: 1, name: copy, exact: true })).toBeVisible();
    await expect(toast(page, `“${copy}” version 1 was created as a draft.`)).toBeVisible();
    expect(await copies(), 'no second copy').toHaveLength(1);
  });

  test('a Duplicate whose answers were lost, chosen again once a later list shows the copy, makes the second copy asked for', async ({ page, server, request }) => {
    const copies = await duplicateWithAnswersLost(page, server, request, 1000);

    // The next list shows the copy (under the server's own id); the user,
    // having seen it, wants a second one.
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(homeRow(page, `${A.name} (copy)`)).toBeVisible();
    await homeRow(page, A.name).getByRole('link', { name: A.name, exact: true }).click();
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    await expect(toast(page, /was created as a draft/)).toBeVisible();
    await expect.poll(copies, { message: 'a second copy' }).toHaveLength(2);
  });

  test('a Duplicate chosen again while the first is on its way, whose answers are then lost, is sent as it was: one copy', async ({ page, server, request }) => {
    const copies = () => copiesOf(request, server, A.name);
    // The first attempt is held; then the server carries out every attempt
    // and each answer is lost on the way back, until the console gives up.
    const firstHeld = deferred<Route>();
    let attempts = 0;
    let answersLost = true;
    await page.route(`${server}/journeys/${A.id}/duplicate`, async (route) => {
      attempts += 1;
      if (attempts === 1) return firstHeld.resolve(route);
      if (!answersLost) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await useServer(page, server, 'admin', 600_000);
    await page.goto(`/journeys/${A.id}`);
    await expect(page.getByRole('heading', { level: 1, name: A.name, exact: true })).toBeVisible();
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    const first = await firstHeld.promise;

    // Nothing seems to happen yet: the user chooses it again, and is told to wait.
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    await expect(toast(page, /still on its way/)).toBeVisible();
    await first.fetch();
    await first.abort('connectionreset');
    await expect(toast(page, /could not be reached/)).toBeVisible({ timeout: 20_000 });
    expect(await copies(), 'the server made the copy all the same').toHaveLength(1);
    answersLost = false;

    // The user, told to try again, does.
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    await expect(toast(page, /was created as a draft/)).toBeVisible();
    expect(await copies(), 'no second copy').toHaveLength(1);
    const copy = `${A.name} (copy)`;
    await expect(page.getByRole('heading', { level: 1, name: copy, exact: true })).toBeVisible();
  });

  test('a Duplicate whose answer was lost, then turned away as busy, is not said to be undone: chosen again, it is sent as it was: one copy', async ({ page, server, request }) => {
    const copies = () => copiesOf(request, server, A.name);
    // The server makes the copy but its answer is lost; the retry meets a
    // gateway that asks for two minutes, so the console stops trying.
    let attempts = 0;
    let busy = true;
    await page.route(`${server}/journeys/${A.id}/duplicate`, async (route) => {
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      if (!busy) return route.continue();
      await route.fulfill({
        status: 429,
        contentType: 'text/plain',
        headers: { 'Retry-After': '120', 'Access-Control-Expose-Headers': 'ETag, Retry-After' },
        body: 'Too Many Requests',
      });
    });
    await useServer(page, server, 'admin', 600_000);
    await page.goto(`/journeys/${A.id}`);
    await expect(page.getByRole('heading', { level: 1, name: A.name, exact: true })).toBeVisible();
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    const said = toast(page, /may have made this change/);
    await expect(said).toBeVisible({ timeout: 20_000 });
    await expect(said).toContainText('The server is busy (HTTP 429 Too Many Requests) and asks to wait 2 minutes.');
    await expect(said).not.toContainText('Nothing was changed');
    expect(await copies(), 'the server made the copy').toHaveLength(1);
    busy = false;

    // The user tries again, as told.
    await openActionsMenu(page);
    await menuItem(page, 'Duplicate').click();
    await expect(toast(page, /was created as a draft/)).toBeVisible();
    expect(await copies(), 'no second copy').toHaveLength(1);
  });

  test('a Finish the server made but answered unreadably is said to be made, and shown once the list is read again', async ({ page, server, request }) => {
    // A proxy cuts the server's answer short.
    await cutAnswersShort(page, `${server}/journeys/${A.id}/finish`);
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);
    const dialog = await openFromHome(page, 'Finish', A.name);
    await confirmButton(dialog, 'Finish').click();

    await expect(dialog.getByRole('alert')).toContainText(
      'The server made the change, but its answer was not usable: its answer is not journey data',
    );
    await expect(dialog.getByRole('alert')).not.toContainText('Nothing was changed');
    expect((await serverVersion(request, server, A.id)).status).toBe('finished');
    await expect(status(page, A.name)).toHaveText(/^Finishing/);
  });

  test('a Finish the server made but answered unreadably is not shown undone by a list read before it, and can be stopped as it is shown', async ({ page, server, request }) => {
    await cutAnswersShort(page, `${server}/journeys/${A.id}/finish`);
    await useServer(page, server, 'operator', 1_000);
    await page.goto('/');
    await expectHomeLoaded(page);
    const dialog = await openFromHome(page, 'Finish', A.name);

    // The next poll reads the list now, before the Finish; its answer comes
    // after the Finish's. The poll after that is held until it is looked at.
    const stale = deferred<() => Promise<void>>();
    const nextPoll = deferred<Route>();
    let lists = 0;
    await page.route(
      (url) => url.href.startsWith(`${server}/journeys?`),
      async (route) => {
        lists += 1;
        if (lists === 1) {
          const response = await route.fetch();
          const body = await response.text();
          stale.resolve(() => route.fulfill({ response, body }));
        } else if (lists === 2) {
          nextPoll.resolve(route);
        } else {
          await route.continue();
        }
      },
    );
    const answerStale = await stale.promise;
    await confirmButton(dialog, 'Finish').click();
    await expect(dialog.getByRole('alert')).toContainText('The server made the change');
    expect((await serverVersion(request, server, A.id)).status).toBe('finished');
    await answerStale();

    // The stale list has been taken once the next poll is asked for.
    const next = await nextPoll.promise;
    await expect(status(page, A.name)).toHaveText(/^Finishing/);

    // Before any list says so, the user stops it, as they see it: finishing.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const stop = await openFromHome(page, 'Stop', A.name);
    await confirmButton(stop, 'Stop').click();
    await expect(toast(page, /is stopped/)).toBeVisible();
    expect((await serverVersion(request, server, A.id)).status).toBe('stopped');
    await next.continue();
    await expect(status(page, A.name)).toHaveText(/^Stopped/);
  });

  test('a version the console cannot read leaves the rest of the list shown and usable, and is named', async ({ page, server, request }) => {
    // A newer server gives one version a status this console does not know.
    const archived = 'welcome-series-v1';
    let polls = 0;
    await page.route(listFirstPage(server), async (route) => {
      polls += 1;
      const response = await route.fetch();
      if (response.status() !== 200) return route.fulfill({ response });
      const page = await response.json();
      for (const version of page.items) if (version.id === archived) version.status = 'archived';
      await route.fulfill({ response, body: JSON.stringify(page) });
    });
    await useServer(page, server, 'operator', 500);
    await page.goto('/');
    await expectHomeLoaded(page);
    const warning = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(warning).toHaveText(
      /^One journey version from the server could not be read, so it is not shown \(“welcome-series-v1”: unknown variant `archived`.*\)\. Everything else is shown and can be acted on\.$/,
    );
    await expect(homeRow(page, 'Welcome series', 1)).toHaveCount(0);
    await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();

    // The rest can be acted on: an emergency Stop of another journey.
    const dialog = await openFromHome(page, 'Stop', B.name);
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog).toBeHidden();
    await expect(status(page, B.name)).toHaveText(/^Stopped/);
    expect((await serverVersion(request, server, B.id)).status).toBe('stopped');

    // Later polls (answered 304 when nothing changed) still say so.
    const before = polls;
    await expect.poll(() => polls).toBeGreaterThan(before + 1);
    await expect(warning).toBeVisible();
    await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();
  });

  test("a proxy's HTML error page is explained by its HTTP status, never with an empty message", async ({ page, server }) => {
    // A proxy in front of the API refuses the request with its own page,
    // which says nothing of the status.
    await page.route(`${server}/journeys/${B.id}/stop`, (route) =>
      route.fulfill({
        status: 413,
        contentType: 'text/html',
        body: '<html><body><h1>Request blocked</h1><p>Contact your administrator.</p></body></html>',
      }),
    );
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);

    const dialog = await openFromHome(page, 'Stop', B.name);
    await reasonField(dialog).fill('Wrong audience');
    await confirmButton(dialog, 'Stop').click();
    const why = dialog.getByRole('alert');
    await expect(why).toHaveCount(1, { timeout: 20_000 });
    await expect(why).toContainText(/413/);
    await expect(why).toContainText(/too large/i);
    await expect(dialog).toBeVisible();
    await expect(status(page, B.name)).toHaveText('Live');
  });

  test('a Stop sent on to a sign-in page is not said to be made: the page is named, and the journey stays live', async ({ page, server }) => {
    // The session in front of the API is over: the gateway sends the request
    // on to its sign-in page, which answers with HTML.
    const signInPage = await startSignInPage();
    const signIn = `${signInPage.url}?next=%2Fstop`;
    try {
      await page.route(`${server}/journeys/${B.id}/stop`, (route) =>
        route.fulfill({ status: 302, headers: { Location: signIn, 'Access-Control-Allow-Origin': '*' } }),
      );
      await useServer(page, server, 'operator', 600_000);
      await page.goto('/');
      await expectHomeLoaded(page);

      const dialog = await openFromHome(page, 'Stop', B.name);
      await confirmButton(dialog, 'Stop').click();
      const why = dialog.getByRole('alert');
      await expect(why).toContainText(`The request was sent on to ${signIn} (a sign-in page?)`);
      await expect(why).toContainText('Nothing was changed: sign in again if you are asked to, then try again.');
      await expect(status(page, B.name)).toHaveText('Live');
    } finally {
      await signInPage.close();
    }
  });

  test('a 429 with Retry-After is sent again after the wait, and the action applies once', async ({ page, server, request }) => {
    const attempts: Array<{ key: string | undefined; at: number }> = [];
    await page.route(`${server}/journeys/${A.id}/finish`, async (route) => {
      attempts.push({ key: route.request().headers()['idempotency-key'], at: Date.now() });
      if (attempts.length === 1) {
        await route.fulfill({
          status: 429,
          contentType: 'text/plain',
          headers: {
            'Retry-After': '1',
            // What a proxy on another origin must do so a script can read it.
            'Access-Control-Expose-Headers': 'ETag, Retry-After',
          },
          body: 'Too Many Requests',
        });
        return;
      }
      await route.continue();
    });
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);

    const dialog = await openFromHome(page, 'Finish', A.name);
    await confirmButton(dialog, 'Finish').click();
    const done = toast(page, /is finished/);
    const failure = dialog.getByRole('alert');
    await expect
      .poll(async () => (await done.count()) + (await failure.count()), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(
      (await failure.count()) > 0 ? await failure.textContent() : null,
      'the dialog shows no failure',
    ).toBeNull();
    await expect(done).toBeVisible();
    await expect(dialog).toBeHidden();

    expect(attempts).toHaveLength(2);
    expect(attempts[1].key, 'the retry is the same action').toBe(attempts[0].key);
    expect(attempts[1].at - attempts[0].at, 'sent again after Retry-After (1 s)').toBeGreaterThanOrEqual(900);
    expect((await serverVersion(request, server, A.id)).status).toBe('finished');
    const finishes = (await serverHistory(request, server, A.id)).filter((e) => e.action === 'finish');
    expect(finishes).toHaveLength(1);
  });

  test("a menu item the user's role does not allow cannot be chosen with the keyboard", async ({ page, server }) => {
    await useServer(page, server, 'viewer', 600_000);
    await page.goto(`/journeys/${A.id}`);
    await expect(page.getByRole('heading', { level: 1, name: A.name, exact: true })).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Live');

    await actionsButton(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect(actionsMenu(page)).toBeVisible();
    for (const [index, item] of (['Finish', 'Stop'] as const).entries()) {
      if (index > 0) await page.keyboard.press('ArrowDown');
      await expect(menuItem(page, item)).toBeFocused();
      await expect(menuItem(page, item)).toHaveAttribute('aria-disabled', 'true');
      await expect(menuItem(page, item)).toContainText('Your role (viewer) does not allow this');

      await page.keyboard.press('Enter');
      await settle(page);
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(actionsMenu(page)).toBeVisible();
      await expect(menuItem(page, item)).toBeFocused();
    }
    await expect(versionLine(page)).toHaveText('Version 1 Live');
  });

  test('closing the tab while a confirmed Stop is on its way asks first; once it is answered, the tab closes without asking', async ({ page, server, request }) => {
    const stopHeld = deferred<Route>();
    await page.route(`${server}/journeys/${A.id}/stop`, (route) => stopHeld.resolve(route));
    await useServer(page, server, 'operator', 600_000);
    const asked: string[] = [];
    page.on('dialog', async (question) => {
      asked.push(question.type());
      await question.dismiss();
    });
    await page.goto('/');
    await expectHomeLoaded(page);
    const dialog = await openFromHome(page, 'Stop', A.name);
    await confirmButton(dialog, 'Stop').click();
    const stop = await stopHeld.promise;

    // The user closes the tab; the browser asks, and they stay.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked, { message: 'the browser asked before leaving' }).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await stop.continue();
    await expect(toast(page, /is stopped/)).toBeVisible();
    expect((await serverVersion(request, server, A.id)).status).toBe('stopped');

    // Nothing on its way any more: the tab closes without a question.
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);
  });

  test('a history the server cannot give is said, with a way to read it again', async ({ page, server }) => {
    let broken = true;
    await page.route(`${server}/journeys/${A.id}/history`, async (route) => {
      if (!broken) return route.continue();
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": 3}' });
    });
    await useServer(page, server, 'operator', 600_000);
    await page.goto(`/journeys/${A.id}`);
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    const history = page.getByRole('region', { name: 'History' });
    const problem = history.getByRole('alert');
    await expect(problem).toContainText(
      "The history could not be read. The server's answer was not usable: its answer is not journey data",
    );
    await expect(historyRows(page)).toHaveCount(0);

    broken = false;
    // Named apart from the list's "Try again", which may stand beside it.
    await problem.getByRole('button', { name: 'Load the history again', exact: true }).click();
    await expect(problem).toHaveCount(0);
    await expect(historyRows(page).first().getByRole('cell').nth(1)).toHaveText('Publish');
  });

  test('a history entry the console cannot read costs that entry alone: the rest is shown, and the user is told what was left out', async ({ page, server }) => {
    await page.route(`${server}/journeys/${A.id}/history`, async (route) => {
      const answer = await route.fetch();
      const history = await answer.json();
      // A newer server's entry, in the middle of what this console reads.
      history.items.push({ ...history.items[0], action: 'archive', to: 'archived' }, history.items[0]);
      await route.fulfill({ response: answer, json: history });
    });
    await useServer(page, server, 'operator', 600_000);
    await page.goto(`/journeys/${A.id}`);
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('alert')).toContainText(
      'One entry of this history could not be read, so it is not shown (unknown variant `archive`',
    );
    await expect(historyRows(page)).toHaveCount(2);
    for (const row of await historyRows(page).all()) {
      await expect(row.getByRole('cell').nth(1)).toHaveText('Publish');
    }
  });

  test('an entry the console cannot read that the history gains later is said when the history is read again, and no longer once it is gone', async ({ page, server, request }) => {
    let newer = false;
    await page.route(`${server}/journeys/${A.id}/history`, async (route) => {
      const answer = await route.fetch();
      const history = await answer.json();
      if (newer) history.items.push({ ...history.items.at(-1), action: 'archive', to: 'archived' });
      await route.fulfill({ response: answer, json: history });
    });
    await useServer(page, server, 'operator', 500);
    await page.goto(`/journeys/${A.id}`);
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    await expect(historyRows(page)).toHaveCount(1);
    const notice = page.getByRole('region', { name: 'History' }).getByRole('alert');
    await expect(notice).toHaveCount(0);

    // Someone else finishes it, and the server's history also gains an
    // entry this console cannot read: the poll reads the history again.
    newer = true;
    await actElsewhere(request, server, A.id, 'finish', 'finished-with-an-unreadable-entry');
    await expect(historyRows(page)).toHaveCount(2);
    await expect(historyRows(page).first().getByRole('cell').nth(1)).toHaveText('Finish');
    await expect(notice).toContainText('One entry of this history could not be read, so it is not shown (unknown variant `archive`');

    // The next change's history reads whole: the notice goes with it.
    newer = false;
    await actElsewhere(request, server, A.id, 'stop', 'stopped-after-the-unreadable-entry');
    await expect(historyRows(page)).toHaveCount(3);
    await expect(historyRows(page).first().getByRole('cell').nth(1)).toHaveText('Stop');
    await expect(notice).toHaveCount(0);
  });

  test("a journey's history shows what someone else just did to it", async ({ page, browser, server }, testInfo) => {
    await useServer(page, server, 'admin', 500);
    await page.goto(`/journeys/${A.id}`);
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    await expect(historyRows(page).first().getByRole('cell').nth(1)).toHaveText('Publish');

    // Someone else, in their own browser, stops it.
    const other = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
    try {
      await useServer(other, server, 'operator', 600_000);
      await other.goto(`/journeys/${A.id}`);
      await openActionsMenu(other);
      await menuItem(other, 'Stop').click();
      const dialog = confirmDialog(other, 'Stop');
      await reasonField(dialog).fill('Stopped from another desk');
      await confirmButton(dialog, 'Stop').click();
      await expect(dialog).toBeHidden();
      await expect(versionLine(other)).toHaveText('Version 1 Stopped');
    } finally {
      await other.context().close();
    }

    await expect(versionLine(page)).toHaveText('Version 1 Stopped');
    const latest = historyRows(page).first().getByRole('cell');
    await expect(latest.nth(1)).toHaveText('Stop');
    await expect(latest.nth(2)).toHaveText('Live → Stopped');
    await expect(latest.nth(3)).toHaveText(NAMES.operator);
    await expect(latest.nth(4)).toHaveText('Stopped from another desk');
  });

  test('a Stop retried unchanged after a failure is the same action: the same idempotency key', async ({ page, server, request }) => {
    test.setTimeout(60_000);
    const sent: Array<{ key: string | undefined; reason: unknown }> = [];
    let failing = true;
    await recordStops(page, `${server}/journeys/${B.id}/stop`, sent, () =>
      failing ? { status: 503, body: errorBody('server_error', 'Unavailable for the test.') } : null,
    );
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);

    const dialog = await openFromHome(page, 'Stop', B.name);
    await reasonField(dialog).fill('Wrong audience');
    await confirmButton(dialog, 'Stop').click();
    // The console retries a 503 by itself (0.5, 1.5 and 4 s) before giving up.
    await expect(dialog.getByRole('alert')).toContainText(/503/, { timeout: 20_000 });
    const failed = sent.length;
    expect(failed).toBeGreaterThanOrEqual(1);

    failing = false;
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog).toBeHidden();
    await expect(status(page, B.name)).toHaveText('Stopped');

    expect(sent.length).toBeGreaterThan(failed);
    expect(new Set(sent.map((s) => s.key)).size, 'one key for every attempt').toBe(1);
    expect(sent[0].key).toBeTruthy();
    expect(sent.map((s) => s.reason)).toEqual(sent.map(() => 'Wrong audience'));
    expect((await serverVersion(request, server, B.id)).stopReason).toBe('Wrong audience');
  });

  test('a Stop retried with an edited reason is a new action: a new idempotency key, and the new reason', async ({ page, server, request }) => {
    const sent: Array<{ key: string | undefined; reason: unknown }> = [];
    // The first is refused without `current`: shown at once, nothing retried.
    await recordStops(page, `${server}/journeys/${B.id}/stop`, sent, () =>
      sent.length === 1
        ? { status: 409, body: errorBody('invalid_transition', 'Refused on purpose by the test server.') }
        : null,
    );
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);

    const dialog = await openFromHome(page, 'Stop', B.name);
    await reasonField(dialog).fill('Wrong audience');
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog.getByRole('alert')).toContainText('Refused on purpose by the test server.');

    await reasonField(dialog).fill('Wrong segment: includes recent buyers');
    await confirmButton(dialog, 'Stop').click();
    await expect(dialog).toBeHidden();
    await expect(status(page, B.name)).toHaveText('Stopped');

    expect(sent).toHaveLength(2);
    expect(sent[0].reason).toBe('Wrong audience');
    expect(sent[1].reason).toBe('Wrong segment: includes recent buyers');
    expect(sent[1].key, 'an edited Stop is another action').not.toBe(sent[0].key);
    expect((await serverVersion(request, server, B.id)).stopReason).toBe('Wrong segment: includes recent buyers');
  });
});
