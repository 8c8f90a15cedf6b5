// Terminating a live journey, following the product's two procedures for each
// of Finish and Stop: the quick action on a hovered Home row, and the detail
// view's Actions menu (the down arrow at the top right).

import { expect, test, type Page } from '@playwright/test';

import {
  clickQuickAction,
  FINISHING_STATUS,
  LIVE,
  actionsButton,
  actionsMenu,
  cell,
  collectErrors,
  confirmButton,
  confirmDialog,
  definitionOf,
  escapeRegExp,
  expectDrawn,
  expectHomeLoaded,
  historyRows,
  homeRow,
  inJourneyNow,
  menuItem,
  openActionsMenu,
  openHome,
  openJourney,
  parseCount,
  quickAction,
  reasonField,
  toast,
  versionLine,
} from './support/console';

type Ending = {
  action: 'Finish' | 'Stop';
  journey: { name: string; id: string };
  /** The status shown once done, given the customers in the journey before. */
  statusAfter: (inJourney: string) => string;
  /** The customers left in the journey once done. */
  inJourneyAfter: (inJourney: string) => string;
  /** The past participle in messages ("is finished"). */
  done: 'finished' | 'stopped';
  toastText: (name: string) => RegExp;
  /** Status change recorded in the history. */
  change: string;
  /** Why Resume, Restart and Delete are refused afterwards. */
  refusals: { Resume: string; Restart: string; Delete: string };
};

const ENDINGS: Ending[] = [
  {
    action: 'Finish',
    journey: LIVE.cart,
    // The customers already in it continue to the end of their path.
    statusAfter: (inJourney) => `Finishing · ${inJourney} left`,
    inJourneyAfter: (inJourney) => inJourney,
    done: 'finished',
    toastText: (name) =>
      new RegExp(
        `^“${escapeRegExp(name)}” version 1 is finished: no new customers can enter; the [\\d,]+ in it continue to the end\\.`,
      ),
    change: 'Live → Finished',
    refusals: {
      Resume: 'A finished journey cannot be resumed. To run it again, duplicate it, or continue the journey from its newest version.',
      Restart: 'A finished journey cannot be restarted. To run it again, duplicate it, or continue the journey from its newest version.',
      Delete:
        'A finished journey cannot be deleted; it stays in the list with its results. To run it again, duplicate it, or continue the journey from its newest version.',
    },
  },
  {
    action: 'Stop',
    journey: LIVE.backInStock,
    // Everyone in it is stopped at once.
    statusAfter: () => 'Stopped',
    inJourneyAfter: () => '0',
    done: 'stopped',
    toastText: (name) =>
      new RegExp(`^“${escapeRegExp(name)}” version 1 is stopped: everyone in it was stopped\\.`),
    change: 'Live → Stopped',
    refusals: {
      Resume: 'A stopped journey cannot be resumed. To run it again, duplicate it, or continue the journey from its newest version.',
      Restart: 'A stopped journey cannot be restarted. To run it again, duplicate it, or continue the journey from its newest version.',
      Delete:
        'A stopped journey cannot be deleted; it stays in the list with its results. To run it again, duplicate it, or continue the journey from its newest version.',
    },
  },
];

/// Finish or Stop through the detail view's menu, confirmed.
async function endFromDetailView(page: Page, ending: Ending, reason?: string) {
  await openActionsMenu(page);
  await menuItem(page, ending.action).click();
  const dialog = confirmDialog(page, ending.action);
  await expect(dialog).toBeVisible();
  if (reason !== undefined) await reasonField(dialog).fill(reason);
  await confirmButton(dialog, ending.action).click();
  await expect(dialog).toBeHidden();
  await expect(versionLine(page)).toHaveText(
    ending.done === 'finished' ? /^Version 1 Finishing · [\d,]+ left$/ : 'Version 1 Stopped',
  );
}

/// Finish or Stop through the quick action of the journey's Home row, confirmed.
async function endFromHome(page: Page, ending: Ending) {
  const { name } = ending.journey;
  const row = homeRow(page, name, 1);
  await row.hover();
  await clickQuickAction(row, ending.action, name);
  const dialog = confirmDialog(page, ending.action);
  await confirmButton(dialog, ending.action).click();
  await expect(dialog).toBeHidden();
}

