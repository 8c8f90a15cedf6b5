// Pausing a live journey (customers held or discarded, for at most 14 days,
// then resumed or stopped), resuming it, finishing or stopping it while
// paused, and a finish scheduled for a date and time, on the embedded
// backend with the page's clock held (support/console.ts, NOW) and moved on
// where time must pass. Everything is found by role and accessible name.

import { expect, test, type Locator, type Page } from '@playwright/test';

import { expectNoViolations } from './support/axe';
import {
  clickQuickAction,
  setRowTick,
  LIVE,
  NOW,
  actionsButton,
  cell,
  confirmButton,
  confirmDialog,
  definitionOf,
  escapeRegExp,
  finishAtField,
  historyRows,
  homeRow,
  menuItem,
  openActionsMenu,
  openHome,
  openJourney,
  parseCount,
  quickAction,
  scheduleFromMenu,
  tabTo,
  toast,
  versionLine,
} from './support/console';

// Times are shown in the user's time zone: Berlin is an hour ahead of UTC in
// November, so NOW (12:00 UTC) reads 1:00 PM.
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const CART = LIVE.cart;
const STOCK = LIVE.backInStock;

/// A time as Intl writes it ("Nov 28, 2026, 1:00 PM"), matching whichever
/// space the browser puts before "PM".
function time(text: string): string {
  return escapeRegExp(text).replace(/ /g, '\\s');
}

function pauseDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Pause journey?' });
}

function resumeDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Resume journey?' });
}

function daysField(dialog: Locator): Locator {
  return dialog.getByRole('spinbutton', { name: 'Pause for (days)' });
}

/// The customers in the journey now, from the detail view.
async function inJourney(page: Page): Promise<number> {
  return parseCount(await definitionOf(page, 'Customers', 'In journey').textContent());
}

type PauseTerms = { days?: string; discard?: boolean; stopAtEnd?: boolean };

/// Pauses the journey shown in the detail view through its menu.
async function pauseFromMenu(page: Page, terms: PauseTerms = {}): Promise<void> {
  await openActionsMenu(page);
  await menuItem(page, 'Pause…').click();
  const dialog = pauseDialog(page);
  await expect(dialog).toBeVisible();
  if (terms.discard) await dialog.getByRole('radio', { name: 'Discard them' }).check();
  if (terms.days !== undefined) await daysField(dialog).fill(terms.days);
  if (terms.stopAtEnd) await dialog.getByRole('radio', { name: 'Stop the journey' }).check();
  await confirmButton(dialog, 'Pause').click();
  await expect(dialog).toBeHidden();
  await expect(versionLine(page)).toHaveText(/^Version 1 Paused · /);
}

/// Lets the held clock jump to `at`; the embedded backend carries out what
/// fell due at its next refresh (every second).
async function moveClockTo(page: Page, at: Date): Promise<void> {
  await page.clock.setFixedTime(at);
}

function hours(n: number): Date {
  return new Date(NOW.getTime() + n * 3_600_000);
}

