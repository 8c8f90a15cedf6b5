// The console's theme: light, dark, or (by default) the system's preference,
// chosen by config.json standalone and by the `theme` attribute or option
// embedded; and a host page's own colours given through the --jc-* tokens,
// which win over both themes' defaults.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test, type Locator, type Page } from '@playwright/test';

import {
  LIVE,
  cell,
  confirmDialog,
  expectHomeLoaded,
  holdClock,
  homeRow,
  menuItem,
  openActionsMenu,
  openHome,
} from './support/console';
import { expectNoViolations as expectAxeClean } from './support/axe';
import { backgroundBehind, expectScheme, rgb, serveConfig } from './support/theme';

const HOST = 'http://127.0.0.1:4175';

test('the stylesheet takes every colour and size from its tokens, and never sets one', () => {
  const css = readFileSync(path.join(__dirname, '..', '..', 'style', 'console.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  // The first `.journey-console { … }` block reads the tokens and holds their defaults.
  const tokens = css.match(/^\.journey-console \{\n[\s\S]*?^\}/m);
  expect(tokens, 'the token block').not.toBeNull();
  expect(tokens![0]).toContain('var(--jc-color-surface, light-dark(');
  const rules = css.replace(tokens![0], '');
  const literals = rules.match(/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|light-dark)\(|(?<![\w-])(white|black)(?![\w-])/gi) ?? [];
  expect(literals, 'colours outside the token block').toEqual([]);
  // Lengths: only the visually-hidden pattern's 1px, and the window's size.
  const lengths = (rules.match(/-?[\d.]+(px|r?em|vh|vw)\b/g) ?? [])
    .filter((length) => !['1px', '-1px', '100vh', '100vw'].includes(length));
  expect(lengths, 'lengths outside the token block').toEqual([]);
  // A --jc-* property set by the console would beat the host's inherited one.
  expect(css.match(/--jc-[\w-]+\s*:/g) ?? [], 'the console sets a --jc-* property').toEqual([]);
});

test.describe('standalone', () => {
  test('by default the theme follows the system preference, and changes with it at once', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openHome(page);
    await expectScheme(page, 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectScheme(page, 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectScheme(page, 'light');
  });

  test('config.json "theme": "dark" wins over a light preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await serveConfig(page, { backend: 'embedded', theme: 'dark' });
    await openHome(page);
    await expectScheme(page, 'dark');
  });

  test('config.json "theme": "light" wins over a dark preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await serveConfig(page, { backend: 'embedded', theme: 'light' });
    await openHome(page);
    await expectScheme(page, 'light');
  });

  test('an unknown theme in config.json is refused with the ones allowed', async ({ page }) => {
    await serveConfig(page, { backend: 'embedded', theme: 'blue' });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: "Journey Console can't start" })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(
      'config.json: theme is "blue"; it must be "light", "dark" or "auto"',
    );
  });
});

