// Shared steps for the browser tests: opening the console on fresh demo data at
// a fixed moment, and finding journeys, rows, menus and dialogs the way a
// person (or a screen reader) finds them.

import { expect, type Locator, type Page } from '@playwright/test';

/// The moment the tests run at. The demo data is seeded relative to "now" and
/// its simulation moves customers only as time passes, so with the clock held
/// here the counts on screen stay put while a test reads and compares them.
/// Timers keep running (refresh, toasts, animation frames).
export const NOW = new Date('2026-11-25T12:00:00Z');

/// The columns of the Home list, in order.
export const HOME_COLUMNS = [
  'Name',
  'Version',
  'Status',
  'Entered',
  'In journey',
  'Last modified',
  'Modified by',
  'Quick actions',
] as const;
export type HomeColumn = (typeof HOME_COLUMNS)[number];

/// A finishing journey's Status cell on Home: its badge, then when its last
/// customer is expected out (drain_forecast.spec.ts checks that part).
export const FINISHING_STATUS = /^Finishing · [\d,]+ left(by |about |until |$)/;

/// Live, single-version demo journeys: their rows and quick actions are
/// unambiguous by name.
export const LIVE = {
  cart: { name: 'Cart abandonment reminder', id: 'cart-abandonment-v1' },
  backInStock: { name: 'Back in stock alert', id: 'back-in-stock-v1' },
} as const;

/// Every journey of the demo data, each with its versions.
export const DEMO_JOURNEYS: ReadonlyArray<{ name: string; versions: number }> = [
  { name: 'Welcome series', versions: 3 },
  { name: 'Cart abandonment reminder', versions: 1 },
  { name: 'Birthday offer', versions: 2 },
  { name: 'Win-back: lapsed customers', versions: 2 },
  { name: 'Loyalty tier upgrade', versions: 1 },
  { name: 'Webinar follow-up', versions: 1 },
  { name: 'Spring sale announcement', versions: 1 },
  { name: 'Onboarding tips', versions: 3 },
  { name: 'Re-engagement survey', versions: 1 },
  { name: 'Subscription renewal', versions: 2 },
  { name: 'Back in stock alert', versions: 1 },
  { name: 'Post-purchase review request', versions: 2 },
];
export const DEMO_VERSION_COUNT = DEMO_JOURNEYS.reduce((sum, j) => sum + j.versions, 0);

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/// Holds the page's clock at `at` (see NOW). Call before the first navigation.
export async function holdClock(page: Page, at: Date = NOW): Promise<void> {
  await page.clock.setFixedTime(at);
}

/// Opens Home with the clock held, and waits until the journeys are loaded.
export async function openHome(page: Page, query = ''): Promise<void> {
  await holdClock(page);
  await page.goto(`/${query}`);
  await expectHomeLoaded(page);
}

export async function expectHomeLoaded(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
  await expect(listCount(page)).toHaveText(/^Showing \d+ of \d+ journey versions$/);
}

/// Opens a journey version's detail view directly, with the clock held.
export async function openJourney(page: Page, id: string, name: string): Promise<void> {
  await holdClock(page);
  await page.goto(`/journeys/${id}`);
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/// "Showing N of M journey versions".
export function listCount(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^(Showing|Loading|The journeys did not load)/ });
}

export function journeyTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Journeys' });
}

/// The Home row of version `version` of the journey called `name` (by default
/// the only version, or the first match).
export function homeRow(page: Page, name: string, version?: number): Locator {
  const number = version === undefined ? '\\d+' : String(version);
  return journeyTable(page).getByRole('row', {
    name: new RegExp(`^${escapeRegExp(name)} ${number} `),
  });
}

/// All journey rows of the Home list (the header row left out).
export function journeyRows(page: Page): Locator {
  return journeyTable(page).getByRole('row').filter({ has: page.getByRole('rowheader') });
}

/// The cell of `row` in `column` (not the Name column, which is the row header).
export function cell(row: Locator, column: Exclude<HomeColumn, 'Name'>): Locator {
  return row.getByRole('cell').nth(HOME_COLUMNS.indexOf(column) - 1);
}

/// A Home quick action: its accessible name is the action followed by the
/// version the row shows ("Finish Welcome series, version 2"); which version
/// is the row's to say (`homeRow`).
export function quickAction(row: Locator, action: 'Finish' | 'Stop' | 'Resume', name: string): Locator {
  return row.getByRole('button', { name: new RegExp(`^${action} ${escapeRegExp(name)}, version \\d+$`) });
}