test.describe('Pause', () => {
  test('pausing from the menu holds the customers; Home and the detail view show when it resumes', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    const held = await inJourney(page);
    expect(held, 'a live demo journey has customers in it').toBeGreaterThan(0);

    await openActionsMenu(page);
    await menuItem(page, 'Pause…').click();
    const dialog = pauseDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${CART.name} · version 1`);
    await expect(dialog).toContainText('While it is paused, no new customers can enter this journey.');
    // Holding is the default, explained; discarding says it is for good.
    const customers = dialog.getByRole('group', { name: 'What happens to the customers in it' });
    await expect(customers.getByRole('radio', { name: 'Hold them' })).toBeChecked();
    await expect(customers.getByRole('radio', { name: 'Hold them' })).toHaveAccessibleDescription(
      `The ${held.toLocaleString('en-US')} customers in it wait before the next message until the journey resumes.`,
    );
    await expect(customers.getByRole('radio', { name: 'Discard them' })).toHaveAccessibleDescription(
      /leave the journey now and get nothing more from it\. This cannot be undone for them\.$/,
    );
    const atEnd = dialog.getByRole('group', { name: 'When the pause ends' });
    await expect(atEnd.getByRole('radio', { name: 'Resume the journey' })).toBeChecked();
    await expect(daysField(dialog)).toHaveValue('1');
    await expect(daysField(dialog)).toHaveAccessibleDescription(
      new RegExp(`^From 1 to 14 days\\. The pause ends ${time('Nov 26, 2026, 1:00 PM')}\\.$`),
    );

    await daysField(dialog).fill('3');
    await expect(daysField(dialog)).toHaveAccessibleDescription(
      new RegExp(`The pause ends ${time('Nov 28, 2026, 1:00 PM')}\\.$`),
    );
    await confirmButton(dialog, 'Pause').click();
    await expect(dialog).toBeHidden();
    await expect(actionsButton(page), 'focus is back on the menu button').toBeFocused();

    await expect(toast(page, new RegExp(`^“${escapeRegExp(CART.name)}” version 1 is paused until ${time('Nov 28, 2026, 1:00 PM')}\\.`))).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Paused · resumes in 3 days');
    await expect(definitionOf(page, 'Lifecycle', 'Paused')).toHaveText(
      new RegExp(`^${time('Nov 25, 2026, 1:00 PM')} \\(now\\) by You$`),
    );
    await expect(definitionOf(page, 'Lifecycle', 'Pause ends')).toHaveText(
      new RegExp(`^${time('Nov 28, 2026, 1:00 PM')} \\(in 3 days\\)$`),
    );
    await expect(definitionOf(page, 'Lifecycle', 'Customers')).toHaveText('Held: they wait before their next message');
    await expect(definitionOf(page, 'Lifecycle', 'When the pause ends')).toHaveText('The journey resumes');
    await expect(definitionOf(page, 'Lifecycle', 'Held customers')).toHaveText(held.toLocaleString('en-US'));
    expect(await inJourney(page), 'held customers stay in the journey').toBe(held);
    const entry = historyRows(page).first();
    await expect(entry).toContainText('Pause');
    await expect(entry).toContainText('Live → Paused');
    await expect(entry).toContainText(
      new RegExp(`Paused until ${time('Nov 28, 2026, 1:00 PM')}, customers held, then resumes`),
    );

    await page.getByRole('link', { name: 'Home' }).click();
    const row = homeRow(page, CART.name, 1);
    await expect(cell(row, 'Status')).toHaveText(`Paused · resumes in 3 days ${held.toLocaleString('en-US')} held`);
    await expect(cell(row, 'In journey')).toHaveText(held.toLocaleString('en-US'));
    // The Paused filter shows it, and only paused versions.
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Paused' });
    await expect(page).toHaveURL(/[?&]status=paused/);
    await expect(
      page.getByRole('table', { name: 'Journeys' }).getByRole('row').filter({ has: page.getByRole('rowheader') }),
    ).toHaveCount(1);
    await expect(homeRow(page, CART.name, 1)).toBeVisible();

    // Its start is said as passed once time has passed.
    await moveClockTo(page, hours(3));
    await homeRow(page, CART.name, 1).getByRole('link', { name: CART.name }).click();
    await expect(definitionOf(page, 'Lifecycle', 'Paused')).toHaveText(
      new RegExp(`^${time('Nov 25, 2026, 1:00 PM')} \\(3 hours ago\\) by You$`),
    );
  });

  test('publishing a new version of a paused journey says the paused version is finished instead of waiting for its pause to end', async ({ page }) => {
    await openJourney(page, 'subscription-renewal-v1', 'Subscription renewal');
    await pauseFromMenu(page, { stopAtEnd: true });
    const held = await inJourney(page);

    await openJourney(page, 'subscription-renewal-v2', 'Subscription renewal');
    await openActionsMenu(page);
    await menuItem(page, 'Publish').click();
    await expect(confirmDialog(page, 'Publish')).toContainText(
      `Version 1, paused now, will be finished instead of waiting for its pause to end: no new customers enter it, and the ${held.toLocaleString('en-US')} in it continue to the end.`,
    );
  });

  test('a pause that would end after a scheduled finish says the finish comes first, and the choice for its end does not happen', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    // This time tomorrow (Berlin time).
    await scheduleFromMenu(page, '2026-11-26T13:00');
    await openActionsMenu(page);
    await menuItem(page, 'Pause…').click();
    const dialog = pauseDialog(page);
    // Said as it opens: which version, then what a pause does.
    await expect(dialog).toHaveAccessibleDescription(
      new RegExp(`^${escapeRegExp(CART.name)} · version 1 While it is paused, no new customers can enter this journey\\.`),
    );
    await daysField(dialog).fill('3');
    await expect(dialog.getByRole('paragraph').filter({ hasText: /^A finish is scheduled for/ })).toHaveText(
      new RegExp(`^A finish is scheduled for ${time('Nov 26, 2026, 1:00 PM')}, before this pause would end: the journey then finishes, the customers in it continue to the end of their path, and what is chosen here for the pause's end does not happen\\.$`),
    );
    // A pause ending by then (on a tie, the pause's end comes first) is
    // carried out as chosen.
    await daysField(dialog).fill('1');
    await expect(dialog.getByRole('paragraph').filter({ hasText: /^A finish is scheduled for/ })).toHaveCount(0);
    // Chosen to stop the journey then, it stops it before the finish.
    await dialog.getByRole('radio', { name: 'Stop the journey' }).check();
    await expect(dialog.getByRole('paragraph').filter({ hasText: /^A finish is scheduled for/ })).toHaveText(
      new RegExp(`^A finish is scheduled for ${time('Nov 26, 2026, 1:00 PM')}, after this pause ends: the pause then stops the journey, everyone still in it is stopped, and the scheduled finish does not happen\\.$`),
    );
  });

  test('a finish scheduled after a pause that stops the journey says the pause comes first, and the finish does not happen', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await pauseFromMenu(page, { stopAtEnd: true });
    await openActionsMenu(page);
    await menuItem(page, 'Schedule finish…').click();
    const dialog = page.getByRole('dialog', { name: 'Schedule finish' });
    await finishAtField(dialog).fill('2026-11-30T13:00');
    await expect(finishAtField(dialog)).toHaveAccessibleDescription(
      new RegExp(`The journey's pause ends ${time('Nov 26, 2026, 1:00 PM')}, before this finish, and then stops it: everyone still in it is stopped, and this finish does not happen\\.$`),
    );
    await finishAtField(dialog).fill('2026-11-26T12:00');
    await expect(finishAtField(dialog)).not.toHaveAccessibleDescription(/pause ends/);
  });

  test('discarding the customers empties the journey; nobody is held', async ({ page }) => {
    await openJourney(page, STOCK.id, STOCK.name);
    const before = await inJourney(page);
    expect(before).toBeGreaterThan(0);
    await pauseFromMenu(page, { discard: true });

    await expect(versionLine(page)).toHaveText('Version 1 Paused · resumes tomorrow');
    await expect(definitionOf(page, 'Lifecycle', 'Customers')).toHaveText('Discarded: they left the journey');
    await expect(definitionOf(page, 'Lifecycle', 'Held customers')).toHaveCount(0);
    expect(await inJourney(page)).toBe(0);
    expect(parseCount(await definitionOf(page, 'Customers', 'Exited').textContent())).toBeGreaterThanOrEqual(before);
    await expect(historyRows(page).first()).toContainText('customers discarded, then resumes');

    await page.getByRole('link', { name: 'Home' }).click();
    const row = homeRow(page, STOCK.name, 1);
    await expect(cell(row, 'Status')).toHaveText('Paused · resumes tomorrow');
    await expect(cell(row, 'In journey')).toHaveText('0');
  });

  test('a pause of 15 days (or of more days than a date holds) cannot be sent: the words are shown beside the field', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await openActionsMenu(page);
    await menuItem(page, 'Pause…').click();
    const dialog = pauseDialog(page);
    const days = daysField(dialog);

    await days.fill('15');
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(days).toHaveAccessibleDescription('A pause can last 14 days at most.');
    await confirmButton(dialog, 'Pause').click();
    await expect(dialog, 'nothing was sent: the dialog stays').toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Live');

    await days.fill('0');
    await expect(days).toHaveAccessibleDescription('Choose a time in the future.');
    await days.fill('');
    await expect(days).toHaveAccessibleDescription('Enter a whole number of days, from 1 to 14.');
    // More days than a date can hold: said like any other wrong number.
    await days.fill('999999999');
    await expect(days).toHaveAccessibleDescription('Enter a whole number of days, from 1 to 14.');
    await confirmButton(dialog, 'Pause').click();
    await expect(dialog, 'nothing was sent: the dialog stays').toBeVisible();

    await days.fill('14');
    await expect(days).not.toHaveAttribute('aria-invalid', 'true');
    await expect(days).toHaveAccessibleDescription(new RegExp(`The pause ends ${time('Dec 9, 2026, 1:00 PM')}\\.$`));
    await confirmButton(dialog, 'Pause').click();
    await expect(dialog).toBeHidden();
    await expect(versionLine(page)).toHaveText('Version 1 Paused · resumes in 14 days');
  });

  test('"stop when the pause ends": when the time comes it is stopped, recorded as done by who paused it', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await pauseFromMenu(page, { stopAtEnd: true });
    await expect(versionLine(page)).toHaveText('Version 1 Paused · stops tomorrow');
    await expect(definitionOf(page, 'Lifecycle', 'When the pause ends')).toHaveText('The journey stops');

    await moveClockTo(page, hours(25));
    await expect(versionLine(page)).toHaveText('Version 1 Stopped');
    const entry = historyRows(page).first();
    await expect(entry.getByRole('cell').nth(1)).toHaveText('Stop');
    await expect(entry.getByRole('cell').nth(2)).toHaveText('Paused → Stopped');
    await expect(entry.getByRole('cell').nth(3)).toHaveText('You');
    await expect(entry.getByRole('cell').nth(4)).toHaveText('The pause You set ended');
    expect(await inJourney(page)).toBe(0);
  });

  test('a pause that ends by itself resumes the journey', async ({ page }) => {
    await openJourney(page, STOCK.id, STOCK.name);
    await pauseFromMenu(page);
    await moveClockTo(page, hours(25));
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    await expect(historyRows(page).first()).toContainText('Paused → Live');
    await expect(historyRows(page).first()).toContainText('The pause You set ended');
  });
});

