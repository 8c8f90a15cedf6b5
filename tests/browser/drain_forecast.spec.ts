// How long finishing takes: the Finish dialog, a finishing journey's Home row
// and its detail view say when the last customer is expected out, from the
// departures the console has seen, and the latest possible end (the finishing
// timeout, 30 days after the finish). Before enough was seen they say so
// rather than guess.

import { expect, test, type Page } from '@playwright/test';

import { expectNoViolations } from './support/axe';
import {
  clickQuickAction,
  LIVE,
  NOW,
  cell,
  confirmButton,
  confirmDialog,
  definitionOf,
  homeRow,
  openHome,
} from './support/console';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

/// Finishes a live demo journey from its Home row at the held time (NOW).
async function finishFromHome(page: Page, name: string) {
  const row = homeRow(page, name, 1);
  await row.hover();
  await clickQuickAction(row, 'Finish', name);
  const dialog = confirmDialog(page, 'Finish');
  await confirmButton(dialog, 'Finish').click();
  await expect(dialog).toBeHidden();
}

/// Minutes the held clock has moved past NOW, per page.
const passed = new WeakMap<Page, number>();

/// Moves the held clock on a minute at a time (the demo refreshes every
/// second) until `check` holds: customers leave the finishing journey as the
/// simulated time passes, and each refresh notes how many are left.
async function letMinutesPassUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    const minutes = (passed.get(page) ?? 0) + 1;
    passed.set(page, minutes);
    await page.clock.setFixedTime(new Date(NOW.getTime() + minutes * 60_000));
    await check();
  }).toPass({ timeout: 60_000 });
}

test('the Finish dialog says there is not enough data yet rather than guess', async ({ page }) => {
  await openHome(page);
  const { name } = LIVE.backInStock;
  const row = homeRow(page, name, 1);
  await row.hover();
  await clickQuickAction(row, 'Finish', name);
  const dialog = confirmDialog(page, 'Finish');
  // Finished now, the timeout ends it 30 days later at the latest.
  await expect(
    dialog.getByText('Last customer out: not enough data yet; by Dec 25, 2026, 12:00 PM at the latest.', {
      exact: true,
    }),
  ).toBeVisible();
  await confirmButton(dialog, 'Cancel').click();
});

test('a finishing journey says when its last customer is expected out', async ({ page }) => {
  await openHome(page);
  const { name } = LIVE.cart;
  await finishFromHome(page, name);
  const status = cell(homeRow(page, name, 1), 'Status');
  await expect(status).toHaveText(/^Finishing · [\d,]+ leftby Dec 25; estimate pending$/);

  await letMinutesPassUntil(page, async () => {
    await expect(status).toHaveText(
      /^Finishing · [\d,]+ leftabout \d+ (minutes|hours|days) left, by Dec 25$/,
      { timeout: 1_500 },
    );
  });
  await expectNoViolations(page, 'Home with a drain forecast');

  await homeRow(page, name, 1).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  await expect(definitionOf(page, 'Lifecycle', 'Last customer out')).toHaveText(
    /^about \d+ (minutes|hours|days); by Dec 25, 2026, 12:00 PM at the latest$/,
  );

  // The live journey beside it was watched too: its Finish dialog estimates.
  await page.goBack();
  const other = LIVE.backInStock.name;
  const row = homeRow(page, other, 1);
  await row.hover();
  await clickQuickAction(row, 'Finish', other);
  const dialog = confirmDialog(page, 'Finish');
  const estimate = dialog.getByText(
    /^Last customer out: about \d+ (minutes|hours|days); by Dec 2\d, 2026, \d+:\d\d (AM|PM) at the latest\.$/,
  );
  await letMinutesPassUntil(page, async () => {
    await expect(estimate).toBeVisible({ timeout: 1_500 });
  });
  await expectNoViolations(page, 'Finish dialog with a drain forecast');
});
