// Every Finish and Stop flow with the keyboard alone: Home's quick actions,
// the Actions menu (WAI-ARIA menu button) and the confirmation dialog.

import { expect, test, type Locator, type Page } from '@playwright/test';

import {
  clickQuickAction,
  FINISHING_STATUS,
  LIVE,
  NOW,
  actionsButton,
  actionsMenu,
  cell,
  confirmButton,
  confirmDialog,
  definitionOf,
  expectDrawn,
  homeRow,
  menuItem,
  openActionsMenu,
  openHome,
  openJourney,
  quickAction,
  reasonField,
  tabTo,
  toast,
  versionLine,
} from './support/console';

const MENU_ORDER = [
  'Finish',
  'Stop',
  'Pause…',
  'Resume…',
  'Schedule finish…',
  'Cancel scheduled finish',
  'Publish',
  'Create new version',
  'Duplicate',
  'Restart',
  'Delete',
];

/// Keeps the pointer off the page's rows, so only focus can show quick actions.
async function pointerAway(page: Page) {
  await page.mouse.move(0, 0);
}

/// Opens Home and, by the keyboard alone, the Finish confirmation of the
/// live row of `name`; gives back that row.
async function finishFromHomeByKeyboard(page: Page, name: string): Promise<Locator> {
  await openHome(page);
  await pointerAway(page);
  const row = homeRow(page, name, 1);
  await tabTo(page, quickAction(row, 'Finish', name));
  await page.keyboard.press('Enter');
  return row;
}