test.describe('From paused', () => {
  test('Resume from the menu: held customers continue, new ones can enter', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    const held = await inJourney(page);
    await pauseFromMenu(page);

    await openActionsMenu(page);
    // Pausing again is refused with the rules' reason.
    await expect(menuItem(page, 'Pause…')).toHaveAccessibleName(
      'Pause… This journey is already paused. Resume it, finish it or stop it.',
    );
    await menuItem(page, 'Resume…').click();
    const dialog = resumeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Held customers continue from where they waited; new customers can enter again.');
    await expect(dialog).toContainText(`Held customers: ${held.toLocaleString('en-US')}`);
    await confirmButton(dialog, 'Resume').click();
    await expect(dialog).toBeHidden();

    await expect(versionLine(page)).toHaveText('Version 1 Live');
    await expect(toast(page, `“${CART.name}” version 1 is live again.`)).toBeVisible();
    await expect(definitionOf(page, 'Lifecycle', 'Pause ends')).toHaveCount(0);
    await expect(historyRows(page).first()).toContainText('Paused → Live');
    expect(await inJourney(page)).toBe(held);
  });

  for (const { action, journey, after } of [
    { action: 'Finish', journey: CART, after: /^Finishing · [\d,]+ left/ },
    { action: 'Stop', journey: STOCK, after: /^Stopped$/ },
  ] as const) {
    test(`${action} from a paused Home row's quick action, without resuming first`, async ({ page }) => {
      await openJourney(page, journey.id, journey.name);
      await pauseFromMenu(page);
      await page.getByRole('link', { name: 'Home' }).click();

      const row = homeRow(page, journey.name, 1);
      await expect(cell(row, 'Status')).toHaveText(/^Paused · resumes tomorrow/);
      await row.hover();
      // A paused row offers Resume, Finish and Stop.
      for (const offered of ['Resume', 'Finish', 'Stop'] as const) {
        await expect(quickAction(row, offered, journey.name)).toBeVisible();
      }
      await quickAction(row, action, journey.name).click();
      const dialog = confirmDialog(page, action);
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('cannot be resumed or restarted');
      await confirmButton(dialog, action).click();
      await expect(dialog).toBeHidden();
      await expect(cell(row, 'Status')).toHaveText(after);
      await expect(quickAction(row, 'Resume', journey.name)).toBeHidden();
    });
  }

  test('Resume from a paused Home row\'s quick action', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await pauseFromMenu(page);
    await page.getByRole('link', { name: 'Home' }).click();
    const row = homeRow(page, CART.name, 1);
    await row.hover();
    await quickAction(row, 'Resume', CART.name).click();
    await confirmButton(resumeDialog(page), 'Resume').click();
    await expect(resumeDialog(page)).toBeHidden();
    await expect(cell(row, 'Status')).toHaveText('Live');
  });
});