/// The message a quick action's click gives instead of a dialog when the
/// list has just moved under the pointer.
export function movedUnderPointer(page: Page): Locator {
  return page.getByRole('status').getByRole('paragraph').filter({ hasText: /^This row changed just before your click/ });
}

/// Clicks a Home row's quick action as a person does, until its dialog is
/// open. A click just after the row changed under the pointer (the user's own
/// change re-sorted the list, or a poll brought someone else's) opens nothing
/// and says what the row shows now; the person reads it and clicks again (a
/// click within a second of one held back is held too). The messages said
/// meanwhile are dismissed, as read, before the dialog opens.
export async function clickQuickAction(row: Locator, action: 'Finish' | 'Stop', name: string): Promise<void> {
  const page = row.page();
  const dialog = confirmDialog(page, action);
  await expect(async () => {
    if (await dialog.isVisible()) return;
    for (const told of await movedUnderPointer(page).all()) {
      await told.getByRole('button', { name: 'Dismiss message' }).click({ timeout: 1000 });
    }
    await row.hover({ timeout: 1000 });
    await quickAction(row, action, name).click({ timeout: 1000 });
    await expect(dialog).toBeVisible({ timeout: 500 });
  }).toPass();
}

/// Ticks or unticks a Home row as a person does: a click just after the row
/// changed under the pointer is held back (and said), and the person clicks
/// again once they have read it.
export async function setRowTick(box: Locator, checked: boolean): Promise<void> {
  const page = box.page();
  await expect(async () => {
    if ((await box.isChecked()) === checked) return;
    for (const told of await movedUnderPointer(page).all()) {
      await told.getByRole('button', { name: 'Dismiss message' }).click({ timeout: 1000 });
    }
    await box.click({ timeout: 1000 });
    await expect(box).toBeChecked({ checked, timeout: 500 });
  }).toPass();
}

/// The opacity the element is drawn with: its own times its ancestors'. A
/// quick action is "hidden" by its container's opacity, which Playwright's
/// visibility checks ignore.
export async function drawnOpacity(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    let opacity = 1;
    for (let e: Element | null = element; e; e = e.parentElement) {
      opacity *= Number(getComputedStyle(e).opacity);
    }
    return opacity;
  });
}

export async function expectDrawn(locator: Locator, drawn: boolean): Promise<void> {
  await expect.poll(() => drawnOpacity(locator), {
    message: `${locator} should be ${drawn ? 'shown' : 'hidden (opacity 0)'}`,
  }).toBe(drawn ? 1 : 0);
}

/// Reads "1,234" as 1234.
export function parseCount(text: string | null): number {
  const digits = (text ?? '').replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return Number(digits);
}

export function actionsButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Actions', exact: true });
}

export function actionsMenu(page: Page): Locator {
  return page.getByRole('menu', { name: 'Journey actions' });
}

/// An item of the Actions menu by its label. A refused item's name is its
/// label followed by the reason written under it ("Delete A live journey…").
export function menuItem(page: Page, label: string): Locator {
  return actionsMenu(page).getByRole('menuitem', { name: new RegExp(`^${escapeRegExp(label)}( |$)`) });
}

/// Opens the detail view's Actions menu with the mouse.
export async function openActionsMenu(page: Page): Promise<Locator> {
  await actionsButton(page).click();
  const menu = actionsMenu(page);
  await expect(menu).toBeVisible();
  await expect(actionsButton(page)).toHaveAttribute('aria-expanded', 'true');
  return menu;
}

export const DIALOG_TITLES = {
  Finish: 'Finish journey?',
  Stop: 'Stop journey?',
  Publish: 'Publish journey?',
  Delete: 'Delete draft?',
} as const;

export function confirmDialog(page: Page, action: keyof typeof DIALOG_TITLES): Locator {
  return page.getByRole('dialog', { name: DIALOG_TITLES[action] });
}

/// The Schedule finish dialog's date and time field.
export function finishAtField(dialog: Locator): Locator {
  return dialog.getByLabel('Finish at');
}