test.describe('Home quick actions', () => {
  for (const action of ['Finish', 'Stop'] as const) {
    test(`${action}: Tab to the quick action, Enter, Tab to ${action}, Enter`, async ({ page }) => {
      const { name } = LIVE.cart;
      await openHome(page);
      await pointerAway(page);
      const row = homeRow(page, name, 1);
      const button = quickAction(row, action, name);
      await expectDrawn(button, false);

      await tabTo(page, button);
      await expect(button).toBeFocused();
      await expectDrawn(button, true);
      // The row's other quick action shows too: focus is inside the row.
      await expectDrawn(quickAction(row, action === 'Finish' ? 'Stop' : 'Finish', name), true);

      await page.keyboard.press('Enter');
      const dialog = confirmDialog(page, action);
      await expect(dialog).toBeVisible();
      // The safe choice has focus first.
      await expect(confirmButton(dialog, 'Cancel')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(confirmButton(dialog, action)).toBeFocused();
      await page.keyboard.press('Enter');

      await expect(dialog).toBeHidden();
      await expect(cell(row, 'Status')).toHaveText(
        action === 'Finish' ? FINISHING_STATUS : 'Stopped',
      );
      await expect(toast(page, `“${name}” version 1 is ${action === 'Finish' ? 'finished' : 'stopped'}`))
        .toBeVisible();
      // The quick action that was used is gone; focus stays in its row, on
      // the journey's name, rather than falling back to the top of the page.
      await expect(row.getByRole('link', { name, exact: true })).toBeFocused();
    });
  }

  test('a message whose dismiss button has focus stays until the user dismisses it', async ({ page }) => {
    const { name } = LIVE.cart;
    await finishFromHomeByKeyboard(page, name);
    await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
    const message = toast(page, `“${name}” version 1 is finished`);
    await expect(message).toBeVisible();
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    await dismiss.focus();

    // Longer than a message stays by itself (8 s): taken away, it would
    // drop the user's focus to the top of the page.
    await page.waitForTimeout(9_000);
    await expect(message).toBeVisible();
    await expect(dismiss).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(message).toBeHidden();
  });

  test('a message the pointer rests on stays while it is read, then leaves by itself', async ({ page }) => {
    const { name } = LIVE.cart;
    await finishFromHomeByKeyboard(page, name);
    await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
    const message = toast(page, `“${name}” version 1 is finished`);
    await message.hover();

    // Longer than a message stays by itself (8 s).
    await page.waitForTimeout(9_000);
    await expect(message).toBeVisible();
    await page.mouse.move(0, 0);
    await expect(message).toBeHidden({ timeout: 12_000 });
  });

  test('dismissing a message with the keyboard moves focus on to the next message', async ({ page }) => {
    const finished = [LIVE.cart.name, LIVE.backInStock.name];
    await openHome(page);
    for (const name of finished) {
      const row = homeRow(page, name, 1);
      await row.hover();
      await clickQuickAction(row, 'Finish', name);
      await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
      await expect(toast(page, `“${name}” version 1 is finished`)).toBeVisible();
    }
    const [first, second] = finished.map((name) => toast(page, `“${name}” version 1 is finished`));
    const dismiss = (message: Locator) => message.getByRole('button', { name: 'Dismiss message' });
    await dismiss(first).focus();

    await page.keyboard.press('Enter');
    await expect(first).toBeHidden();
    await expect(dismiss(second)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(second).toBeHidden();
  });

  test('Stop with a reason typed in the dialog', async ({ page }) => {
    const { name } = LIVE.backInStock;
    const reason = 'Messages go out with a broken link.';
    await openHome(page);
    await pointerAway(page);
    const row = homeRow(page, name, 1);
    await tabTo(page, quickAction(row, 'Stop', name));
    await page.keyboard.press('Enter');

    const dialog = confirmDialog(page, 'Stop');
    await expect(confirmButton(dialog, 'Cancel')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(reasonField(dialog)).toBeFocused();
    await page.keyboard.type(reason);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(confirmButton(dialog, 'Stop')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(cell(row, 'Status')).toHaveText('Stopped');
    await row.getByRole('link', { name, exact: true }).press('Enter');
    await expect(definitionOf(page, 'Lifecycle', 'Stop reason')).toHaveText(reason);
  });

  test('Escape closes the dialog, changes nothing and returns focus to the quick action', async ({
    page,
  }) => {
    const { name } = LIVE.cart;
    await openHome(page);
    await pointerAway(page);
    const row = homeRow(page, name, 1);
    const button = quickAction(row, 'Finish', name);
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    const dialog = confirmDialog(page, 'Finish');
    await expect(dialog).toBeVisible();

    await page.keyboard.press('Escape');

    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expectDrawn(button, true);
    await expect(cell(row, 'Status')).toHaveText('Live');
  });

  test('Enter on Cancel closes the dialog and changes nothing', async ({ page }) => {
    const { name } = LIVE.cart;
    await openHome(page);
    await pointerAway(page);
    const row = homeRow(page, name, 1);
    const button = quickAction(row, 'Stop', name);
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    const dialog = confirmDialog(page, 'Stop');
    await expect(confirmButton(dialog, 'Cancel')).toBeFocused();

    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect(cell(row, 'Status')).toHaveText('Live');
  });
});

test.describe('Actions menu', () => {
  const { name, id } = LIVE.cart;

  /// Tabs from the top of the detail view to the Actions button.
  async function tabToActions(page: Page) {
    await openJourney(page, id, name);
    await tabTo(page, actionsButton(page), 20);
    await expect(actionsButton(page)).toHaveAttribute('aria-haspopup', 'menu');
    await expect(actionsButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(actionsMenu(page)).toBeHidden();
  }

  test('Enter opens the menu on its first item; arrows, Home and End move', async ({ page }) => {
    await tabToActions(page);

    await page.keyboard.press('Enter');
    await expect(actionsMenu(page)).toBeVisible();
    await expect(actionsButton(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(actionsMenu(page).getByRole('menuitem')).toHaveText(
      MENU_ORDER.map((label) => new RegExp(`^${label}`)),
    );
    await expect(menuItem(page, 'Finish')).toBeFocused();

    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Stop')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Pause…')).toBeFocused();
    // Refused items are still reachable, so their reason can be read.
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Resume…')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menuItem(page, 'Pause…')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menuItem(page, 'Stop')).toBeFocused();
    await page.keyboard.press('End');
    await expect(menuItem(page, 'Delete')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Finish'), 'ArrowDown wraps to the first item').toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menuItem(page, 'Delete'), 'ArrowUp wraps to the last item').toBeFocused();
    await page.keyboard.press('Home');
    await expect(menuItem(page, 'Finish')).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(actionsMenu(page)).toBeHidden();
    await expect(actionsButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(actionsButton(page)).toBeFocused();
  });

  test('keys pressed right after opening the menu are not lost', async ({ page }) => {
    await tabToActions(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Pause…')).toBeFocused();
  });

  test('ArrowDown opens the menu on the first item, ArrowUp on the last', async ({ page }) => {
    await tabToActions(page);

    await page.keyboard.press('ArrowDown');
    await expect(actionsMenu(page)).toBeVisible();
    await expect(menuItem(page, 'Finish')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(actionsButton(page)).toBeFocused();

    await page.keyboard.press('ArrowUp');
    await expect(actionsMenu(page)).toBeVisible();
    await expect(menuItem(page, 'Delete')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(actionsMenu(page)).toBeHidden();
    await expect(actionsButton(page)).toBeFocused();
  });

  test('Space opens the menu too', async ({ page }) => {
    await tabToActions(page);
    await page.keyboard.press('Space');
    await expect(actionsMenu(page)).toBeVisible();
    await expect(menuItem(page, 'Finish')).toBeFocused();
  });

  test('Tab leaves the open menu and closes it', async ({ page }) => {
    await tabToActions(page);
    await page.keyboard.press('Enter');
    await expect(menuItem(page, 'Finish')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(actionsMenu(page)).toBeHidden();
    await expect(actionsButton(page)).toHaveAttribute('aria-expanded', 'false');
  });

  for (const action of ['Finish', 'Stop'] as const) {
    test(`${action} with Enter; focus returns to the menu button`, async ({ page }) => {
      await tabToActions(page);
      await page.keyboard.press('Enter');
      await expect(menuItem(page, 'Finish')).toBeFocused();
      if (action === 'Stop') await page.keyboard.press('ArrowDown');
      await expect(menuItem(page, action)).toBeFocused();
      await page.keyboard.press('Enter');

      await expect(actionsMenu(page)).toBeHidden();
      const dialog = confirmDialog(page, action);
      await expect(dialog).toBeVisible();
      await expect(confirmButton(dialog, 'Cancel')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(confirmButton(dialog, action)).toBeFocused();
      await page.keyboard.press('Enter');

      await expect(dialog).toBeHidden();
      await expect(versionLine(page)).toHaveText(
        action === 'Finish' ? /^Version 1 Finishing · [\d,]+ left$/ : 'Version 1 Stopped',
      );
      await expect(actionsButton(page)).toBeFocused();
      await expect(actionsButton(page)).toHaveAttribute('aria-expanded', 'false');

      // Straight back into the menu: the ended journey's refusals are read out.
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await expect(menuItem(page, 'Delete')).toBeFocused();
      await expect(menuItem(page, 'Delete')).toHaveAccessibleName(
        new RegExp(`^Delete A ${action === 'Finish' ? 'finished' : 'stopped'} journey cannot be deleted`),
      );
    });

    test(`Escape on the ${action} dialog returns focus to the menu button`, async ({ page }) => {
      await tabToActions(page);
      await page.keyboard.press('Enter');
      if (action === 'Stop') await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const dialog = confirmDialog(page, action);
      await expect(dialog).toBeVisible();

      await page.keyboard.press('Escape');

      await expect(dialog).toBeHidden();
      await expect(actionsButton(page)).toBeFocused();
      await expect(versionLine(page)).toHaveText('Version 1 Live');
    });
  }

  test('Enter on a refused item does nothing and keeps the menu open', async ({ page }) => {
    await tabToActions(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    const item = menuItem(page, 'Delete');
    await expect(item).toBeFocused();
    await expect(item).toHaveAttribute('aria-disabled', 'true');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(actionsMenu(page)).toBeVisible();
    await expect(item).toBeFocused();
    await expect(versionLine(page)).toHaveText('Version 1 Live');
  });

  test('the open menu keeps focus while the counts refresh', async ({ page }) => {
    await tabToActions(page);
    const entered = (await definitionOf(page, 'Customers', 'Entered').textContent()) ?? '';
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Stop')).toBeFocused();

    // Ten minutes pass: the next refresh brings new customers in.
    await page.clock.setFixedTime(new Date(NOW.getTime() + 10 * 60_000));
    await expect(definitionOf(page, 'Customers', 'Entered')).not.toHaveText(entered);

    await expect(actionsMenu(page)).toBeVisible();
    await expect(menuItem(page, 'Stop')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Pause…')).toBeFocused();
  });
});

test.describe('What the user does while a dialog closes is kept', () => {
  /// The user's next step: Enter on what has focus, a click in the search
  /// field, or clicks on these elements in turn (to ask for a dialog again).
  type NextStep = 'Enter' | 'search field' | Locator[];

  // A dialog's close event comes in a task of its own, after the dialog is
  // gone and the browser has given focus back; on a busy machine the user's
  // next key press or click can come first. Here both happen in one task:
  // Cancel, then the user's next step, before the close event.
  async function cancelThen(dialog: Locator, next: NextStep): Promise<void> {
    const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
    const search = dialog.page().getByRole('searchbox', { name: 'Search journeys' });
    const targets =
      next === 'Enter' ? [] : await Promise.all((next === 'search field' ? [search] : next).map((l) => l.elementHandle()));
    const step = Array.isArray(next) ? 'clicks' : next;
    await cancel.evaluate(
      (button, [step, targets]) => {
        const closed = new Promise((resolve) =>
          // Two frames after the close event: whatever it does has been done.
          button.closest('dialog')!.addEventListener(
            'close',
            () => requestAnimationFrame(() => requestAnimationFrame(resolve)),
            { once: true },
          ),
        );
        (button as HTMLElement).click();
        if (step === 'Enter') {
          document.activeElement!.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
          );
        } else if (step === 'search field') {
          (targets[0] as HTMLElement).focus();
        } else {
          for (const element of targets) (element as HTMLElement).click();
        }
        return closed;
      },
      [step, targets] as const,
    );
  }

  test('a key pressed on the Actions button as the Pause dialog closes opens the menu, and the menu keeps focus', async ({ page }) => {
    const { name, id } = LIVE.cart;
    await openJourney(page, id, name);
    await page.mouse.move(0, 0);
    await tabTo(page, actionsButton(page), 20);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Pause…')).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Pause journey?' });
    await expect(dialog).toBeVisible();

    // Enter, on what has focus once the dialog is gone: the Actions button.
    await cancelThen(dialog, 'Enter');

    await expect(actionsMenu(page)).toBeVisible();
    await expect(menuItem(page, 'Finish')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menuItem(page, 'Stop')).toBeFocused();
    await expect(versionLine(page)).toHaveText('Version 1 Live');
  });

  test('a click in the search field as a Finish confirmation closes keeps focus in the field', async ({ page }) => {
    const { name } = LIVE.cart;
    const row = await finishFromHomeByKeyboard(page, name);
    const dialog = confirmDialog(page, 'Finish');
    await expect(dialog).toBeVisible();

    await cancelThen(dialog, 'search field');

    await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeFocused();
    await expect(cell(row, 'Status')).toHaveText('Live');
  });

  test('a click in the search field as a bulk confirmation closes keeps focus in the field', async ({ page }) => {
    const { name } = LIVE.cart;
    await openHome(page);
    await page.getByRole('checkbox', { name: `Select ${name}, version 1`, exact: true }).click();
    await page.getByRole('group', { name: 'Selection' }).getByRole('button', { name: 'Finish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Finish 1 journey version?' });
    await expect(dialog).toBeVisible();

    await cancelThen(dialog, 'search field');

    await expect(page.getByRole('searchbox', { name: 'Search journeys' })).toBeFocused();
    await expect(cell(homeRow(page, name, 1), 'Status')).toHaveText('Live');
  });

  /// A menu item while its menu is hidden (the click on the Actions button
  /// before it shows the menu, in the same task).
  function hiddenMenuItem(page: Page, label: string): Locator {
    return page.getByRole('menuitem', { name: new RegExp(`^${label}`), includeHidden: true });
  }

  test('Cancel, then Pause… again at once: the Pause dialog is open again', async ({ page }) => {
    const { name, id } = LIVE.cart;
    await openJourney(page, id, name);
    await openActionsMenu(page);
    await menuItem(page, 'Pause…').click();
    const pause = page.getByRole('dialog', { name: 'Pause journey?' });
    await expect(pause).toBeVisible();

    await cancelThen(pause, [actionsButton(page), hiddenMenuItem(page, 'Pause…')]);

    await expect(pause).toBeVisible();
    await expect(confirmButton(pause, 'Cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(pause).toBeHidden();
    await expect(versionLine(page)).toHaveText('Version 1 Live');
  });

  test('Cancel a Finish confirmation, then Pause… at once: the Pause dialog stays open', async ({ page }) => {
    const { name, id } = LIVE.cart;
    await openJourney(page, id, name);
    await openActionsMenu(page);
    await menuItem(page, 'Finish').click();
    const finish = confirmDialog(page, 'Finish');
    await expect(finish).toBeVisible();

    await cancelThen(finish, [actionsButton(page), hiddenMenuItem(page, 'Pause…')]);

    const pause = page.getByRole('dialog', { name: 'Pause journey?' });
    await expect(pause).toBeVisible();
    await expect(finish).toBeHidden();
    await confirmButton(pause, 'Pause').click();
    await expect(pause).toBeHidden();
    await expect(versionLine(page)).toHaveText('Version 1 Paused · resumes tomorrow');
  });

  test("Cancel a Finish confirmation on Home, then another row's Stop at once: the Stop dialog is open for that row", async ({ page }) => {
    const cart = LIVE.cart;
    const other = LIVE.backInStock;
    await openHome(page);
    await pointerAway(page);
    await tabTo(page, quickAction(homeRow(page, cart.name, 1), 'Finish', cart.name));
    await page.keyboard.press('Enter');
    const finish = confirmDialog(page, 'Finish');
    await expect(finish).toBeVisible();

    await cancelThen(finish, [quickAction(homeRow(page, other.name, 1), 'Stop', other.name)]);

    const stop = confirmDialog(page, 'Stop');
    await expect(stop).toBeVisible();
    await expect(stop).toContainText(`${other.name} · version 1`);
    await page.keyboard.press('Escape');
    await expect(stop).toBeHidden();
    await expect(cell(homeRow(page, cart.name, 1), 'Status')).toHaveText('Live');
    await expect(cell(homeRow(page, other.name, 1), 'Status')).toHaveText('Live');
  });

  test("Cancel a bulk Finish, then the toolbar's Stop at once: the bulk Stop dialog stays open", async ({ page }) => {
    const { name } = LIVE.cart;
    await openHome(page);
    await page.getByRole('checkbox', { name: `Select ${name}, version 1`, exact: true }).click();
    const toolbar = page.getByRole('group', { name: 'Selection' });
    await toolbar.getByRole('button', { name: 'Finish', exact: true }).click();
    const finish = page.getByRole('dialog', { name: 'Finish 1 journey version?' });
    await expect(finish).toBeVisible();

    await cancelThen(finish, [toolbar.getByRole('button', { name: 'Stop', exact: true })]);

    await expect(page.getByRole('dialog', { name: 'Stop 1 journey version?' })).toBeVisible();
  });
});
