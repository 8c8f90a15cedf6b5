// axe-core finds no accessibility violations on the console's screens, with
// the menu open and with each confirmation dialog open, in the light and the
// dark theme (contrast included).

import { expect, test, type Page } from '@playwright/test';

import {
  clickQuickAction,
  LIVE,
  actionsMenu,
  confirmDialog,
  expectDrawn,
  holdClock,
  homeRow,
  menuItem,
  openActionsMenu,
  openHome,
  openJourney,
  quickAction,
} from './support/console';
import { expectNoViolations as expectAxeClean } from './support/axe';
import { expectScheme, serveConfig, type Scheme } from './support/theme';

async function expectNoViolations(page: Page, scheme: Scheme, screen: string) {
  // Guards against checking the other theme.
  await expectScheme(page, scheme);
  await expectAxeClean(page, screen);
}

/// Each screen is checked in each theme: light (Playwright's default system
/// preference), dark from the system preference (the default theme, `auto`),
/// and dark chosen in config.json under a light preference.
const THEMES: ReadonlyArray<{ name: string; scheme: Scheme; configured: boolean; apply(page: Page): Promise<void> }> = [
  { name: 'light', scheme: 'light', configured: false, apply: async () => {} },
  {
    name: 'dark (system preference)',
    scheme: 'dark',
    configured: false,
    apply: (page) => page.emulateMedia({ colorScheme: 'dark' }),
  },
  {
    name: 'dark (config.json)',
    scheme: 'dark',
    configured: true,
    apply: async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await serveConfig(page, { backend: 'embedded', theme: 'dark' });
    },
  },
];

for (const theme of THEMES) {
  test.describe(`${theme.name} theme`, () => {
    test.beforeEach(async ({ page }) => theme.apply(page));

    test('Home', async ({ page }) => {
      await openHome(page);
      await expect(homeRow(page, LIVE.cart.name, 1)).toBeVisible();
      await expectNoViolations(page, theme.scheme, 'Home');
    });

    test('Home with a row hovered, showing its quick actions', async ({ page }) => {
      await openHome(page);
      const row = homeRow(page, LIVE.cart.name, 1);
      await row.hover();
      await expectDrawn(quickAction(row, 'Finish', LIVE.cart.name), true);
      await expectNoViolations(page, theme.scheme, 'Home with a row hovered');
    });

    test('journey detail view', async ({ page }) => {
      await openJourney(page, LIVE.cart.id, LIVE.cart.name);
      await expectNoViolations(page, theme.scheme, 'the detail view');
    });

    test('detail view of a stopped journey, with its stop reason', async ({ page }) => {
      await openJourney(page, 'win-back-v1', 'Win-back: lapsed customers');
      await expectNoViolations(page, theme.scheme, 'the detail view of a stopped journey');
    });

    test('Actions menu open', async ({ page }) => {
      await openJourney(page, LIVE.cart.id, LIVE.cart.name);
      await openActionsMenu(page);
      await expect(menuItem(page, 'Delete')).toHaveAttribute('aria-disabled', 'true');
      await expectNoViolations(page, theme.scheme, 'the detail view with the Actions menu open');
      await expect(actionsMenu(page)).toBeVisible();
    });

    for (const action of ['Finish', 'Stop'] as const) {
      test(`${action} dialog open from the detail view`, async ({ page }) => {
        await openJourney(page, LIVE.cart.id, LIVE.cart.name);
        await openActionsMenu(page);
        await menuItem(page, action).click();
        await expect(confirmDialog(page, action)).toBeVisible();
        await expectNoViolations(page, theme.scheme, `the ${action} dialog`);
        await expect(confirmDialog(page, action)).toBeVisible();
      });

      test(`${action} dialog open from Home`, async ({ page }) => {
        await openHome(page);
        const row = homeRow(page, LIVE.backInStock.name, 1);
        await row.hover();
        await clickQuickAction(row, action, LIVE.backInStock.name);
        await expect(confirmDialog(page, action)).toBeVisible();
        await expectNoViolations(page, theme.scheme, `the ${action} dialog on Home`);
      });
    }

    test('a toast after stopping', async ({ page }) => {
      await openJourney(page, LIVE.cart.id, LIVE.cart.name);
      await openActionsMenu(page);
      await menuItem(page, 'Stop').click();
      const dialog = confirmDialog(page, 'Stop');
      await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Dismiss message' })).toBeVisible();
      await expectNoViolations(page, theme.scheme, 'the detail view with a toast');
    });

    test('journey not found', async ({ page }) => {
      await holdClock(page);
      await page.goto('/journeys/no-such-journey');
      await expect(page.getByRole('heading', { level: 1, name: 'Journey not found' })).toBeVisible();
      await expectNoViolations(page, theme.scheme, '"Journey not found"');
    });

    // A broken config.json gives no theme: the system preference's is checked.
    if (!theme.configured) {
      test("the console can't start", async ({ page }) => {
        await page.route('**/config.json', (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: '{' }),
        );
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1, name: "Journey Console can't start" }))
          .toBeVisible();
        await expectNoViolations(page, theme.scheme, "the can't-start page");
      });
    }
  });
}
