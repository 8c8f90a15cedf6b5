// One Finish, Stop or Pause on many journey versions from Home: rows ticked by their
// checkboxes (a shift-click for a range, "Select all shown" for what the
// search and filter show), one confirmation naming how many versions and
// customers and which versions the rules refuse, then each version sent on
// its own, with its result, and "Retry failed" for the ones that failed.

import { expect, type Locator, type Page, type Route } from '@playwright/test';

import { expectNoViolations } from './support/axe';
import {
  setRowTick,
  LIVE,
  NOW,
  bulkDialog,
  confirmAllShown,
  cell,
  collectErrors,
  expectHomeLoaded,
  homeRow,
  journeyRows,
  listCount,
  menuItem,
  openActionsMenu,
  openHome,
  openJourney,
  parseCount,
  reasonField,
  scheduleFromMenu,
  selectAllShown,
  toolbar,
  toolbarButton,
} from './support/console';
import { deferred, serverHistory, serverVersion, test, useServer } from './support/sync_trust';

const WELCOME_V2 = { name: 'Welcome series', version: 2, id: 'welcome-series-v2' };

/// The checkbox of a Home row, named after the version it shows.
function rowCheckbox(page: Page, name: string, version: number): Locator {
  return page.getByRole('checkbox', { name: `Select ${name}, version ${version}`, exact: true });
}

function search(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search journeys' });
}

/// The progress line of a run ("3 of 3 done, 1 failed.").
function progress(dialog: Locator): Locator {
  return dialog.getByRole('status');
}

/// The items of the dialog's list under `heading` ("Succeeded (3)").
function listUnder(dialog: Locator, heading: string | RegExp): Locator {
  return dialog.getByRole('region', { name: heading }).getByRole('listitem');
}

async function inJourney(page: Page, name: string, version?: number): Promise<number> {
  return parseCount(await cell(homeRow(page, name, version), 'In journey').textContent());
}

async function tick(page: Page, name: string, version: number): Promise<void> {
  await setRowTick(rowCheckbox(page, name, version), true);
}

