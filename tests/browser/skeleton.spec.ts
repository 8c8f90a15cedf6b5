// The console starts, reads config.json, and Home lists the demo journeys.

import { expect, test, type Page, type Route } from '@playwright/test';

import {
  FINISHING_STATUS,
  DEMO_JOURNEYS,
  DEMO_VERSION_COUNT,
  HOME_COLUMNS,
  collectErrors,
  expectHomeLoaded,
  holdClock,
  homeRow,
  journeyRows,
  journeyTable,
  listCount,
  openHome,
  versionLine,
} from './support/console';

test('Home lists every demo journey version as a row', async ({ page }) => {
  await openHome(page);

  await expect(page).toHaveTitle('Journey Console');
  await expect(listCount(page)).toHaveText(
    `Showing ${DEMO_VERSION_COUNT} of ${DEMO_VERSION_COUNT} journey versions`,
  );
  const headers = journeyTable(page).getByRole('columnheader');
  await expect(headers).toHaveCount(HOME_COLUMNS.length);
  for (const [index, name] of HOME_COLUMNS.entries()) {
    await expect(headers.nth(index)).toHaveAccessibleName(name);
  }
  await expect(journeyRows(page)).toHaveCount(DEMO_VERSION_COUNT);
  for (const journey of DEMO_JOURNEYS) {
    for (let version = 1; version <= journey.versions; version++) {
      await expect(homeRow(page, journey.name, version), `${journey.name} version ${version}`)
        .toBeVisible();
    }
    await expect(homeRow(page, journey.name)).toHaveCount(journey.versions);
  }
  // Each name leads to that version's detail view.
  await expect(
    homeRow(page, 'Welcome series', 2).getByRole('link', { name: 'Welcome series' }),
  ).toHaveAttribute('href', '/journeys/welcome-series-v2');
});

test('the demo journeys show their statuses on Home', async ({ page }) => {
  await openHome(page);

  const statusOf = (name: string, version: number) =>
    homeRow(page, name, version).getByRole('cell').nth(HOME_COLUMNS.indexOf('Status') - 1);
  await expect(statusOf('Welcome series', 1)).toHaveText('Finished');
  await expect(statusOf('Welcome series', 2)).toHaveText('Live');
  await expect(statusOf('Welcome series', 3)).toHaveText('Draft');
  await expect(statusOf('Win-back: lapsed customers', 1)).toHaveText('Stopped');
  // Replaced by version 2 five hours ago: customers are still finishing their path.
  await expect(statusOf('Birthday offer', 1)).toHaveText(FINISHING_STATUS);
});

test('the console runs without uncaught errors', async ({ page }) => {
  const errors = collectErrors(page);
  // Real time here: the simulation moves customers while the pages are used.
  await page.goto('/');
  await expectHomeLoaded(page);
  await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();

  await page.getByRole('link', { name: 'Cart abandonment reminder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart abandonment reminder' }))
    .toBeVisible();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: /^Finish( |$)/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Finish journey?' });
  await dialog.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(versionLine(page)).toHaveText(/^Version 1 Finish(ing|ed)/);
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expectHomeLoaded(page);
  await expect(homeRow(page, 'Cart abandonment reminder', 1)).toContainText(/Finish(ing|ed)/);

  expect(errors).toEqual([]);
});

test.describe('config.json', () => {
  /// Serves `config.json` with `respond`, and counts how often it was asked for.
  async function serveConfig(page: Page, respond: (route: Route) => Promise<void>) {
    const requests = { count: 0 };
    await page.route('**/config.json', async (route) => {
      requests.count += 1;
      await respond(route);
    });
    return requests;
  }

  const json = (body: string) => (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body });

  const cantStart = (page: Page) =>
    page.getByRole('heading', { level: 1, name: "Journey Console can't start" });

  test('without config.json the console uses the embedded demo backend', async ({ page }) => {
    const requests = await serveConfig(page, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
    );
    await openHome(page);

    expect(requests.count).toBeGreaterThan(0);
    await expect(journeyRows(page)).toHaveCount(DEMO_VERSION_COUNT);
    await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();
    await expect(cantStart(page)).toHaveCount(0);
  });

  test('{"backend":"embedded"} opens Home on the demo journeys', async ({ page }) => {
    const requests = await serveConfig(page, json('{"backend":"embedded"}'));
    await openHome(page);

    expect(requests.count).toBeGreaterThan(0);
    await expect(journeyRows(page)).toHaveCount(DEMO_VERSION_COUNT);
    await expect(homeRow(page, 'Cart abandonment reminder', 1)).toBeVisible();
  });

  test('malformed JSON stops the console with the problem named', async ({ page }) => {
    const requests = await serveConfig(page, json('{"backend": "embedded",'));
    await holdClock(page);
    await page.goto('/');

    await expect(cantStart(page)).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('config.json is not valid JSON');
    expect(requests.count).toBeGreaterThan(0);
    // Nothing of the console is shown on a configuration it can't use.
    await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reset demo data' })).toHaveCount(0);
  });

  test('an unknown backend is refused, naming it', async ({ page }) => {
    await serveConfig(page, json('{"backend":"ftp"}'));
    await holdClock(page);
    await page.goto('/');

    await expect(cantStart(page)).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('ftp');
    await expect(alert).toContainText('embedded');
    await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  });

  test('a server error for config.json is shown, not taken for "no file"', async ({ page }) => {
    await serveConfig(page, (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
    );
    await holdClock(page);
    await page.goto('/');

    await expect(cantStart(page)).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('503');
  });
});