/// The Status cell of a Home row after the ending: a finishing row goes on
/// with when its last customer is expected out (see drain_forecast.spec.ts).
function homeStatusAfter(ending: Ending, inJourney: string): RegExp {
  return new RegExp(`^${escapeRegExp(ending.statusAfter(inJourney))}(about |by |until |$)`);
}

function noToast(page: Page) {
  return page.getByRole('button', { name: 'Dismiss message' });
}

for (const ending of ENDINGS) {
  const { action, journey } = ending;
  const { name } = journey;

  test.describe(action, () => {
    test(`${action} from the quick action of a hovered Home row`, async ({ page }) => {
      await openHome(page);
      const row = homeRow(page, name, 1);
      await expect(cell(row, 'Status')).toHaveText('Live');
      const inJourney = (await cell(row, 'In journey').textContent()) ?? '';
      expect(parseCount(inJourney), 'a live demo journey has customers in it').toBeGreaterThan(0);

      // The quick action shows only while the row is under the pointer.
      const button = quickAction(row, action, name);
      await page.mouse.move(0, 0);
      await expectDrawn(button, false);
      await row.hover();
      await expectDrawn(button, true);
      await button.click();

      const dialog = confirmDialog(page, action);
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('heading', { name: `${action} journey?` })).toBeVisible();
      await expect(dialog).toContainText(`${name} · version 1`);
      await expect(inJourneyNow(dialog)).toHaveText(`Customers in the journey now: ${inJourney}`);
      await expect(confirmButton(dialog, 'Cancel')).toBeVisible();

      await confirmButton(dialog, action).click();

      await expect(dialog).toBeHidden();
      await expect(cell(row, 'Status')).toHaveText(homeStatusAfter(ending, inJourney));
      await expect(cell(row, 'In journey')).toHaveText(ending.inJourneyAfter(inJourney));
      await expect(toast(page, ending.toastText(name))).toBeVisible();
      // Only what the rules still allow is offered: a finishing journey can be
      // stopped in an emergency; a stopped one has nothing left to end.
      await row.hover();
      await expect(quickAction(row, 'Finish', name)).toHaveCount(0);
      await expect(quickAction(row, 'Stop', name)).toHaveCount(action === 'Finish' ? 1 : 0);
    });

    test(`${action} from the detail view's Actions menu`, async ({ page }) => {
      await openHome(page);
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(`/journeys/${journey.id}`);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(versionLine(page)).toHaveText('Version 1 Live');
      const inJourney = (await definitionOf(page, 'Customers', 'In journey').textContent()) ?? '';
      expect(parseCount(inJourney)).toBeGreaterThan(0);

      const menu = await openActionsMenu(page);
      await menuItem(page, action).click();
      await expect(menu).toBeHidden();

      const dialog = confirmDialog(page, action);
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(`${name} · version 1`);
      await expect(inJourneyNow(dialog)).toHaveText(`Customers in the journey now: ${inJourney}`);
      await confirmButton(dialog, action).click();

      await expect(dialog).toBeHidden();
      await expect(versionLine(page)).toHaveText(`Version 1 ${ending.statusAfter(inJourney)}`);
      await expect(definitionOf(page, 'Customers', 'In journey')).toHaveText(
        ending.inJourneyAfter(inJourney),
      );
      await expect(toast(page, ending.toastText(name))).toBeVisible();
      await expect(actionsButton(page), 'focus returns to the menu button').toBeFocused();
      // The toast sits over the menu's last items; dismiss it as a person would.
      await page.getByRole('button', { name: 'Dismiss message' }).click();
      await expect(toast(page, ending.toastText(name))).toHaveCount(0);
      await expect(
        definitionOf(page, 'Lifecycle', action === 'Finish' ? 'Finished' : 'Stopped'),
      ).toHaveText(/^now .* by You$/);
      const latest = historyRows(page).first();
      await expect(latest.getByRole('cell').nth(1)).toHaveText(action);
      await expect(latest.getByRole('cell').nth(2)).toHaveText(ending.change);
      await expect(latest.getByRole('cell').nth(3)).toHaveText('You');

      // An ended journey can't be brought back or deleted; the menu says why.
      await openActionsMenu(page);
      for (const refused of ['Resume', 'Restart', 'Delete'] as const) {
        // Resume opens a dialog of its own: "Resume…".
        const label = refused === 'Resume' ? 'Resume…' : refused;
        const item = menuItem(page, label);
        await expect(item).toHaveAttribute('aria-disabled', 'true');
        // Read out with its label: the name holds all the item's visible text.
        await expect(item).toHaveAccessibleName(`${label} ${ending.refusals[refused]}`);
        await expect(item.getByText(ending.refusals[refused], { exact: true })).toBeVisible();
      }
      await expect(menuItem(page, 'Publish')).toHaveAttribute('aria-disabled', 'true');
      await expect(menuItem(page, 'Finish')).toHaveAttribute('aria-disabled', 'true');
      for (const allowed of ['Create new version', 'Duplicate']) {
        await expect(menuItem(page, allowed)).not.toHaveAttribute('aria-disabled');
      }
      // Clicking a refused item (Playwright would wait for it to be enabled,
      // a person just clicks) does nothing but keep explaining.
      await menuItem(page, 'Resume…').click({ force: true });
      await menuItem(page, 'Delete').click({ force: true });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(actionsMenu(page)).toBeVisible();
      await expect(versionLine(page)).toHaveText(`Version 1 ${ending.statusAfter(inJourney)}`);
    });

    test(`a ${ending.done} journey gets a new version`, async ({ page }) => {
      await openJourney(page, journey.id, name);
      await endFromDetailView(page, ending);

      await openActionsMenu(page);
      await menuItem(page, 'Create new version').click();

      await expect(page).not.toHaveURL(`/journeys/${journey.id}`);
      await expect(page).toHaveURL(/\/journeys\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
      await expect(versionLine(page)).toHaveText('Version 2 Draft');
      await expect(toast(page, `“${name}” version 2 was created as a draft.`)).toBeVisible();

      const versions = page.getByRole('region', { name: 'Versions of this journey' });
      await expect(versions.getByRole('listitem')).toHaveCount(2);
      await expect(versions.getByRole('listitem').nth(0)).toHaveText(
        new RegExp(`^Version 1 ${ending.done === 'finished' ? 'Finishing' : 'Stopped'}`),
      );
      await expect(versions.getByRole('listitem').nth(1)).toHaveText('Version 2 Draft');
      await expect(versions.getByRole('link', { name: 'Version 2' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(versions.getByRole('link', { name: 'Version 1' })).toHaveAttribute(
        'href',
        `/journeys/${journey.id}`,
      );
      const created = historyRows(page).first();
      await expect(created.getByRole('cell').nth(1)).toHaveText('Create new version');
      await expect(created.getByRole('cell').nth(4)).toHaveText('Created from version 1');

      await page.getByRole('link', { name: 'Home', exact: true }).click();
      await expectHomeLoaded(page);
      await expect(cell(homeRow(page, name, 2), 'Status')).toHaveText('Draft');
      await expect(cell(homeRow(page, name, 1), 'Status')).toHaveText(
        new RegExp(`^${ending.done === 'finished' ? 'Finishing' : 'Stopped'}`),
      );
    });

    test(`a ${ending.done} journey can be duplicated`, async ({ page }) => {
      await openJourney(page, journey.id, name);
      await endFromDetailView(page, ending);

      await openActionsMenu(page);
      await menuItem(page, 'Duplicate').click();

      const copy = `${name} (copy)`;
      await expect(page.getByRole('heading', { level: 1, name: copy, exact: true })).toBeVisible();
      await expect(page).not.toHaveURL(`/journeys/${journey.id}`);
      await expect(versionLine(page)).toHaveText('Version 1 Draft');
      await expect(toast(page, `“${copy}” version 1 was created as a draft.`)).toBeVisible();
      const versions = page.getByRole('region', { name: 'Versions of this journey' });
      await expect(versions.getByRole('listitem')).toHaveCount(1);
      await expect(historyRows(page).first().getByRole('cell').nth(4)).toHaveText(
        `Duplicated from "${name}", version 1`,
      );

      await page.getByRole('link', { name: 'Home', exact: true }).click();
      await expectHomeLoaded(page);
      await expect(cell(homeRow(page, copy, 1), 'Status')).toHaveText('Draft');
      await expect(cell(homeRow(page, name, 1), 'Status')).toHaveText(
        new RegExp(`^${ending.done === 'finished' ? 'Finishing' : 'Stopped'}`),
      );
    });

    test(`a ${ending.done} journey stays ${ending.done} after a reload`, async ({ page }) => {
      await openHome(page);
      const row = homeRow(page, name, 1);
      const inJourney = (await cell(row, 'In journey').textContent()) ?? '';
      await endFromHome(page, ending);
      await expect(cell(row, 'Status')).toHaveText(homeStatusAfter(ending, inJourney));

      await page.reload();
      await expectHomeLoaded(page);
      await expect(cell(row, 'Status')).toHaveText(homeStatusAfter(ending, inJourney));

      await row.getByRole('link', { name, exact: true }).click();
      await expect(versionLine(page)).toHaveText(`Version 1 ${ending.statusAfter(inJourney)}`);
      await page.reload();
      await expect(versionLine(page)).toHaveText(`Version 1 ${ending.statusAfter(inJourney)}`);
      await expect(historyRows(page).first().getByRole('cell').nth(2)).toHaveText(ending.change);
    });

    for (const how of ['Cancel', 'Escape'] as const) {
      test(`${how} on the ${action} dialog from Home changes nothing`, async ({ page }) => {
        await openHome(page);
        const row = homeRow(page, name, 1);
        const button = quickAction(row, action, name);
        await row.hover();
        await button.click();
        const dialog = confirmDialog(page, action);
        await expect(dialog).toBeVisible();
        if (action === 'Stop') await reasonField(dialog).fill('Not this one');

        if (how === 'Cancel') await confirmButton(dialog, 'Cancel').click();
        else await page.keyboard.press('Escape');

        await expect(dialog).toBeHidden();
        await expect(button, 'focus returns to the quick action').toBeFocused();
        await expect(cell(row, 'Status')).toHaveText('Live');
        await expect(noToast(page)).toHaveCount(0);

        // Opened again, the dialog starts afresh.
        await button.click();
        await expect(dialog).toBeVisible();
        if (action === 'Stop') await expect(reasonField(dialog)).toHaveValue('');
        await confirmButton(dialog, 'Cancel').click();

        await page.reload();
        await expectHomeLoaded(page);
        await expect(cell(row, 'Status')).toHaveText('Live');
      });

      test(`${how} on the ${action} dialog from the detail view changes nothing`, async ({
        page,
      }) => {
        await openJourney(page, journey.id, name);
        // A live version's history has its publish, at least.
        await expect(historyRows(page)).not.toHaveCount(0);
        const entries = await historyRows(page).count();
        await openActionsMenu(page);
        await menuItem(page, action).click();
        const dialog = confirmDialog(page, action);
        await expect(dialog).toBeVisible();

        if (how === 'Cancel') await confirmButton(dialog, 'Cancel').click();
        else await page.keyboard.press('Escape');

        await expect(dialog).toBeHidden();
        await expect(actionsButton(page), 'focus returns to the menu button').toBeFocused();
        await expect(actionsMenu(page)).toBeHidden();
        await expect(versionLine(page)).toHaveText('Version 1 Live');
        await expect(historyRows(page)).toHaveCount(entries);
        await expect(noToast(page)).toHaveCount(0);
        await openActionsMenu(page);
        await expect(menuItem(page, action)).not.toHaveAttribute('aria-disabled');
      });
    }
  });
}

test.describe('Stop reason', () => {
  const { name, id } = LIVE.backInStock;
  const stop = ENDINGS.find((e) => e.action === 'Stop')!;

  test('the reason given when stopping is shown on the detail view and in its history', async ({
    page,
  }) => {
    const reason = 'The custom action sending the messages is failing.';
    await openJourney(page, id, name);
    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveCount(0);

    await endFromDetailView(page, stop, `  ${reason}  `);

    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveText(reason);
    const latest = historyRows(page).first();
    await expect(latest.getByRole('cell').nth(1)).toHaveText('Stop');
    await expect(latest.getByRole('cell').nth(4)).toHaveText(reason);

    await page.reload();
    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveText(reason);
    await expect(historyRows(page).first().getByRole('cell').nth(4)).toHaveText(reason);
  });

  test('a reason typed into the Stop dialog on Home is recorded', async ({ page }) => {
    const reason = 'Wrong audience selected.';
    await openHome(page);
    const row = homeRow(page, name, 1);
    await row.hover();
    await clickQuickAction(row, 'Stop', name);
    const dialog = confirmDialog(page, 'Stop');
    await reasonField(dialog).fill(reason);
    await confirmButton(dialog, 'Stop').click();
    await expect(cell(row, 'Status')).toHaveText('Stopped');

    await row.getByRole('link', { name, exact: true }).click();
    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveText(reason);
    await expect(historyRows(page).first().getByRole('cell').nth(4)).toHaveText(reason);
  });

  test('without a reason, none is recorded', async ({ page }) => {
    await openJourney(page, id, name);
    await endFromDetailView(page, stop, '   ');

    await expect(definitionOf(page, 'Lifecycle', 'Stopped')).toBeVisible();
    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveCount(0);
    await expect(historyRows(page).first().getByRole('cell').nth(4)).toHaveText('');
  });

  test("a demo journey's earlier stop shows its reason", async ({ page }) => {
    await openJourney(page, 'win-back-v1', 'Win-back: lapsed customers');
    const reason =
      'Wrong audience: the segment also included customers who bought last week.';
    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveText(reason);
    await expect(
      historyRows(page).filter({ has: page.getByRole('cell', { name: 'Stop', exact: true }) }),
    ).toContainText(reason);
  });
});

test.describe('refused actions', () => {
  /// The menu item is shown disabled, with the reason under it.
  async function expectRefused(page: Page, label: string, reason: string | RegExp) {
    const item = menuItem(page, label);
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAccessibleName(
      typeof reason === 'string' ? `${label} ${reason}` : new RegExp(`^${escapeRegExp(label)} ${reason.source.replace(/^\^/, '')}`),
    );
    await expect(item.getByText(reason)).toBeVisible();
  }

  test('a draft has no Finish or Stop, and the menu says why', async ({ page }) => {
    const name = 'Spring sale announcement';
    await openHome(page);
    const row = homeRow(page, name, 1);
    await row.hover();
    await expect(cell(row, 'Status')).toHaveText('Draft');
    await expect(row.getByRole('button')).toHaveCount(0);

    await row.getByRole('link', { name }).click();
    await openActionsMenu(page);
    await expectRefused(
      page,
      'Finish',
      'This journey is a draft; only a live or paused journey can be finished. Publish it first.',
    );
    await expectRefused(
      page,
      'Stop',
      'This journey is a draft and has no customers to stop. Delete it if you no longer need it.',
    );
    // Clicking a refused item (Playwright would wait for it to be enabled, a
    // person just clicks) opens no dialog and leaves the menu explaining.
    await menuItem(page, 'Finish').click({ force: true });
    await menuItem(page, 'Stop').click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(actionsMenu(page)).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Draft');
    // What a draft can do is offered.
    await expect(menuItem(page, 'Publish')).not.toHaveAttribute('aria-disabled');
    await expect(menuItem(page, 'Delete')).not.toHaveAttribute('aria-disabled');
  });

  test('a stopped journey refuses Finish and Stop, saying why', async ({ page }) => {
    await openJourney(page, 're-engagement-survey-v1', 'Re-engagement survey');
    await expect(versionLine(page)).toHaveText('Version 1 Stopped');
    await openActionsMenu(page);
    await expectRefused(
      page,
      'Finish',
      'This journey is stopped; a stopped journey cannot be finished. To run it again, duplicate it, or continue the journey from its newest version.',
    );
    await expectRefused(
      page,
      'Stop',
      'This journey is already stopped. A stopped journey cannot be restarted or deleted. To run it again, duplicate it, or continue the journey from its newest version.',
    );
  });

  test('a finishing journey can still be stopped, but not finished again', async ({ page }) => {
    const name = 'Birthday offer';
    await openHome(page);
    const row = homeRow(page, name, 1);
    await expect(cell(row, 'Status')).toHaveText(FINISHING_STATUS);
    await row.hover();
    await expect(quickAction(row, 'Finish', name)).toHaveCount(0);
    await expectDrawn(quickAction(row, 'Stop', name), true);

    await row.getByRole('link', { name }).click();
    await expect(versionLine(page)).toHaveText(/^Version 1 Finishing/);
    await openActionsMenu(page);
    await expectRefused(page, 'Finish', /^This journey is already finishing: no new customers can enter/);
    await expect(menuItem(page, 'Stop')).not.toHaveAttribute('aria-disabled');
    // Only the newest version can be the base of a new version.
    await expectRefused(
      page,
      'Create new version',
      'Only the newest version (version 2) can be the base of a new version.',
    );
  });
});

test.describe('Deleting a draft', () => {
  const DRAFT = { id: 'subscription-renewal-v2', name: 'Subscription renewal' };

  for (const how of ['mouse', 'keyboard'] as const) {
    test(`Delete from the detail view, confirmed by ${how}: back on Home, the draft gone, the console still running`, async ({ page }) => {
      const errors = collectErrors(page);
      await openJourney(page, DRAFT.id, DRAFT.name);
      await expect(versionLine(page)).toHaveText('Version 2 Draft');
      await openActionsMenu(page);
      await menuItem(page, 'Delete').click();
      const dialog = confirmDialog(page, 'Delete');
      await expect(dialog).toBeVisible();
      if (how === 'mouse') {
        await confirmButton(dialog, 'Delete').click();
      } else {
        await expect(confirmButton(dialog, 'Cancel')).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(confirmButton(dialog, 'Delete')).toBeFocused();
        await page.keyboard.press('Enter');
      }

      await expect(dialog).toBeHidden();
      await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
      await expect(toast(page, `“${DRAFT.name}” version 2 was deleted.`)).toBeVisible();
      await page.getByRole('searchbox', { name: 'Search journeys' }).fill(DRAFT.name);
      await expect(homeRow(page, DRAFT.name, 1)).toBeVisible();
      await expect(homeRow(page, DRAFT.name, 2)).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }

  test('deleted in another tab while its Actions menu is open here: this tab says it is gone, and keeps running', async ({ page, context }) => {
    const errors = collectErrors(page);
    const other = await context.newPage();
    await openJourney(other, DRAFT.id, DRAFT.name);
    await openJourney(page, DRAFT.id, DRAFT.name);
    await actionsButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(menuItem(page, 'Finish')).toBeFocused();

    await openActionsMenu(other);
    await menuItem(other, 'Delete').click();
    await confirmButton(confirmDialog(other, 'Delete'), 'Delete').click();
    await expect(confirmDialog(other, 'Delete')).toBeHidden();

    await expect(page.getByRole('heading', { name: 'Journey not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Journey Console', exact: true }).click();
    await expectHomeLoaded(page);
    await expect(homeRow(page, DRAFT.name, 2)).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('Another page while a dialog is open', () => {
  for (const [item, title] of [
    ['Stop', 'Stop journey?'],
    ['Pause…', 'Pause journey?'],
  ] as const) {
    test(`going Back while the ${item} dialog is open closes it, and nothing is sent`, async ({ page }) => {
      await openJourney(page, 'welcome-series-v3', 'Welcome series');
      await page
        .getByRole('region', { name: 'Versions of this journey' })
        .getByRole('link', { name: 'Version 2' })
        .click();
      await expect(versionLine(page)).toHaveText(/^Version 2 Live/);
      await openActionsMenu(page);
      await menuItem(page, item).click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toContainText('Welcome series · version 2');

      await page.goBack();

      await expect(versionLine(page)).toHaveText('Version 3 Draft');
      await expect(dialog).toBeHidden();
      await page.goForward();
      await expect(versionLine(page)).toHaveText(/^Version 2 Live/);
    });
  }
});
