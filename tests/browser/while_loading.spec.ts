// While the console's code downloads (most of what the page loads; on a slow
// network, seconds), the page is not blank: it shows the console's header,
// which the console replaces with its own when it starts.

import { expect, test } from '@playwright/test';

import { expectHomeLoaded } from './support/console';

test('while its code loads the page shows the console, then the console takes its place', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  // Only until the page has arrived: the held code keeps the page loading.
  await page.goto('/', { waitUntil: 'commit' });

  const header = page.getByRole('banner');
  await expect(header).toHaveText('Journey Console');
  await expect(header).toBeVisible();
  // Not yet the console itself: its header links to Home.
  await expect(page.getByRole('link', { name: 'Journey Console' })).toHaveCount(0);

  release();
  await expectHomeLoaded(page);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Journey Console', exact: true })).toBeVisible();
});
