// The Home list: search, status filter and sort (kept in the URL), links to a
// journey's detail view, and live counts that change in place.

import { expect, test, type Locator, type Page } from '@playwright/test';

import {
  FINISHING_STATUS,
  DEMO_VERSION_COUNT,
  LIVE,
  NOW,
  cell,
  clickQuickAction,
  confirmDialog,
  expectDrawn,
  expectHomeLoaded,
  holdClock,
  homeRow,
  journeyRows,
  journeyTable,
  listCount,
  openHome,
  openJourney,
  parseCount,
  quickAction,
  versionLine,
} from './support/console';

function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search journeys' });
}

function statusFilter(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Status' });
}

function columnHeader(page: Page, name: string): Locator {
  return journeyTable(page).getByRole('columnheader', { name, exact: true });
}

/// Clicks a column heading's sort button.
async function sortBy(page: Page, name: string) {
  await columnHeader(page, name).getByRole('button', { name, exact: true }).click();
}

/// The journey names of the rows, top to bottom.
function rowNames(page: Page): Promise<string[]> {
  return journeyRows(page).getByRole('rowheader').allTextContents();
}

function showing(shown: number) {
  return `Showing ${shown} of ${DEMO_VERSION_COUNT} journey versions`;
}

const byName = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};

test.describe('search', () => {
  test('narrows the list as you type, ignoring case', async ({ page }) => {
    await openHome(page);
    await expect(listCount(page)).toHaveText(showing(DEMO_VERSION_COUNT));
    const search = searchBox(page);

    await search.pressSequentially('WE');
    await expect(listCount(page)).toHaveText(showing(4));
    await expect(journeyRows(page)).toHaveCount(4);
    expect((await rowNames(page)).sort()).toEqual([
      'Webinar follow-up',
      'Welcome series',
      'Welcome series',
      'Welcome series',
    ]);

    await search.pressSequentially('l');
    await expect(listCount(page)).toHaveText(showing(3));
    await expect(journeyRows(page)).toHaveCount(3);
    await expect(homeRow(page, 'Webinar follow-up')).toHaveCount(0);
    for (const version of [1, 2, 3]) {
      await expect(homeRow(page, 'Welcome series', version)).toBeVisible();
    }

    await search.clear();
    await expect(listCount(page)).toHaveText(showing(DEMO_VERSION_COUNT));
    await expect(journeyRows(page)).toHaveCount(DEMO_VERSION_COUNT);
  });

  test('finds a word inside a name', async ({ page }) => {
    await openHome(page);
    await searchBox(page).fill('back');
    await expect(listCount(page)).toHaveText(showing(3));
    expect((await rowNames(page)).sort(byName)).toEqual([
      'Back in stock alert',
      'Win-back: lapsed customers',
      'Win-back: lapsed customers',
    ]);
  });

  test('says so when nothing matches', async ({ page }) => {
    await openHome(page);
    await searchBox(page).fill('no journey is called this');
    await expect(listCount(page)).toHaveText(showing(0));
    await expect(journeyRows(page)).toHaveCount(0);
    await expect(page.getByText('No journey versions match this search and filter.')).toBeVisible();
  });
});

test.describe('status filter', () => {
  const cases = [
    { value: 'live', label: 'Live', count: 8, status: /^Live$/ },
    { value: 'draft', label: 'Draft', count: 3, status: /^Draft$/ },
    { value: 'stopped', label: 'Stopped', count: 2, status: /^Stopped$/ },
    { value: 'finishing', label: 'Finishing', count: 2, status: FINISHING_STATUS },
    {
      value: 'finished',
      label: 'Finished (including finishing)',
      count: 7,
      status: new RegExp(`^Finished$|${FINISHING_STATUS.source}`),
    },
  ];
  for (const { value, label, count, status } of cases) {
    test(`"${label}" shows only those versions`, async ({ page }) => {
      await openHome(page);
      await statusFilter(page).selectOption({ label });

      await expect(listCount(page)).toHaveText(showing(count));
      await expect(journeyRows(page)).toHaveCount(count);
      for (const row of await journeyRows(page).all()) {
        await expect(cell(row, 'Status')).toHaveText(status);
      }
      await expect(page).toHaveURL(new RegExp(`[?&]status=${value}(&|$)`));
    });
  }

  test('combines with search', async ({ page }) => {
    await openHome(page);
    await statusFilter(page).selectOption({ label: 'Live' });
    await searchBox(page).fill('welcome');
    await expect(listCount(page)).toHaveText(showing(1));
    await expect(journeyRows(page)).toHaveCount(1);
    await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();

    await statusFilter(page).selectOption({ label: 'All statuses' });
    await expect(listCount(page)).toHaveText(showing(3));
  });
});