test.describe('A scheduled finish', () => {
  test('schedule a finish, change it, cancel it', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await openActionsMenu(page);
    await expect(menuItem(page, 'Cancel scheduled finish')).toHaveAccessibleName(
      'Cancel scheduled finish No finish is scheduled for this journey.',
    );
    await menuItem(page, 'Schedule finish…').click();
    const dialog = page.getByRole('dialog', { name: 'Schedule finish' });
    await expect(dialog).toContainText('At that time the journey finishes by itself: no new customers can enter');
    await expect(finishAtField(dialog)).toHaveAccessibleDescription('Your time zone: Europe/Berlin.');
    // Tomorrow at this time, to start from.
    await expect(finishAtField(dialog)).toHaveValue('2026-11-26T13:00');
    await finishAtField(dialog).fill('2026-11-24T09:00');
    await expect(finishAtField(dialog)).toHaveAccessibleDescription('Choose a time in the future.');
    await finishAtField(dialog).fill('2026-12-03T09:00');
    await confirmButton(dialog, 'Schedule finish').click();
    await expect(dialog).toBeHidden();

    await expect(toast(page, new RegExp(`will finish ${time('Dec 3, 2026, 9:00 AM')}\\.`))).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    await expect(definitionOf(page, 'Lifecycle', 'Scheduled finish')).toHaveText(
      new RegExp(`^${time('Dec 3, 2026, 9:00 AM')} \\(in 8 days\\), set by You$`),
    );
    await expect(historyRows(page).first()).toContainText(new RegExp(`Finish scheduled for ${time('Dec 3, 2026, 9:00 AM')}`));

    await openActionsMenu(page);
    await menuItem(page, 'Change scheduled finish…').click();
    const change = page.getByRole('dialog', { name: 'Change scheduled finish' });
    await expect(finishAtField(change)).toHaveValue('2026-12-03T09:00');
    await finishAtField(change).fill('2026-12-05T18:30');
    await confirmButton(change, 'Save').click();
    await expect(change).toBeHidden();
    await expect(definitionOf(page, 'Lifecycle', 'Scheduled finish')).toHaveText(
      new RegExp(`^${time('Dec 5, 2026, 6:30 PM')} \\(in 10 days\\), set by You$`),
    );

    await page.getByRole('link', { name: 'Home' }).click();
    await expect(cell(homeRow(page, CART.name, 1), 'Status')).toHaveText('Live Finishes Dec 5');
    await page.goBack();

    await openActionsMenu(page);
    await menuItem(page, 'Cancel scheduled finish').click();
    await expect(toast(page, `The scheduled finish of “${CART.name}” version 1 was cancelled.`)).toBeVisible();
    await expect(definitionOf(page, 'Lifecycle', 'Scheduled finish')).toHaveCount(0);
    await openActionsMenu(page);
    await expect(menuItem(page, 'Schedule finish…')).toBeVisible();
  });

  test('a finish scheduled on a paused journey, reached by time: finished, "On the schedule You set"', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await pauseFromMenu(page, { days: '2' });
    // 3:00 PM in Berlin: two hours from now.
    await scheduleFromMenu(page, '2026-11-25T15:00');
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(cell(homeRow(page, CART.name, 1), 'Status')).toHaveText(/^Paused · resumes in 2 days [\d,]+ held · Finishes Nov 25$/);
    await page.goBack();

    await moveClockTo(page, hours(3));
    await expect(versionLine(page)).toHaveText(/^Version 1 Finishing · [\d,]+ left$/);
    const entry = historyRows(page).first();
    await expect(entry.getByRole('cell').nth(1)).toHaveText('Finish');
    await expect(entry.getByRole('cell').nth(2)).toHaveText('Paused → Finished');
    await expect(entry.getByRole('cell').nth(3)).toHaveText('You');
    await expect(entry.getByRole('cell').nth(4)).toHaveText('On the schedule You set');
  });
});

