// The README's screenshots, taken from the running console on the demo data at
// a fixed moment, so that retaking them changes the images only when the
// console's looks change.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import {
  LIVE,
  confirmDialog,
  holdClock,
  homeRow,
  inJourneyNow,
  menuItem,
  openActionsMenu,
  openHome,
  openJourney,
  reasonField,
} from './support/console';
import { expectScheme } from './support/theme';

const VIEWPORT = { width: 1280, height: 800 };
const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

test.use({ viewport: VIEWPORT, timezoneId: 'UTC', locale: 'en-US', colorScheme: 'light' });

/// Width and height from a PNG's header.
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Home', async ({ page }) => {
  await openHome(page);
  await page.mouse.move(0, 0);
  await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();
  await expect(homeRow(page, 'Birthday offer', 1)).toContainText('Finishing');

  const file = path.join(SCREENSHOTS, 'home.png');
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual(VIEWPORT);
});

test('Home in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openHome(page);
  await page.mouse.move(0, 0);
  await expect(homeRow(page, 'Welcome series', 2)).toBeVisible();
  await expectScheme(page, 'dark');

  const file = path.join(SCREENSHOTS, 'home-dark.png');
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual(VIEWPORT);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the Stoppen dialog', async ({ page }) => {
    const { id, name } = LIVE.cart;
    await holdClock(page);
    await page.goto(`/journeys/${id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('button', { name: 'Aktionen', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Stoppen$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Journey stoppen?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Grund (optional)' }).fill('Falscher Gutscheincode');

    const file = path.join(SCREENSHOTS, 'stop-dialog-de.png');
    await page.screenshot({ path: file });
    expect(pngSize(file)).toEqual(VIEWPORT);
  });
});

test('Stop dialog', async ({ page }) => {
  const { id, name } = LIVE.cart;
  await openJourney(page, id, name);
  await openActionsMenu(page);
  await menuItem(page, 'Stop').click();
  const dialog = confirmDialog(page, 'Stop');
  await expect(dialog).toBeVisible();
  await expect(inJourneyNow(dialog)).toHaveText(/^Customers in the journey now: [\d,]+$/);
  await reasonField(dialog).fill('The discount code in the message has expired.');
  await page.mouse.move(0, 0);

  const file = path.join(SCREENSHOTS, 'stop-dialog.png');
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual(VIEWPORT);
});

test('Home with a paused journey', async ({ page }) => {
  const { id, name } = LIVE.cart;
  await openJourney(page, id, name);
  await openActionsMenu(page);
  await menuItem(page, 'Pause…').click();
  const dialog = page.getByRole('dialog', { name: 'Pause journey?' });
  await dialog.getByRole('spinbutton', { name: 'Pause for (days)' }).fill('3');
  await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Home' }).click();
  const row = homeRow(page, name, 1);
  await expect(row).toContainText('Paused · resumes in 3 days');
  // The toast of the pause, and the row's quick actions, on screen.
  await row.hover();

  const file = path.join(SCREENSHOTS, 'paused-journey.png');
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual(VIEWPORT);
});

test('Bulk confirmation', async ({ page }) => {
  await openHome(page);
  for (const [name, version] of [
    [LIVE.cart.name, 1],
    [LIVE.backInStock.name, 1],
    ['Welcome series', 2],
    ['Welcome series', 3],
    ['Win-back: lapsed customers', 1],
  ] as const) {
    await page.getByRole('checkbox', { name: `Select ${name}, version ${version}`, exact: true }).click();
  }
  await page.getByRole('group', { name: 'Selection' }).getByRole('button', { name: 'Finish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Finish 3 journey versions?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'These 3 versions will be finished:' }).getByRole('listitem')).toHaveCount(3);
  await expect(dialog.getByRole('list', { name: /will not be finished/ }).getByRole('listitem')).toHaveCount(2);
  await page.mouse.move(0, 0);

  const file = path.join(SCREENSHOTS, 'bulk-confirmation.png');
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual(VIEWPORT);
});