/// Presses `key` until `target` has focus, as a keyboard user would.
async function pressUntilFocused(page: Page, key: string, target: Locator, limit = 200): Promise<void> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((e) => e === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached by ${limit} presses of ${key}`);
}

test('rows are selected by checkbox, by a shift-click range, and by "Select all shown" honouring the search', async ({ page }) => {
  await openHome(page);
  await expect(toolbar(page)).toBeHidden();
  const top = async () => (await homeRow(page, LIVE.cart.name, 1).boundingBox())!.y;
  await homeRow(page, LIVE.cart.name, 1).scrollIntoViewIfNeeded();
  const before = await top();

  await tick(page, LIVE.cart.name, 1);
  await expect(toolbar(page)).toContainText('1 selected');
  // The toolbar kept its place while hidden: the list did not move under
  // the pointer.
  expect(await top()).toBe(before);

  // A range in the order shown: the first and the last of three rows.
  await toolbarButton(page, 'Clear selection').click();
  await expect(toolbar(page)).toBeHidden();
  // The button went with the selection; focus went on beside the list,
  // not to the top of the page.
  await expect(selectAllShown(page)).toBeFocused();
  await search(page).fill('Welcome');
  await expect(listCount(page)).toHaveText(/^Showing 3 of \d+ journey versions$/);
  const rows = journeyRows(page);
  const boxes = rows.getByRole('checkbox', { name: /^Select Welcome series, version \d$/ });
  await expect(boxes).toHaveCount(3);
  await boxes.nth(0).click();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  for (const version of [1, 2, 3]) await expect(rowCheckbox(page, 'Welcome series', version)).toBeChecked();
  await expect(toolbar(page)).toContainText('3 selected');
  await expect(selectAllShown(page)).toBeChecked();

  // Select all shown takes exactly what the search shows, and no other row.
  await toolbarButton(page, 'Clear selection').click();
  await search(page).fill('re');
  const shown = parseCount((await listCount(page).textContent())!.match(/Showing (\d+)/)![1]);
  expect(shown).toBeGreaterThan(3);
  await selectAllShown(page).click();
  await expect(toolbar(page)).toContainText(`${shown} selected`);
  await expect(rows.getByRole('checkbox', { checked: true })).toHaveCount(shown);
  await rows.getByRole('checkbox').first().click();
  await expect(selectAllShown(page)).toBeChecked({ indeterminate: true });
  await expect(toolbar(page)).toContainText(`${shown - 1} selected`);

  // Without the search, the selection is kept and "Select all shown" is mixed.
  await search(page).fill('');
  await expect(selectAllShown(page)).toBeChecked({ indeterminate: true });
  await expect(toolbar(page)).toContainText(`${shown - 1} selected`);
  await expect(rowCheckbox(page, 'Welcome series', 1)).not.toBeChecked();
});

test('versions ticked and then hidden by a search are said to be included, on the toolbar and in the confirmation', async ({ page }) => {
  await openHome(page);
  await tick(page, LIVE.cart.name, 1);
  const stopAt = await toolbarButton(page, 'Stop').boundingBox();
  await search(page).fill('Welcome');
  await selectAllShown(page).click();
  await expect(toolbar(page)).toContainText('4 selected, 1 of them hidden by the search or filter');
  // The count's words grew; the buttons stayed where they were, so a click
  // aimed at one never lands on its neighbour.
  expect(await toolbarButton(page, 'Stop').boundingBox()).toEqual(stopAt);

  await toolbarButton(page, 'Stop').click();
  const dialog = bulkDialog(page, /^Stop \d journey versions\?$/);
  await expect(dialog.getByText(/hidden by the search or filter on Home/)).toHaveText(
    'One of these versions is hidden by the search or filter on Home; it is included all the same.',
  );
  // Each version the Stop goes to is named, the hidden one marked.
  const count = Number(/Stop (\d)/.exec((await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1]);
  const listed = listUnder(dialog, `These ${count} versions will be stopped:`);
  await expect(listed).toHaveCount(count);
  await expect(listed.filter({ hasText: 'Cart' })).toHaveText(['Cart abandonment reminder, version 1 (hidden by the search or filter)']);
  await expect(listed.filter({ hasNotText: 'Cart' })).toHaveText(Array(count - 1).fill(/^Welcome series, version \d$/));
  await page.keyboard.press('Escape');
  await search(page).fill('');
  await expect(toolbar(page)).toContainText(/^4 selected/);
  await expect(toolbar(page)).not.toContainText('hidden');
});

test('"Select all shown" selects every row of a long list, not only the rows drawn', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ backend: 'embedded', demoJourneys: 300 }) }),
  );
  await openHome(page);
  await expect(listCount(page)).toHaveText('Showing 300 of 300 journey versions');
  const drawn = await journeyRows(page).count();
  expect(drawn).toBeLessThan(300);
  await selectAllShown(page).click();
  await expect(toolbar(page)).toContainText('300 selected');
  await expect(selectAllShown(page)).toBeChecked();

  // The confirmation names every version it finishes, in a list that
  // scrolls in its box, with the keyboard too.
  await toolbarButton(page, 'Finish').click();
  const dialog = bulkDialog(page, /^Finish \d+ journey versions\?$/);
  await expect(dialog).toBeVisible();
  const count = Number(/Finish (\d+)/.exec((await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(10);
  const list = dialog.getByRole('list', { name: `These ${count} versions will be finished:` });
  await expect(list.getByRole('listitem')).toHaveCount(count);
  expect(await list.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  // Back past the list of those the rules refuse, which scrolls too.
  await pressUntilFocused(page, 'Shift+Tab', list, 2);
  await page.keyboard.press('End');
  await expect.poll(() => list.evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
  await expect(dialog.getByRole('button', { name: 'Finish', exact: true })).toBeInViewport();
});

test('the confirmation counts versions and customers and lists the versions the rules refuse, before anything is sent', async ({ page }) => {
  await openHome(page);
  await search(page).fill('Welcome');
  await selectAllShown(page).click();
  const customers = await inJourney(page, 'Welcome series', 2);
  const finish = toolbarButton(page, 'Finish');
  await finish.click();

  const dialog = bulkDialog(page, 'Finish 1 journey version?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/customers? (is|are) in it\.$/)).toHaveText(
    `${customers.toLocaleString('en-US')} ${customers === 1 ? 'customer is' : 'customers are'} in it.`,
  );
  await expect(listUnder(dialog, 'This version will be finished:')).toHaveText(['Welcome series, version 2']);
  const refused = listUnder(dialog, 'These 2 selected versions will not be finished:');
  await expect(refused).toHaveText([
    /^Welcome series, version 1 — This journey (has already finished|is already finishing)/,
    /^Welcome series, version 3 — This journey is a draft/,
  ]);
  // Nothing is sent before confirming: the dialog offers Cancel and Finish only.
  await expect(dialog.getByRole('button')).toHaveText(['Cancel', 'Finish']);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(finish).toBeFocused();
  await expect(cell(homeRow(page, 'Welcome series', 2), 'Status')).toHaveText('Live');

  // Only refused versions selected: nothing to confirm.
  await setRowTick(rowCheckbox(page, 'Welcome series', 2), false);
  await finish.click();
  const none = bulkDialog(page, 'None of the selected journey versions can be finished');
  await expect(none).toBeVisible();
  await expect(listUnder(none, 'These 2 selected versions will not be finished:')).toHaveCount(2);
  await expect(none.getByRole('button', { name: 'Finish', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(none).toBeHidden();
});

test('Finish of several versions: each one finishes, and the results stay reachable', async ({ page }) => {
  const errors = collectErrors(page);
  await openHome(page);
  const chosen = [
    { name: LIVE.cart.name, version: 1 },
    { name: LIVE.backInStock.name, version: 1 },
    { name: WELCOME_V2.name, version: 2 },
  ];
  let customers = 0;
  for (const { name, version } of chosen) {
    await tick(page, name, version);
    customers += await inJourney(page, name, version);
  }
  await expect(toolbar(page)).toContainText('3 selected');
  await toolbarButton(page, 'Finish').click();
  const dialog = bulkDialog(page, 'Finish 3 journey versions?');
  await expect(dialog).toContainText(`${customers.toLocaleString('en-US')} customers are in them.`);
  await expect(dialog).toContainText('No new customers can enter these journey versions');
  await dialog.getByRole('button', { name: 'Finish', exact: true }).click();

  const results = bulkDialog(page, 'Finishing 3 journey versions');
  await expect(progress(results)).toHaveText('3 of 3 done.');
  await expect(listUnder(results, 'Succeeded (3)')).toHaveText([
    'Back in stock alert, version 1',
    'Cart abandonment reminder, version 1',
    'Welcome series, version 2',
  ]);
  await expect(results.getByRole('button', { name: /^Retry failed/ })).toHaveCount(0);
  await results.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(results).toBeHidden();
  for (const { name, version } of chosen) {
    await expect(cell(homeRow(page, name, version), 'Status')).toHaveText(/^Finish(ed|ing)/);
  }
  await expect(toolbar(page).getByRole('status')).toHaveText('Finish: 3 of 3 done.');
  await toolbarButton(page, 'Show results').click();
  await expect(listUnder(results, 'Succeeded (3)')).toHaveCount(3);
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('Pause of several versions: the rules refuse a draft and too long a pause, and each live one is paused on the terms chosen', async ({ page }) => {
  await openHome(page);
  const live = [
    { name: LIVE.cart.name, version: 1 },
    { name: LIVE.backInStock.name, version: 1 },
  ];
  for (const { name, version } of live) await tick(page, name, version);
  await tick(page, 'Welcome series', 3);
  await toolbarButton(page, 'Pause').click();

  const dialog = bulkDialog(page, 'Pause 2 journey versions?');
  await expect(dialog).toContainText('While they are paused, no new customers can enter these journey versions.');
  await expect(listUnder(dialog, 'This selected version will not be paused:')).toHaveText([
    /^Welcome series, version 3 — This journey is a draft; only a live journey can be paused\./,
  ]);
  const days = dialog.getByRole('spinbutton', { name: 'Pause for (days)' });
  await days.fill('15');
  await expect(dialog.getByText('A pause can last 14 days at most.', { exact: true })).toBeVisible();
  await expectNoViolations(page, 'bulk Pause confirmation with a refused term');
  // The rules refuse the terms: confirming sends nothing.
  await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(cell(homeRow(page, LIVE.cart.name, 1), 'Status')).toHaveText('Live');

  await days.fill('3');
  await dialog.getByRole('radio', { name: 'Discard them' }).check();
  await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
  const results = bulkDialog(page, 'Pausing 2 journey versions');
  await expect(progress(results)).toHaveText('2 of 2 done.');
  await results.getByRole('button', { name: 'Close', exact: true }).click();
  for (const { name, version } of live) {
    await expect(cell(homeRow(page, name, version), 'Status')).toHaveText(/^Paused/);
    // Discarded: they left the journey at once.
    expect(await inJourney(page, name, version)).toBe(0);
  }
  await expect(cell(homeRow(page, 'Welcome series', 3), 'Status')).toHaveText('Draft');
  await expect(toolbar(page).getByRole('status')).toHaveText('Pause: 2 of 2 done.');
});

test('Pause of several versions says for how many a scheduled finish comes before the pause would end', async ({ page }) => {
  await openJourney(page, LIVE.cart.id, LIVE.cart.name);
  // This time tomorrow.
  await scheduleFromMenu(page, '2026-11-26T12:00');
  await page.getByRole('link', { name: 'Home' }).click();
  await expectHomeLoaded(page);
  await tick(page, LIVE.cart.name, 1);
  await tick(page, LIVE.backInStock.name, 1);
  await toolbarButton(page, 'Pause').click();

  const dialog = bulkDialog(page, 'Pause 2 journey versions?');
  const note = dialog.getByRole('paragraph').filter({ hasText: /a finish is scheduled before this pause would end/ });
  const days = dialog.getByRole('spinbutton', { name: 'Pause for (days)' });
  await days.fill('3');
  await expect(note).toHaveText(
    "For one of these versions a finish is scheduled before this pause would end: such a version then finishes, the customers in it continue to the end of their path, and what is chosen here for the pause's end does not happen to it.",
  );
  // A pause ending by then (on a tie, the pause's end comes first) is
  // carried out as chosen for every version.
  await days.fill('1');
  await expect(note).toHaveCount(0);
  // Chosen to stop them then, it stops that version before its finish.
  await dialog.getByRole('radio', { name: 'Stop the journey' }).check();
  await expect(dialog.getByRole('paragraph').filter({ hasText: /a finish is scheduled after this pause ends/ })).toHaveText(
    'For one of these versions a finish is scheduled after this pause ends: the pause then stops such a version, everyone still in it is stopped, and its scheduled finish does not happen.',
  );
});

test('keyboard only: tick rows with Space, confirm with Enter, and focus comes back', async ({ page }) => {
  await openHome(page);
  // Ticked in the order the rows come, each reached by Tab alone.
  const names = await journeyRows(page).getByRole('rowheader').allTextContents();
  const chosen = [LIVE.cart.name, LIVE.backInStock.name].sort((a, b) => names.indexOf(a) - names.indexOf(b));
  for (const name of chosen) {
    const box = rowCheckbox(page, name, 1);
    await pressUntilFocused(page, 'Tab', box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await expect(toolbar(page)).toContainText('2 selected');

  const stop = toolbarButton(page, 'Stop');
  await pressUntilFocused(page, 'Shift+Tab', stop);
  await page.keyboard.press('Enter');
  const dialog = bulkDialog(page, 'Stop 2 journey versions?');
  await expect(dialog).toBeVisible();
  // What a screen reader says as the dialog opens: what Stop does.
  await expect(dialog).toHaveAccessibleDescription(/^Use Stop for emergencies: everyone in these journey versions is stopped now/);
  await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await pressUntilFocused(page, 'Shift+Tab', reasonField(dialog), 10);
  await page.keyboard.type('Wrong audience');
  await pressUntilFocused(page, 'Tab', dialog.getByRole('button', { name: 'Stop', exact: true }), 10);
  await page.keyboard.press('Enter');

  const results = bulkDialog(page, 'Stopping 2 journey versions');
  await expect(progress(results)).toHaveText('2 of 2 done.');
  const close = results.getByRole('button', { name: 'Close', exact: true });
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(results).toBeHidden();
  await expect(stop).toBeFocused();
  await expect(cell(homeRow(page, LIVE.cart.name), 'Status')).toHaveText('Stopped');
  await expect(cell(homeRow(page, LIVE.backInStock.name), 'Status')).toHaveText('Stopped');
});

test('a Stop reason being typed keeps its focus and every key while the customer counts move', async ({ page }) => {
  await openHome(page);
  await tick(page, LIVE.cart.name, 1);
  await tick(page, LIVE.backInStock.name, 1);
  await toolbarButton(page, 'Stop').click();
  const dialog = bulkDialog(page, 'Stop 2 journey versions?');
  const customers = dialog.getByText(/customers? (is|are) in (it|them)\.$/);
  const before = await customers.textContent();
  await reasonField(dialog).click();
  await page.keyboard.type('Wrong aud');

  // Customers come and go while the user types: the dialog follows them.
  let minutes = 0;
  await expect
    .poll(async () => {
      await page.clock.setFixedTime(new Date(NOW.getTime() + ++minutes * 60_000));
      return customers.textContent();
    })
    .not.toBe(before);
  await page.keyboard.type('ience');
  await expect(reasonField(dialog)).toBeFocused();
  await expect(reasonField(dialog)).toHaveValue('Wrong audience');
});

test('axe finds nothing with the toolbar, the confirmation and the results shown', async ({ page }) => {
  await openHome(page);
  await tick(page, LIVE.cart.name, 1);
  await tick(page, 'Welcome series', 3);
  await expectNoViolations(page, 'Home with two versions selected');

  await toolbarButton(page, 'Stop').click();
  const dialog = bulkDialog(page, 'Stop 1 journey version?');
  await expect(listUnder(dialog, 'This selected version will not be stopped:')).toHaveCount(1);
  await expectNoViolations(page, 'the bulk Stop confirmation');

  await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
  const results = bulkDialog(page, 'Stopping 1 journey version');
  await expect(progress(results)).toHaveText('1 of 1 done.');
  await expectNoViolations(page, 'the bulk results');

  await page.keyboard.press('Escape');
  await expect(toolbar(page).getByRole('status')).toHaveText('Stop: 1 of 1 done.');
  await expectNoViolations(page, 'Home with the last results on the toolbar');
});

test.describe('over the HTTP reference server', () => {
  const FINISHED = [LIVE.backInStock, LIVE.cart, { name: WELCOME_V2.name, id: WELCOME_V2.id }];

  async function tickThree(page: Page): Promise<void> {
    await tick(page, LIVE.cart.name, 1);
    await tick(page, LIVE.backInStock.name, 1);
    await tick(page, WELCOME_V2.name, 2);
  }

  test('closing the tab while a run is sending asks first, also while the versions on their way read their histories', async ({ page, server }) => {
    // Each version's history, read after its answer, is held: the run's
    // next versions wait for those reads.
    const histories: Route[] = [];
    await page.route(`${server}/journeys/*/history`, (route) => {
      histories.push(route);
    });
    let stops = 0;
    page.on('requestfinished', (finished) => {
      if (finished.url().endsWith('/stop')) stops += 1;
    });
    const asked: string[] = [];
    page.on('dialog', async (question) => {
      asked.push(question.type());
      await question.dismiss();
    });
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);
    const { dialog, total } = await confirmAllShown(page, 'Stop');
    expect(total, 'more versions than are sent at once').toBeGreaterThan(3);
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => stops).toBe(3);
    await expect.poll(() => histories.length).toBe(3);

    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked, { message: 'the browser asked before leaving' }).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    await page.unroute(`${server}/journeys/*/history`);
    for (const route of histories.splice(0)) await route.continue();
    await expect(progress(bulkDialog(page, /^Stopping \d+ journey versions$/))).toHaveText(`${total} of ${total} done.`);
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);
  });

  /// Every `action` request the page sends (a POST to /journeys/{id}/{action}),
  /// with its idempotency key and `If-Match`, in the order sent.
  function changesSent(page: Page, action: string): Array<{ id: string; key: string | undefined; ifMatch: string | undefined }> {
    const sent: Array<{ id: string; key: string | undefined; ifMatch: string | undefined }> = [];
    page.on('request', (request) => {
      const match = request.method() === 'POST' && new URL(request.url()).pathname.match(new RegExp(`/journeys/([^/]+)/${action}$`));
      if (match) sent.push({ id: match[1], key: request.headers()['idempotency-key'], ifMatch: request.headers()['if-match'] });
    });
    return sent;
  }

  test('one version fails; the result says why, and "Retry failed" sends exactly that one, with its key', async ({ page, request, server }) => {
    test.setTimeout(60_000);
    await useServer(page, server, 'operator', 600_000);
    const finishes = changesSent(page, 'finish');
    await page.goto('/');
    await expectHomeLoaded(page);
    // The server fails every attempt at one version (503), beyond the
    // console's own retries of it.
    const fault = await request.post(`${server}/_test/faults`, {
      data: { path: `${LIVE.backInStock.id}/finish`, mode: 'error', count: 4 },
    });
    expect(fault.ok()).toBeTruthy();

    await tickThree(page);
    await toolbarButton(page, 'Finish').click();
    await bulkDialog(page, 'Finish 3 journey versions?').getByRole('button', { name: 'Finish', exact: true }).click();
    const results = bulkDialog(page, 'Finishing 3 journey versions');
    await expect(progress(results)).toHaveText('3 of 3 done, 1 failed.', { timeout: 20_000 });
    await expect(listUnder(results, 'Failed (1)')).toHaveText([
      /^Back in stock alert, version 1 — The server had a problem \(HTTP 503/,
    ]);
    await expect(listUnder(results, 'Succeeded (2)')).toHaveText([
      'Cart abandonment reminder, version 1',
      'Welcome series, version 2',
    ]);
    const ids = (list: typeof finishes) => list.map((f) => f.id).sort();
    expect(ids(finishes)).toEqual([
      LIVE.backInStock.id, LIVE.backInStock.id, LIVE.backInStock.id, LIVE.backInStock.id,
      LIVE.cart.id, WELCOME_V2.id,
    ]);
    const keyOf = (id: string) => new Set(finishes.filter((f) => f.id === id).map((f) => f.key));
    expect(keyOf(LIVE.backInStock.id).size).toBe(1);
    const keys = [LIVE.backInStock.id, LIVE.cart.id, WELCOME_V2.id].map((id) => [...keyOf(id)][0]);
    expect(new Set(keys).size).toBe(3);

    const before = finishes.length;
    await results.getByRole('button', { name: 'Retry failed (1)', exact: true }).click();
    await expect(progress(results)).toHaveText('3 of 3 done.');
    await expect(listUnder(results, 'Succeeded (3)')).toHaveCount(3);
    const retried = finishes.slice(before);
    expect(retried.map((f) => f.id)).toEqual([LIVE.backInStock.id]);
    // No answer said whether the 503s changed anything: the same key.
    expect(retried[0].key).toBe(keys[0]);
    for (const { id } of FINISHED) {
      expect((await serverVersion(request, server, id)).status).toBe('finished');
      const history = await serverHistory(request, server, id);
      expect(history.filter((entry) => entry.action === 'finish')).toHaveLength(1);
    }
  });

  test('a version whose answers were all lost, shown finished by the next list, is sent again as the same request by "Retry failed": the server answers as it did, once', async ({ page, request, server }) => {
    test.setTimeout(60_000);
    await useServer(page, server, 'operator', 1000);
    const finishes = changesSent(page, 'finish');
    await page.goto('/');
    await expectHomeLoaded(page);
    // The server finishes one version, and every answer to it is lost on
    // the way back, until the console gives up.
    let answersLost = true;
    await page.route(`${server}/journeys/${LIVE.backInStock.id}/finish`, async (route) => {
      if (!answersLost) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });

    await tickThree(page);
    await toolbarButton(page, 'Finish').click();
    await bulkDialog(page, 'Finish 3 journey versions?').getByRole('button', { name: 'Finish', exact: true }).click();
    const results = bulkDialog(page, 'Finishing 3 journey versions');
    await expect(progress(results)).toHaveText('3 of 3 done, 1 failed.', { timeout: 20_000 });
    await expect(listUnder(results, 'Failed (1)')).toHaveText([/^Back in stock alert, version 1 — /]);
    answersLost = false;
    expect((await serverVersion(request, server, LIVE.backInStock.id)).status, 'the server made it').toBe('finished');
    // The next list shows it finishing.
    await expect(cell(homeRow(page, LIVE.backInStock.name, 1), 'Status')).toHaveText(/^Finishing/);

    const before = finishes.length;
    await results.getByRole('button', { name: 'Retry failed (1)', exact: true }).click();
    await expect(progress(results)).toHaveText('3 of 3 done.');
    await expect(listUnder(results, 'Succeeded (3)')).toHaveCount(3);
    const retried = finishes.slice(before);
    expect(retried.map((f) => f.id)).toEqual([LIVE.backInStock.id]);
    expect(new Set(finishes.filter((f) => f.id === LIVE.backInStock.id).map((f) => f.key)).size, 'one key').toBe(1);
    const history = await serverHistory(request, server, LIVE.backInStock.id);
    expect(history.filter((entry) => entry.action === 'finish'), 'finished once').toHaveLength(1);
  });

  test('a Stop that never reached the server, of a version a colleague then finishes, is sent again by "Retry failed" on the revision the user decided on: refused, the finish stands', async ({ page, request, server }) => {
    test.setTimeout(60_000);
    await useServer(page, server, 'operator', 1000);
    const stops = changesSent(page, 'stop');
    await page.goto('/');
    await expectHomeLoaded(page);
    // A gateway in front of the server answers 504 to every Stop of one
    // version, which never reaches the server: whether it was made is not
    // known to the console.
    let gatewayDown = true;
    await page.route(`${server}/journeys/${LIVE.backInStock.id}/stop`, (route) =>
      gatewayDown ? route.fulfill({ status: 504, body: 'Gateway Timeout' }) : route.continue(),
    );

    await tickThree(page);
    await toolbarButton(page, 'Stop').click();
    await bulkDialog(page, 'Stop 3 journey versions?').getByRole('button', { name: 'Stop', exact: true }).click();
    const results = bulkDialog(page, 'Stopping 3 journey versions');
    await expect(progress(results)).toHaveText('3 of 3 done, 1 failed.', { timeout: 20_000 });
    await expect(listUnder(results, 'Failed (1)')).toHaveText([/^Back in stock alert, version 1 — /]);
    gatewayDown = false;
    const decidedOn = stops.find((s) => s.id === LIVE.backInStock.id)!.ifMatch;

    // A colleague finishes that version, so its customers complete their
    // path; the next list shows it.
    const current = await serverVersion(request, server, LIVE.backInStock.id);
    expect(`"${current.revision}"`, 'the server never saw the Stop').toBe(decidedOn);
    const finished = await request.post(`${server}/journeys/${LIVE.backInStock.id}/finish`, {
      headers: { Authorization: 'Bearer operator-token', 'If-Match': `"${current.revision}"`, 'Idempotency-Key': 'a-colleague-finishes-it' },
    });
    expect(finished.status()).toBe(200);
    await expect(cell(homeRow(page, LIVE.backInStock.name, 1), 'Status')).toHaveText(/^Finishing/);

    // "Retry failed" sends the same request: its key, and the revision the
    // user confirmed the Stop on. The server never saw it, and refuses it.
    const before = stops.length;
    await results.getByRole('button', { name: 'Retry failed (1)', exact: true }).click();
    await expect(progress(results)).toHaveText('3 of 3 done, 1 failed.');
    await expect(listUnder(results, 'Failed (1)')).toHaveText([/^Back in stock alert, version 1 — This journey version has changed since .*\(last changed by Olga Operator\)/]);
    const retried = stops.slice(before);
    expect(retried.map((s) => s.id)).toEqual([LIVE.backInStock.id]);
    expect(retried[0].key).toBe(stops.find((s) => s.id === LIVE.backInStock.id)!.key);
    expect(retried[0].ifMatch).toBe(decidedOn);
    expect((await serverVersion(request, server, LIVE.backInStock.id)).status, 'the finish stands').toBe('finished');
    const history = await serverHistory(request, server, LIVE.backInStock.id);
    expect(history.filter((entry) => entry.action === 'stop'), 'never stopped').toHaveLength(0);
    await expect(cell(homeRow(page, LIVE.backInStock.name, 1), 'Status')).toHaveText(/^Finishing/);
  });

  test('a version someone else finishes while the run waits to send it is not stopped, and the result says why', async ({ page, request, server }) => {
    // The first three Stops are held, so the rest of the run waits.
    const held: Array<{ id: string; route: Route }> = [];
    let holding = true;
    await page.route(`${server}/journeys/*/stop`, (route) => {
      const id = new URL(route.request().url()).pathname.split('/').at(-2)!;
      if (holding) held.push({ id, route });
      else void route.continue();
    });
    const stops: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && sent.url().endsWith('/stop')) stops.push(new URL(sent.url()).pathname.split('/').at(-2)!);
    });
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    const { dialog, total } = await confirmAllShown(page, 'Stop');
    expect(total, 'more versions than are sent at once').toBeGreaterThan(3);
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => held.length).toBe(3);

    // A colleague finishes a live version the run has not sent yet, so its
    // customers complete their path; the next poll shows it.
    const live = (await (await request.get(`${server}/journeys?limit=500`, { headers: { Authorization: 'Bearer viewer-token' } })).json()).items
      .filter((v: { id: string; status: string }) => v.status === 'live' && !held.some((h) => h.id === v.id));
    const waiting: { id: string; name: string; version: number } = live[0];
    const current = await serverVersion(request, server, waiting.id);
    const finished = await request.post(`${server}/journeys/${waiting.id}/finish`, {
      headers: { Authorization: 'Bearer operator-token', 'If-Match': `"${current.revision}"`, 'Idempotency-Key': 'a-colleague-finishes-it' },
    });
    expect(finished.status()).toBe(200);
    await expect(cell(homeRow(page, waiting.name, waiting.version), 'Status')).toHaveText(/^Finishing/);

    holding = false;
    for (const { route } of held.splice(0)) await route.continue();
    const results = bulkDialog(page, `Stopping ${total} journey versions`);
    await expect(progress(results)).toHaveText(`${total} of ${total} done, 1 failed.`);
    await expect(listUnder(results, 'Failed (1)')).toHaveText([
      `${waiting.name}, version ${waiting.version} — Olga Operator changed it since you chose this action: it is now Finishing. Nothing was sent: choose the action again if it still applies.`,
    ]);
    expect(stops).not.toContain(waiting.id);
    expect((await serverVersion(request, server, waiting.id)).status).toBe('finished');
  });

  test('a selected draft deleted elsewhere is no longer counted as selected', async ({ page, request, server }) => {
    await useServer(page, server, 'operator', 1000);
    await page.goto('/');
    await expectHomeLoaded(page);
    await tick(page, LIVE.cart.name, 1);
    await tick(page, 'Welcome series', 3);
    await expect(toolbar(page)).toContainText('2 selected');

    const draft = await serverVersion(request, server, 'welcome-series-v3');
    const deleted = await request.delete(`${server}/journeys/welcome-series-v3`, {
      headers: { Authorization: 'Bearer admin-token', 'If-Match': `"${draft.revision}"`, 'Idempotency-Key': 'deleted-elsewhere' },
    });
    expect(deleted.status()).toBe(204);
    await expect(homeRow(page, 'Welcome series', 3)).toHaveCount(0);
    await expect(toolbar(page)).toContainText('1 selected');
    await expect(toolbar(page)).not.toContainText('hidden');
  });

  test('a viewer, who may neither finish nor stop, is offered no checkboxes and no toolbar', async ({ page, server }) => {
    await useServer(page, server, 'viewer', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);
    // The role is known once the detail view's menu says it forbids Finish.
    await homeRow(page, LIVE.cart.name).getByRole('link', { name: LIVE.cart.name }).click();
    await openActionsMenu(page);
    await expect(menuItem(page, 'Finish')).toContainText('Your role (viewer) does not allow this');
    await page.goBack();
    await expectHomeLoaded(page);
    await expect(homeRow(page, LIVE.cart.name)).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(toolbar(page)).toBeHidden();
  });

  test('Stop with a reason: every version is stopped with it', async ({ page, request, server }) => {
    await useServer(page, server, 'operator', 600_000);
    await page.goto('/');
    await expectHomeLoaded(page);
    await tickThree(page);
    await toolbarButton(page, 'Stop').click();
    const dialog = bulkDialog(page, 'Stop 3 journey versions?');
    await expect(dialog).toContainText('everyone in these journey versions is stopped now');
    await reasonField(dialog).fill('Wrong audience');
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    const results = bulkDialog(page, 'Stopping 3 journey versions');
    await expect(progress(results)).toHaveText('3 of 3 done.');
    for (const { id } of FINISHED) {
      const stopped = await serverVersion(request, server, id);
      expect([stopped.status, stopped.stopReason]).toEqual(['stopped', 'Wrong audience']);
    }
  });

  test('a change of selection during and after a run keeps every result', async ({ page, server }) => {
    await useServer(page, server, 'operator', 600_000);
    // The cart's request is held until the selection has changed.
    const release = deferred();
    const held = deferred();
    await page.route(`${server}/journeys/${LIVE.cart.id}/finish`, async (route) => {
      held.resolve();
      await release.promise;
      await route.continue();
    });
    await page.goto('/');
    await expectHomeLoaded(page);
    await tickThree(page);
    await toolbarButton(page, 'Finish').click();
    await bulkDialog(page, 'Finish 3 journey versions?').getByRole('button', { name: 'Finish', exact: true }).click();
    const results = bulkDialog(page, 'Finishing 3 journey versions');
    await held.promise;
    await expect(progress(results)).toHaveText('2 of 3 done.');
    await page.keyboard.press('Escape');
    await expect(results).toBeHidden();

    // During the run: the cart unticked, another version ticked.
    await setRowTick(rowCheckbox(page, LIVE.cart.name, 1), false);
    await tick(page, 'Birthday offer', 2);
    await expect(toolbar(page)).toContainText('3 selected');
    release.resolve();
    await expect(toolbar(page).getByRole('status')).toHaveText('Finish: 3 of 3 done.');

    // After it: the selection cleared.
    await toolbarButton(page, 'Clear selection').click();
    await toolbarButton(page, 'Show results').click();
    await expect(listUnder(results, 'Succeeded (3)')).toHaveText([
      'Back in stock alert, version 1',
      'Cart abandonment reminder, version 1',
      'Welcome series, version 2',
    ]);
  });
});