test('keyboard only: the whole pause, from the menu button to the paused journey', async ({ page }) => {
  await openJourney(page, STOCK.id, STOCK.name);
  await page.mouse.move(0, 0);
  await tabTo(page, actionsButton(page), 20);
  await page.keyboard.press('Enter');
  await expect(menuItem(page, 'Finish')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menuItem(page, 'Pause…')).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = pauseDialog(page);
  await expect(dialog).toBeVisible();
  await expect(confirmButton(dialog, 'Cancel')).toBeFocused();
  // Backwards through the dialog: what happens at the end, the days, the customers.
  await page.keyboard.press('Shift+Tab');
  const resume = dialog.getByRole('radio', { name: 'Resume the journey' });
  await expect(resume).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Stop the journey' })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(resume).toBeChecked();
  await page.keyboard.press('Shift+Tab');
  await expect(daysField(dialog)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(daysField(dialog)).toHaveValue('2');
  await page.keyboard.press('Shift+Tab');
  const hold = dialog.getByRole('radio', { name: 'Hold them' });
  await expect(hold).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Discard them' })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(hold).toBeChecked();

  await tabTo(page, confirmButton(dialog, 'Pause'), 6);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(actionsButton(page)).toBeFocused();
  await expect(versionLine(page)).toHaveText('Version 1 Paused · resumes in 2 days');
  await expect(definitionOf(page, 'Lifecycle', 'Customers')).toHaveText('Held: they wait before their next message');

  // And back, by keyboard: Resume is the item after Pause.
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menuItem(page, 'Resume…')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(resumeDialog(page)).toBeVisible();
  await tabTo(page, confirmButton(resumeDialog(page), 'Resume'), 3);
  await page.keyboard.press('Enter');
  await expect(versionLine(page)).toHaveText('Version 1 Live');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('the pause dialog, a paused detail view, the schedule dialog and a paused row are clean', async ({ page }) => {
      await openJourney(page, CART.id, CART.name);
      await openActionsMenu(page);
      await menuItem(page, 'Pause…').click();
      await expect(pauseDialog(page)).toBeVisible();
      await expectNoViolations(page, `the pause dialog (${colorScheme})`);
      await daysField(pauseDialog(page)).fill('15');
      await expect(daysField(pauseDialog(page))).toHaveAttribute('aria-invalid', 'true');
      await expectNoViolations(page, `the pause dialog refusing 15 days (${colorScheme})`);
      await daysField(pauseDialog(page)).fill('3');
      await confirmButton(pauseDialog(page), 'Pause').click();
      await expect(versionLine(page)).toHaveText('Version 1 Paused · resumes in 3 days');

      await scheduleFromMenu(page, '2026-12-03T09:00');
      await expect(definitionOf(page, 'Lifecycle', 'Scheduled finish')).toBeVisible();
      await expectNoViolations(page, `a paused detail view with a scheduled finish (${colorScheme})`);

      await openActionsMenu(page);
      await expectNoViolations(page, `the menu of a paused journey (${colorScheme})`);
      await menuItem(page, 'Change scheduled finish…').click();
      await expect(page.getByRole('dialog', { name: 'Change scheduled finish' })).toBeVisible();
      await expectNoViolations(page, `the schedule dialog (${colorScheme})`);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Home' }).click();
      const row = homeRow(page, CART.name, 1);
      await expect(cell(row, 'Status')).toHaveText(/^Paused · resumes in 3 days [\d,]+ held · Finishes Dec 3$/);
      await row.hover();
      await expectNoViolations(page, `Home with a paused row (${colorScheme})`);
      await openHome(page, '?status=paused');
      await quickAction(row, 'Resume', CART.name).focus();
      await quickAction(row, 'Resume', CART.name).click();
      await expect(resumeDialog(page)).toBeVisible();
      await expectNoViolations(page, `the resume dialog (${colorScheme})`);
    });
  });
}

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('Pausieren from the menu, in German words', async ({ page }) => {
    await openJourney(page, CART.id, CART.name);
    await page.getByRole('button', { name: 'Aktionen', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Pausieren …$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Journey pausieren?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('group', { name: 'Was mit den Kunden darin geschieht' })).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Anhalten' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Journey fortsetzen' })).toBeChecked();
    const days = dialog.getByRole('spinbutton', { name: 'Pausieren für (Tage)' });
    await days.fill('15');
    await expect(days).toHaveAccessibleDescription('Eine Pause kann höchstens 14 Tage dauern.');
    await days.fill('3');
    await expect(days).toHaveAccessibleDescription(/^1 bis 14 Tage\. Die Pause endet am 28\.11\.2026, 13:00\.$/);
    await dialog.getByRole('button', { name: 'Pausieren', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('article').getByRole('paragraph').filter({ hasText: /^Version 1 / }),
    ).toHaveText('Version 1 Pausiert · weiter in 3 Tagen');
    await expect(page.getByRole('region', { name: 'Lebenszyklus' })).toContainText('Angehalten: Die Kunden warten vor ihrer nächsten Nachricht');
  });
});