/// Schedules the finish of the journey shown in the detail view through its
/// menu, at `at` (a local date and time, "2026-11-25T15:00"), or at the time
/// the dialog offers first (tomorrow at this time).
export async function scheduleFromMenu(page: Page, at?: string): Promise<void> {
  await openActionsMenu(page);
  await menuItem(page, 'Schedule finish…').click();
  const dialog = page.getByRole('dialog', { name: 'Schedule finish' });
  await expect(dialog).toBeVisible();
  if (at !== undefined) await finishAtField(dialog).fill(at);
  await confirmButton(dialog, 'Schedule finish').click();
  await expect(dialog).toBeHidden();
}

/// The dialog's button that carries out the action (named after it).
export function confirmButton(dialog: Locator, action: string): Locator {
  return dialog.getByRole('button', { name: action, exact: true });
}

/// "Customers in the journey now: N" in an open confirmation dialog.
export function inJourneyNow(dialog: Locator): Locator {
  return dialog.getByRole('paragraph').filter({ hasText: /^Customers in the journey now:/ });
}

export function reasonField(dialog: Locator): Locator {
  return dialog.getByRole('textbox', { name: 'Reason (optional)' });
}

/// The toasts live region, or one message in it.
export function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Dismiss message' }) })
    .getByRole('paragraph')
    .filter({ hasText: text });
}

/// On the detail view: "Version N <status>" under the journey's name.
export function versionLine(page: Page): Locator {
  return page.getByRole('article').getByRole('paragraph').filter({ hasText: /^Version \d+/ });
}

/// On the detail view: the value of a term in the Customers or Lifecycle lists.
export function definitionOf(page: Page, region: 'Customers' | 'Lifecycle', term: string): Locator {
  // Each term and its value are grouped in their own <div> of the list.
  return page
    .getByRole('region', { name: region })
    .locator('div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) }) })
    .getByRole('definition');
}

/// On the detail view: the History table's rows (the header row left out).
export function historyRows(page: Page): Locator {
  return page
    .getByRole('table', { name: 'History' })
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
}

/// Presses Tab until `target` has focus, as a keyboard user would, failing if
/// it is not reached within `limit` presses.
export async function tabTo(page: Page, target: Locator, limit = 200): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((e) => e === document.activeElement)) return presses;
  }
  throw new Error(`${target} was not reached by ${limit} presses of Tab`);
}

/// Collects what would show up as an uncaught error or a console error.
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/// Holds the console's code (its wasm) back until the returned function is
/// called, as a slow network would.
export async function holdTheCode(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/// Requests for the first page of the journey list under `api` (the console
/// asks for `?limit=100`), for `page.route`.
export function listFirstPage(api: string): (url: URL) => boolean {
  return (url) => url.href.startsWith(`${api}/journeys`) && url.pathname === new URL(`${api}/journeys`).pathname
    && !url.searchParams.has('cursor');
}

/// Requests for the later pages of the journey list under `api` (with `cursor`).
export function listLaterPage(api: string): (url: URL) => boolean {
  return (url) => url.pathname === new URL(`${api}/journeys`).pathname && url.searchParams.has('cursor');
}

/// The same request asking for pages of `size` versions, for a test that
/// needs a long list from a short one.
export function withPageSize(requestUrl: string, size: number): string {
  const url = new URL(requestUrl);
  url.searchParams.set('limit', String(size));
  return url.href;
}

/// Home's "Select all shown" checkbox.
export function selectAllShown(page: Page): Locator {
  return page.getByRole('checkbox', { name: 'Select all shown', exact: true });
}

/// The toolbar of what is selected on Home.
export function toolbar(page: Page): Locator {
  return page.getByRole('group', { name: 'Selection' });
}

export function toolbarButton(page: Page, name: string): Locator {
  return toolbar(page).getByRole('button', { name, exact: true });
}

/// The bulk dialog, by its title (a confirmation, or the results of a run).
export function bulkDialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/// Selects every row shown and asks for `action` on them: the confirmation,
/// and how many versions its title says it acts on.
export async function confirmAllShown(page: Page, action: 'Finish' | 'Stop'): Promise<{ dialog: Locator; total: number }> {
  await selectAllShown(page).click();
  await toolbarButton(page, action).click();
  const dialog = bulkDialog(page, new RegExp(`^${action} \\d+ journey versions\\?$`));
  const title = await dialog.getByRole('heading').first().textContent();
  return { dialog, total: parseCount(title!.match(/\d[\d,]*/)![0]) };
}
