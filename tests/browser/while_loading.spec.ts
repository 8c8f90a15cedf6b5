// While the console's code downloads (most of what the page loads; on a slow
// network, seconds), the page is not blank: it shows the console's header,
// which the console replaces with its own when it starts. Code that cannot
// be loaded is said in the console's place (web/boot.js).

import { expect, test } from '@playwright/test';

import { collectErrors, expectHomeLoaded, holdTheCode } from './support/console';

test('while its code loads the page shows the console, then the console takes its place', async ({ page }) => {
  const release = await holdTheCode(page);
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

test('code that cannot be loaded is said where the console would be, and the browser console has the error', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route('**/*_bg.wasm', (route) => route.abort('failed'));
  await page.goto('/', { waitUntil: 'commit' });

  const notice = page.getByRole('alert');
  await expect(notice).toHaveText(
    'Journey Console could not load its code. Reload the page to try again; the browser console has the details.',
  );
  await expect(page.getByRole('banner')).toHaveCount(0);
  // Not swallowed: the failure itself is still thrown, for whoever looks.
  await expect.poll(() => errors.filter((e) => e.startsWith('pageerror:')).length).toBeGreaterThan(0);
});