test.describe('over HTTP', () => {
  // Each server here is this file's alone (playwright.config.ts): 8790 offers
  // pausing and a scheduled finish, 8789 predates them.
  const WITH_FEATURES = 'http://127.0.0.1:8790/api';
  const WITHOUT_FEATURES = 'http://127.0.0.1:8789/api';
  const TOKEN = 'operator-token';
  test.describe.configure({ mode: 'serial' });
  // The servers keep the wall clock: the page's is left running too.
  test.use({ timezoneId: 'UTC' });

  async function useServer(page: Page, api: string): Promise<void> {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ backend: 'http', apiBase: api, token: TOKEN, pollIntervalMs: 1000 }),
      }),
    );
  }

  async function serverVersion(page: Page, api: string, id: string) {
    const response = await page.request.get(`${api}/journeys/${id}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status()).toBe(200);
    return response.json();
  }

  test('pause, resume, and a pause\'s end carried out by the server', async ({ page }) => {
    expect((await page.request.post(`${WITH_FEATURES}/_test/reset`)).ok()).toBeTruthy();
    await useServer(page, WITH_FEATURES);
    await page.goto(`/journeys/${CART.id}`);
    await expect(page.getByRole('heading', { level: 1, name: CART.name })).toBeVisible();

    await pauseFromMenu(page, { days: '3' });
    await expect(versionLine(page)).toHaveText(/^Version 1 Paused · resumes in (3 days|72 hours)$/);
    const paused = await serverVersion(page, WITH_FEATURES, CART.id);
    expect(paused.status).toBe('paused');
    expect(paused.pause).toMatchObject({ customers: 'hold', atEnd: 'resume', by: 'Olga Operator' });

    await openActionsMenu(page);
    await menuItem(page, 'Resume…').click();
    await confirmButton(resumeDialog(page), 'Resume').click();
    await expect(resumeDialog(page)).toBeHidden();
    await expect(versionLine(page)).toHaveText('Version 1 Live');
    expect((await serverVersion(page, WITH_FEATURES, CART.id)).status).toBe('live');

    await pauseFromMenu(page, { stopAtEnd: true });
    const advanced = await page.request.post(`${WITH_FEATURES}/_test/advance`, { data: { seconds: 25 * 3600 } });
    expect(advanced.ok()).toBeTruthy();
    await expect(versionLine(page)).toHaveText('Version 1 Stopped');
    await expect(historyRows(page).first()).toContainText('The pause Olga Operator set ended');
  });

  test('a /me that fails at the start: the menu says the server has not said what it offers, and offers Pause once it has', async ({ page }) => {
    expect((await page.request.post(`${WITH_FEATURES}/_test/reset`)).ok()).toBeTruthy();
    await useServer(page, WITH_FEATURES);
    let failing = true;
    await page.route('**/me', (route) =>
      failing
        ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"Down for a moment."}}' })
        : route.fallback(),
    );
    await page.goto(`/journeys/${CART.id}`);
    await expect(page.getByRole('heading', { level: 1, name: CART.name })).toBeVisible();
    await openActionsMenu(page);
    const pause = menuItem(page, 'Pause…');
    // Not "this server does not offer pausing": it has not said.
    await expect(pause).toHaveAccessibleName(
      'Pause… The server has not said yet whether it offers pausing journeys; the console asks again at its next refresh.',
      { timeout: 20_000 },
    );
    await expect(pause).toHaveAttribute('aria-disabled', 'true');
    failing = false;
    await expect(pause).not.toHaveAttribute('aria-disabled', 'true', { timeout: 20_000 });
    await pause.click();
    await expect(pauseDialog(page)).toBeVisible();
  });

  test('a server without the features: the menu says why, and Finish and Stop still work', async ({ page }) => {
    expect((await page.request.post(`${WITHOUT_FEATURES}/_test/reset`)).ok()).toBeTruthy();
    await useServer(page, WITHOUT_FEATURES);
    await page.goto(`/journeys/${STOCK.id}`);
    await expect(page.getByRole('heading', { level: 1, name: STOCK.name })).toBeVisible();
    await expect(versionLine(page)).toHaveText('Version 1 Live');

    await openActionsMenu(page);
    for (const [label, why] of [
      ['Pause…', 'This server does not offer pausing journeys.'],
      ['Resume…', null],
      ['Schedule finish…', 'This server does not offer scheduling a finish.'],
      ['Cancel scheduled finish', null],
    ] as const) {
      const item = menuItem(page, label);
      await expect(item).toHaveAttribute('aria-disabled', 'true');
      if (why) await expect(item).toHaveAccessibleName(`${label} ${why}`);
    }
    // Enter on a disabled item does nothing.
    await menuItem(page, 'Pause…').focus();
    await page.keyboard.press('Enter');
    await expect(pauseDialog(page)).toBeHidden();
    await expect(menuItem(page, 'Finish')).not.toHaveAttribute('aria-disabled', 'true');
    await menuItem(page, 'Finish').click();
    await confirmButton(confirmDialog(page, 'Finish'), 'Finish').click();
    await expect(versionLine(page)).toHaveText(/^Version 1 Finish(ing · [\d,]+ left|ed)$/);
    // Shown at once; the server has it once the dialog closes on its answer.
    await expect(confirmDialog(page, 'Finish')).toBeHidden();
    expect((await serverVersion(page, WITHOUT_FEATURES, STOCK.id)).status).toBe('finished');

    // Home offers no Resume, and Stop still ends a journey.
    await page.getByRole('link', { name: 'Home' }).click();
    const row = homeRow(page, CART.name, 1);
    await row.hover();
    await expect(quickAction(row, 'Stop', CART.name)).toBeVisible();
    await clickQuickAction(row, 'Stop', CART.name);
    await confirmButton(confirmDialog(page, 'Stop'), 'Stop').click();
    await expect(cell(row, 'Status')).toHaveText('Stopped');

    // Nor does the selection toolbar offer Pause.
    await setRowTick(row.getByRole('checkbox', { name: `Select ${CART.name}, version 1`, exact: true }), true);
    const toolbar = page.getByRole('group', { name: 'Selection' });
    await expect(toolbar.getByRole('button', { name: 'Finish', exact: true })).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Pause', exact: true })).toHaveCount(0);
  });
});