test.describe('sorting', () => {
  test('clicking a column header sorts by it and flips aria-sort', async ({ page }) => {
    await openHome(page);
    // Newest changes first by default.
    await expect(columnHeader(page, 'Last modified')).toHaveAttribute('aria-sort', 'descending');
    await expect(columnHeader(page, 'Name')).not.toHaveAttribute('aria-sort');

    await sortBy(page, 'Name');
    await expect(columnHeader(page, 'Name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(columnHeader(page, 'Last modified')).not.toHaveAttribute('aria-sort');
    let names = await rowNames(page);
    expect(names).toEqual([...names].sort(byName));
    expect(names[0]).toBe('Back in stock alert');

    await sortBy(page, 'Name');
    await expect(columnHeader(page, 'Name')).toHaveAttribute('aria-sort', 'descending');
    names = await rowNames(page);
    expect(names).toEqual([...names].sort(byName).reverse());
    expect(names[0]).toBe('Win-back: lapsed customers');
  });

  test('numbers sort largest first, then flip', async ({ page }) => {
    await openHome(page);
    const entered = async () =>
      Promise.all((await journeyRows(page).all()).map(async (row) =>
        parseCount(await cell(row, 'Entered').textContent()),
      ));

    await sortBy(page, 'Entered');
    await expect(columnHeader(page, 'Entered')).toHaveAttribute('aria-sort', 'descending');
    let counts = await entered();
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1]);

    await sortBy(page, 'Entered');
    await expect(columnHeader(page, 'Entered')).toHaveAttribute('aria-sort', 'ascending');
    counts = await entered();
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});

test('search, filter and sort survive a reload', async ({ page }) => {
  await openHome(page);
  await searchBox(page).fill('ON');
  await statusFilter(page).selectOption({ label: 'Live' });
  await sortBy(page, 'Name');
  const expected = ['Cart abandonment reminder', 'Onboarding tips', 'Subscription renewal'];
  await expect(journeyRows(page).getByRole('rowheader')).toHaveText(expected);
  await expect(page).toHaveURL(/[?&]q=ON(&|$)/);

  await page.reload();
  await expectHomeLoaded(page);

  await expect(searchBox(page)).toHaveValue('ON');
  await expect(statusFilter(page)).toHaveValue('live');
  await expect(columnHeader(page, 'Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(listCount(page)).toHaveText(showing(3));
  await expect(journeyRows(page).getByRole('rowheader')).toHaveText(expected);
});

test('a link with a query opens Home searched, filtered and sorted', async ({ page }) => {
  await openHome(page, '?q=series&status=draft');
  await expect(searchBox(page)).toHaveValue('series');
  await expect(statusFilter(page)).toHaveValue('draft');
  await expect(listCount(page)).toHaveText(showing(1));
  await expect(homeRow(page, 'Welcome series', 3)).toBeVisible();
});

test("the page's other query parameters (a host's) stay in the URL as the list writes its own", async ({ page }) => {
  await openHome(page, '?workspace=emea&status=draft');
  await statusFilter(page).selectOption('live');
  await expect(page).toHaveURL(/[?&]status=live(&|$)/);
  await expect(page).toHaveURL(/[?&]workspace=emea(&|$)/);
  await searchBox(page).fill('ON');
  await expect(page).toHaveURL(/[?&]q=ON(&|$)/);
  await expect(page).toHaveURL(/[?&]workspace=emea(&|$)/);
});

test('the demo backend says its journeys are demo data that reach no customer', async ({ page }) => {
  await openHome(page);
  await expect(page.getByRole('banner').getByRole('paragraph')).toHaveText(
    'Demo journeys, kept in this browser: no journey server is connected, and nothing done here reaches a customer.',
  );
});

test("two versions of one journey: each row's actions and tick name the version they act on", async ({ page }) => {
  await openHome(page);
  // Birthday offer's version 1 is finishing and version 2 is live: both
  // rows offer Stop. Said by name alone, a screen reader's list of buttons
  // (or a voice command) could not tell which version a Stop would end.
  for (const version of [1, 2]) {
    const row = homeRow(page, 'Birthday offer', version);
    await row.hover();
    const stop = page.getByRole('button', { name: `Stop Birthday offer, version ${version}`, exact: true });
    await expect(stop).toHaveCount(1);
    await expect(row.getByRole('button', { name: `Stop Birthday offer, version ${version}`, exact: true })).toBeVisible();
    await expect(row.getByRole('checkbox', { name: `Select Birthday offer, version ${version}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Stop Birthday offer', exact: true })).toHaveCount(0);
  // The confirmation says which version as it opens, before what Stop does.
  await clickQuickAction(homeRow(page, 'Birthday offer', 1), 'Stop', 'Birthday offer');
  await expect(confirmDialog(page, 'Stop')).toHaveAccessibleDescription(/^Birthday offer · version 1 Use Stop for emergencies/);
});

test.describe('links to a journey', () => {
  test("a journey's address shows it, also after a reload", async ({ page }) => {
    await openHome(page);
    await homeRow(page, 'Win-back: lapsed customers', 1)
      .getByRole('link', { name: 'Win-back: lapsed customers' })
      .click();
    await expect(page).toHaveURL('/journeys/win-back-v1');
    await expect(versionLine(page)).toHaveText('Version 1 Stopped');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Win-back: lapsed customers' }))
      .toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Stopped');
  });

  test('opening a journey\'s address directly shows it', async ({ page }) => {
    await openJourney(page, 'welcome-series-v3', 'Welcome series');
    await expect(versionLine(page)).toHaveText('Version 3 Draft');
    await expect(
      page.getByRole('region', { name: 'Versions of this journey' }).getByRole('link', { name: 'Version 3' }),
    ).toHaveAttribute('aria-current', 'page');
  });

  test("the links to a journey's other versions show each version", async ({ page }) => {
    await openJourney(page, 'welcome-series-v2', 'Welcome series');
    const versions = page.getByRole('region', { name: 'Versions of this journey' });
    await expect(versionLine(page)).toHaveText('Version 2 Live');

    await versions.getByRole('link', { name: 'Version 1' }).click();
    await expect(page).toHaveURL('/journeys/welcome-series-v1');
    await expect(versionLine(page)).toHaveText('Version 1 Finished');
    await expect(versions.getByRole('link', { name: 'Version 1' })).toHaveAttribute('aria-current', 'page');

    await versions.getByRole('link', { name: 'Version 3' }).click();
    await expect(page).toHaveURL('/journeys/welcome-series-v3');
    await expect(versionLine(page)).toHaveText('Version 3 Draft');

    await page.goBack();
    await expect(versionLine(page)).toHaveText('Version 1 Finished');
  });

  test('an unknown journey shows "Journey not found" with a way back', async ({ page }) => {
    await holdClock(page);
    await page.goto('/journeys/no-such-journey');
    await expect(page.getByRole('heading', { level: 1, name: 'Journey not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('“no-such-journey”');
    await expect(page.getByRole('button', { name: 'Actions' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Back to Home' }).click();
    await expect(page).toHaveURL('/');
    await expectHomeLoaded(page);
    await expect(journeyRows(page)).toHaveCount(DEMO_VERSION_COUNT);
  });

  test('an unknown page says so', async ({ page }) => {
    await holdClock(page);
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to Home' }).click();
    await expectHomeLoaded(page);
  });
});

test.describe('live counts', () => {
  /// Lets ten minutes pass on the held clock; the next refresh (every second)
  /// moves the simulated customers.
  async function tenMinutesPass(page: Page) {
    await page.clock.setFixedTime(new Date(NOW.getTime() + 10 * 60_000));
  }

  async function markPage(page: Page) {
    await page.evaluate(() => ((window as unknown as { unchanged: boolean }).unchanged = true));
  }

  async function expectSamePage(page: Page) {
    expect(
      await page.evaluate(() => (window as unknown as { unchanged?: boolean }).unchanged),
      'the page was not reloaded',
    ).toBe(true);
  }

  test('change without a reload while typing in search', async ({ page }) => {
    await openHome(page);
    const row = homeRow(page, LIVE.cart.name, 1);
    const entered = (await cell(row, 'Entered').textContent()) ?? '';
    const search = searchBox(page);
    await search.click();
    await search.pressSequentially('cart');
    await markPage(page);

    await tenMinutesPass(page);

    await expect(cell(row, 'Entered')).not.toHaveText(entered);
    expect(parseCount(await cell(row, 'Entered').textContent())).toBeGreaterThan(parseCount(entered));
    await expectSamePage(page);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('cart');
    // Typing carries on where it was.
    await page.keyboard.type(' abandonment');
    await expect(search).toHaveValue('cart abandonment');
    await expect(listCount(page)).toHaveText(showing(1));
  });

  test("change in place, keeping focus on a row's quick action", async ({ page }) => {
    await openHome(page);
    await page.mouse.move(0, 0);
    const row = homeRow(page, LIVE.cart.name, 1);
    // Entered only grows; In journey hovers around a steady level.
    const entered = (await cell(row, 'Entered').textContent()) ?? '';
    const finish = quickAction(row, 'Finish', LIVE.cart.name);
    await finish.focus();
    await markPage(page);

    await tenMinutesPass(page);

    await expect(cell(row, 'Entered')).not.toHaveText(entered);
    await expectSamePage(page);
    await expect(finish).toBeFocused();
    await expectDrawn(finish, true);
  });
});
