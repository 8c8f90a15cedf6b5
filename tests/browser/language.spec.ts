// The console in the user's language: German from the browser's languages,
// every flow by role and name in German, numbers written the German way, a
// switch of language without a reload, and the host's `locale` option.

import { expect, test, type Page } from '@playwright/test';

import { expectNoViolations } from './support/axe';
import { LIVE, escapeRegExp, holdClock } from './support/console';
import { expectScheme } from './support/theme';

/// Home in German, loaded.
async function openGermanHome(page: Page) {
  await holdClock(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
  await expect(germanListCount(page)).toHaveText(/^\d+ von \d+ Journey-Versionen werden angezeigt$/);
}

function germanListCount(page: Page) {
  return page.getByRole('status').filter({ hasText: /Journey-Versionen|werden geladen/ });
}

function row(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Journeys' })
    .getByRole('row', { name: new RegExp(`^${escapeRegExp(name)} 1 `) });
}

/// A Home cell by its German column header.
async function cellUnder(page: Page, name: string, column: string) {
  const headers = await page.getByRole('table', { name: 'Journeys' }).getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === column);
  expect(index, `no column ${column} in ${headers}`).toBeGreaterThan(0);
  return row(page, name).getByRole('cell').nth(index - 1);
}

test.describe('in German, from the browser\'s language', () => {
  test.use({ locale: 'de-DE' });

  test('Beenden from a Home row\'s quick action, with German numbers and words', async ({ page }) => {
    await openGermanHome(page);
    await expect(page.getByRole('searchbox', { name: 'Journeys suchen' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('all');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    // Counts are grouped the German way: 12.345, never 12,345.
    const entered = await cellUnder(page, LIVE.cart.name, 'Eingetreten');
    await expect(entered).toHaveText(/^\d{1,3}(\.\d{3})+$/);
    await expect(await cellUnder(page, LIVE.cart.name, 'Status')).toHaveText('Live');

    const cart = row(page, LIVE.cart.name);
    await cart.hover();
    await cart.getByRole('button', { name: `Beenden ${LIVE.cart.name}, Version 1`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Journey beenden?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Neue Kunden können diese Journey nicht mehr betreten.');
    await expect(dialog).toContainText('Dies ist der empfohlene Weg, eine Journey zu beenden.');
    await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Beenden', exact: true }).click();
    await expect(dialog).toBeHidden();

    await expect(
      page.getByRole('status').getByRole('paragraph').filter({
        hasText: new RegExp(`^„${escapeRegExp(LIVE.cart.name)}“ Version 1 ist beendet: Neue Kunden können nicht mehr eintreten`),
      }),
    ).toBeVisible();
    await expect(await cellUnder(page, LIVE.cart.name, 'Status')).toHaveText(/^Wird beendet · [\d.]+ übrig(noch |bis |$)|^Beendet$/);
    await expectNoViolations(page, 'Home in German after Beenden');
  });

  test('Stoppen from the detail view\'s Aktionen menu; refused items say why in German', async ({ page }) => {
    await holdClock(page);
    await page.goto(`/journeys/${LIVE.backInStock.id}`);
    await expect(page.getByRole('heading', { level: 1, name: LIVE.backInStock.name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Kunden' })).toBeVisible();

    await page.getByRole('button', { name: 'Aktionen', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'Journey-Aktionen' });
    await expect(menu).toBeVisible();
    // A refused item's name is its label and then the reason written under it.
    await expect(menu.getByRole('menuitem', { name: /^Löschen / })).toHaveAccessibleName(
      'Löschen Eine Live-Journey kann nicht gelöscht werden; löschen lässt sich nur ein Entwurf. Soll sie nicht mehr laufen, beenden Sie sie, damit die Kunden darin ihren Pfad abschließen, oder stoppen Sie sie im Notfall.',
    );
    await expectNoViolations(page, 'the Aktionen menu in German');
    await menu.getByRole('menuitem', { name: /^Stoppen$/ }).click();

    const dialog = page.getByRole('dialog', { name: 'Journey stoppen?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Grund (optional)' }).fill('Falscher Gutscheincode');
    await expectNoViolations(page, 'the Stoppen dialog in German');
    await dialog.getByRole('button', { name: 'Stoppen', exact: true }).click();
    await expect(dialog).toBeHidden();

    // The line under the journey's name: its version and status badge.
    await expect(
      page.getByRole('article').getByRole('paragraph').filter({ hasText: /^Version 1 / }),
    ).toHaveText('Version 1 Gestoppt');
    const lifecycle = page.getByRole('region', { name: 'Lebenszyklus' });
    await expect(lifecycle).toContainText('Grund für den Stopp');
    await expect(lifecycle).toContainText('Falscher Gutscheincode');
    const history = page.getByRole('table', { name: 'Verlauf' });
    await expect(history.getByRole('row').nth(1)).toContainText('Live → Gestoppt');

    await page.getByRole('button', { name: 'Aktionen', exact: true }).click();
    await expect(menu.getByRole('menuitem', { name: /^Fortsetzen … / })).toHaveAccessibleName(
      'Fortsetzen … Eine gestoppte Journey kann nicht fortgesetzt werden. Um sie erneut auszuführen, duplizieren Sie sie, oder machen Sie mit der neuesten Version der Journey weiter.',
    );
  });

  test('switching to English redraws every word at once, without a reload, and is remembered', async ({ page }) => {
    await openGermanHome(page);
    // A reload would lose this.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ journey versions$/ })).toBeVisible();
    const cart = row(page, LIVE.cart.name);
    await cart.hover();
    await expect(cart.getByRole('button', { name: `Finish ${LIVE.cart.name}, version 1`, exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeVisible();
  });
});

test.describe('a language the console does not speak', () => {
  test.use({ locale: 'ja-JP' });

  test('falls back to English', async ({ page }) => {
    await holdClock(page);
    await page.goto('/');
    await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  });
});

test.describe('in German and the dark theme', () => {
  test.use({ locale: 'de-DE', colorScheme: 'dark' });

  test('axe finds nothing on Home, the open menu and the Beenden dialog', async ({ page }) => {
    await openGermanHome(page);
    await expectScheme(page, 'dark');
    await expectNoViolations(page, 'Home in German, dark');

    await page.goto(`/journeys/${LIVE.cart.id}`);
    await page.getByRole('button', { name: 'Aktionen', exact: true }).click();
    await expect(page.getByRole('menu', { name: 'Journey-Aktionen' })).toBeVisible();
    await expectNoViolations(page, 'the Aktionen menu in German, dark');
    await page.getByRole('menuitem', { name: /^Beenden$/ }).click();
    await expect(page.getByRole('dialog', { name: 'Journey beenden?' })).toBeVisible();
    await expectNoViolations(page, 'the Beenden dialog in German, dark');
  });
});

test.describe('the history in German', () => {
  test.use({ locale: 'de-DE' });

  test('what the rules recorded is said in German; what a person typed is shown as typed', async ({ page }) => {
    await holdClock(page);
    // Version 1 of the birthday offer was finished when version 2 was published.
    await page.goto('/journeys/birthday-offer-v1');
    const history = page.getByRole('table', { name: 'Verlauf' });
    await expect(history.getByRole('row').filter({ hasText: 'Ersetzt durch Version 2' })).toHaveCount(1);
    await expect(history).not.toContainText('Replaced by');

    // A stopped version's reason is the words someone typed.
    await page.goto('/journeys/win-back-v1');
    const stopped = page.getByRole('table', { name: 'Verlauf' }).getByRole('row').filter({ hasText: 'Live → Gestoppt' });
    await expect(stopped).toHaveCount(1);
    await expect(stopped.getByRole('cell').nth(4)).toHaveText(
      'Wrong audience: the segment also included customers who bought last week.',
    );
  });
});