/// Every Content-Security-Policy violation caused by the page's own files,
/// from before its first script runs. (axe-core, which the test injects with
/// no file of its own, adds a style element the policy refuses.)
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      if (event.sourceFile === '') return;
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('embedded', () => {
  test("a host's --jc-* tokens colour the console over both themes' defaults, AA throughout, under a strict CSP", async ({ page }) => {
    const cspViolations = await recordCspViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await holdClock(page);
    const response = await page.goto(`${HOST}/dark/`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await expectHomeLoaded(page);

    /// The value the host's stylesheet (tests/embedding/dark.css) gives a token.
    const host = page.locator('journey-console');
    const token = (name: string) =>
      host.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name).trim(), name);
    const tokenRgb = async (name: string) => rgb(await token(name));

    const heading = page.getByRole('heading', { level: 1, name: 'Journeys' });
    const row = homeRow(page, LIVE.cart.name, 1);
    const badge = cell(row, 'Status').getByText('Live', { exact: true });
    const reset = page.getByRole('button', { name: 'Reset demo data' });

    async function expectHostColours(scheme: string): Promise<void> {
      const where = `under a ${scheme} system preference`;
      await expect(heading, where).toHaveCSS('color', await tokenRgb('--jc-color-text'));
      await expect(heading, where).toHaveCSS('font-family', await token('--jc-font-family'));
      expect(await backgroundBehind(heading), where).toBe(await tokenRgb('--jc-color-surface'));
      await expect(page.getByRole('banner'), where).toHaveCSS('background-color', await tokenRgb('--jc-color-surface-subtle'));
      await expect(row.getByRole('link', { name: LIVE.cart.name }), where).toHaveCSS('color', await tokenRgb('--jc-color-accent'));
      await expect(badge, where).toHaveCSS('color', await tokenRgb('--jc-color-status-live-text'));
      await expect(badge, where).toHaveCSS('background-color', await tokenRgb('--jc-color-status-live-surface'));
      await expect(reset, where).toHaveCSS('border-top-color', await tokenRgb('--jc-color-border'));
      await expect(reset, where).toHaveCSS('border-top-left-radius', await token('--jc-radius'));
    }

    // The host's tokens beat the light defaults, and then the dark ones.
    await expectHostColours('light');
    await expectAxeClean(page, 'Home in the host\'s colours');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectHostColours('dark');

    // The focus ring is the host's too (a text field shows it on any focus).
    const search = page.getByRole('searchbox', { name: 'Search journeys' });
    await search.focus();
    await expect(search).toHaveCSS('outline-color', await tokenRgb('--jc-color-focus'));

    // A journey's page, its menu and its Stop dialog.
    await row.getByRole('link', { name: LIVE.cart.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: LIVE.cart.name })).toBeVisible();
    await openActionsMenu(page);
    await expect(menuItem(page, 'Delete')).toHaveAttribute('aria-disabled', 'true');
    await expect(menuItem(page, 'Delete').getByText('Delete', { exact: true }))
      .toHaveCSS('color', await tokenRgb('--jc-color-text-muted'));
    await expectAxeClean(page, 'the Actions menu in the host\'s colours');
    await menuItem(page, 'Stop').click();
    const dialog = confirmDialog(page, 'Stop');
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveCSS('background-color', await tokenRgb('--jc-color-surface'));
    const stop = dialog.getByRole('button', { name: 'Stop', exact: true });
    await expect(stop).toHaveCSS('background-color', await tokenRgb('--jc-color-danger'));
    await expect(stop).toHaveCSS('color', await tokenRgb('--jc-color-on-danger'));
    await expectAxeClean(page, 'the Stop dialog in the host\'s colours');

    expect(await cspViolations()).toEqual([]);
  });

  /// Places <journey-console> in the plain host page, with `attributes`.
  async function placeElement(page: Page, attributes: Record<string, string>): Promise<void> {
    await page.goto(`${HOST}/campaigns`);
    await page.evaluate((attributes) => {
      const element = document.createElement('journey-console');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.getElementById('host-outlet')!.replaceChildren(element);
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    }, attributes);
    await expectHomeLoaded(page);
  }

  function setTheme(element: Locator, theme: string | null): Promise<void> {
    return element.evaluate((element, theme) => {
      if (theme === null) element.removeAttribute('theme');
      else element.setAttribute('theme', theme);
    }, theme);
  }

  test('the theme attribute wins over the system preference, and a change switches at once', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await placeElement(page, { 'base-path': '/campaigns', theme: 'light' });
    const element = page.locator('journey-console');
    await expectScheme(page, 'light');

    await setTheme(element, 'dark');
    await expectScheme(page, 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectScheme(page, 'dark');

    // Without the attribute (auto), the system preference again.
    await setTheme(element, null);
    await expectScheme(page, 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectScheme(page, 'dark');
    await setTheme(element, 'light');
    await expectScheme(page, 'light');

    // All without a reload or a new console.
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toHaveCount(1);
  });

  test("mountJourneyConsole's theme option, the handle's setTheme, and a theme that is not one", async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${HOST}/campaigns`);
    await page.evaluate(async () => {
      const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
      const element = document.createElement('div');
      document.getElementById('host-outlet')!.replaceChildren(element);
      (window as unknown as { handle: unknown }).handle = await mountJourneyConsole(element, {
        basePath: '/campaigns',
        theme: 'light',
      });
    });
    await expectHomeLoaded(page);
    await expectScheme(page, 'light');

    const setTheme = (theme: string | undefined) =>
      page.evaluate((theme) => {
        try {
          (window as unknown as { handle: { setTheme(t?: string): void } }).handle.setTheme(theme);
          return 'set';
        } catch (error) {
          return String(error);
        }
      }, theme);
    expect(await setTheme('dark')).toBe('set');
    await expectScheme(page, 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectScheme(page, 'dark');
    expect(await setTheme(undefined)).toBe('set');
    await expectScheme(page, 'light');

    const choices = 'theme is "blue"; it must be "light", "dark" or "auto"';
    expect(await setTheme('blue')).toContain(`Journey Console: options: ${choices}`);
    await expectScheme(page, 'light');
    const refused = await page.evaluate(async () => {
      const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
      try {
        await mountJourneyConsole(document.createElement('div'), { theme: 'blue' });
        return 'mounted';
      } catch (error) {
        return String(error);
      }
    });
    expect(refused).toContain(`Journey Console: options: ${choices}`);
  });
});
