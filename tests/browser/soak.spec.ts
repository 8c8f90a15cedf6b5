// Soak: "no confirmed action is ever lost, undone, doubled or crashed".
//
// Four marketers act at once, through the UI only (Home's quick actions, the
// detail view's Actions menu and its confirmation dialogs):
//
// - Ada Admin and Olga Operator, each in their own browser context, on the
//   HTTP backend, pointed (config.json) at a fault-injecting proxy
//   (support/fault_proxy.ts) in front of a reference server of their own;
//   they pick from one shared pool of journeys, so they collide (412s);
// - two tabs of one browser (one context, one localStorage) on the embedded
//   backend, with the default configuration and no server.
//
// Then the judge (support/soak_checker.ts) compares what each user was told
// with the backend's history and what each console finally shows with the
// backend's state. Any page error, crash notice or blank page fails it too.
//
// Random choices (journeys, actions, faults) come from one seed, printed with
// the summary; SOAK_SEED=… replays a run (timing aside). The counts go to
// target/test-logs/soak.json, every record and proxy event to
// target/test-logs/soak-details.json.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

import {
  DEMO_JOURNEYS,
  DIALOG_TITLES,
  collectErrors,
  confirmButton,
  confirmDialog,
  escapeRegExp,
  expectHomeLoaded,
  homeRow,
  journeyRows,
  listCount,
  menuItem,
  openActionsMenu,
  movedUnderPointer,
  quickAction,
  reasonField,
  versionLine,
} from './support/console';
import { FAULT_KINDS, FaultProxy } from './support/fault_proxy';
import { Rng, streamSeed } from './support/seeded_random';
import {
  type ActionName,
  type ActionRecord,
  type BackendSnapshot,
  type BackendVersion,
  type ShownVersion,
  type Violation,
  checkHistory,
  checkRefusals,
  checkSame,
  checkShown,
  count,
  isTransientFailure,
  shownPhase,
} from './support/soak_checker';

const SEED = Number(process.env.SOAK_SEED ?? 20261125);
const ORIGIN = 'http://127.0.0.1:4173';
const ROOT = path.resolve(__dirname, '../..');
const LOGS = path.join(ROOT, 'target/test-logs');

/// The server's accounts, as playwright.config.ts gives them to its server.
const ACCOUNTS = [
  { role: 'viewer', token: 'viewer-token', name: 'Vera Viewer' },
  { role: 'operator', token: 'operator-token', name: 'Olga Operator' },
  { role: 'admin', token: 'admin-token', name: 'Ada Admin' },
] as const;
const ADA = ACCOUNTS[2];
const OLGA = ACCOUNTS[1];
const SOAK_USERS = [ADA.name, OLGA.name];

/// The journeys both pairs pick from (every one with a live version in the
/// demo data), the first ones more often, so that people collide.
const POOL: ReadonlyArray<{ item: string; weight: number }> = [
  { item: 'Welcome series', weight: 4 },
  { item: 'Cart abandonment reminder', weight: 3 },
  { item: 'Birthday offer', weight: 3 },
  { item: 'Back in stock alert', weight: 2 },
  { item: 'Subscription renewal', weight: 2 },
  { item: 'Onboarding tips', weight: 1 },
  { item: 'Post-purchase review request', weight: 1 },
  { item: 'Win-back: lapsed customers', weight: 1 },
];

/// How many actions each one attempts at least, and all together: whoever is
/// done carries on until the total is reached (the operator depends on the
/// admin for live journeys to end). And how long the actions may go on before
/// the judging starts.
const TARGETS = { ada: 60, olga: 25, tabA: 50, tabB: 50 };
const TOTAL = 210;
const ACTION_PHASE_MS = 210_000;
/// The longest a user waits for the console to say how an action went: four
/// attempts, each within the console's 15 s deadline, and the backoff between.
const ANSWER_WAIT_MS = 70_000;
/// The console's default: between polls a marketer acts on what may already
/// have changed, so the two collide.
const POLL_INTERVAL_MS = 5000;

const LABELS: Record<ActionName, 'Finish' | 'Stop' | 'Publish' | 'Create new version'> = {
  finish: 'Finish',
  stop: 'Stop',
  publish: 'Publish',
  newVersion: 'Create new version',
};
const DONE: Record<Exclude<ActionName, 'newVersion'>, string> = {
  finish: 'is finished',
  stop: 'is stopped',
  publish: 'is live',
};

/// How much a marketer wants each action when it is on offer.
type Appetite = Partial<Record<'finish' | 'stopLive' | 'stopFinishing' | 'publish' | 'newFromEnded' | 'newFromLive', number>>;
const ADMIN_APPETITE: Appetite = {
  publish: 3,
  newFromEnded: 3,
  newFromLive: 0.7,
  finish: 1,
  stopLive: 0.7,
  stopFinishing: 0.5,
};
const OPERATOR_APPETITE: Appetite = { finish: 2, stopLive: 1.5, stopFinishing: 1 };

interface Actor {
  name: string;
  /// Short, for Stop reasons.
  tag: string;
  /// As the backend records it.
  user: string;
  backend: 'http' | 'embedded';
  page: Page;
  rng: Rng;
  appetite: Appetite;
  target: number;
  records: ActionRecord[];
  /// Page errors and panics, as collected.
  errors: string[];
  /// Steps of the test itself that went wrong (a row gone before the click):
  /// nothing was sent, the step is simply not counted.
  hiccups: string[];
}

/// Problems seen while the actions went on (crashes, blank pages).
const live: Violation[] = [];

// The message log every page keeps, so no toast is missed however briefly
// it shows: every toast added and every alert's text as it changes.
function observeMessages(): void {
  const log = {
    toasts: [] as Array<{ t: number; text: string }>,
    alerts: [] as Array<{ t: number; text: string }>,
  };
  (window as unknown as { __soak: typeof log }).__soak = log;
  const seen = new WeakMap<Element, string>();
  const scan = () => {
    document.querySelectorAll('[role=status] > p').forEach((p) => {
      if (seen.has(p)) return;
      const text = (p.querySelector('span')?.textContent ?? p.textContent ?? '').trim();
      seen.set(p, text);
      log.toasts.push({ t: Date.now(), text });
    });
    document.querySelectorAll('[role=alert]').forEach((alert) => {
      const text = (alert.textContent ?? '').trim();
      if (seen.get(alert) === text) return;
      seen.set(alert, text);
      log.alerts.push({ t: Date.now(), text });
    });
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
}

async function toasts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { __soak?: { toasts: Array<{ text: string }> } }).__soak?.toasts ?? []).map((t) => t.text),
  );
}

// --- the reference server and the proxy ---------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/// A reference server for the soak alone (the one playwright.config.ts starts
/// is reset by other test files that may run at the same time), with the same
/// accounts, in memory, counts standing still.
async function startServer(): Promise<{ origin: string; process: ChildProcess }> {
  const port = await freePort();
  const bin = path.resolve(ROOT, process.env.JOURNEY_SERVER_BIN || 'target/debug/journey-server');
  const args = [
    '--listen', `127.0.0.1:${port}`,
    '--db', ':memory:',
    '--no-simulation',
    '--allow-origin', ORIGIN,
    ...ACCOUNTS.flatMap((a) => ['--token', `${a.role}:${a.token}:${a.name}`]),
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`journey-server exited: ${stderr}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`journey-server did not answer on ${origin}: ${stderr}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function readServer(api: string, withHistory = true): Promise<BackendSnapshot> {
  const headers = { Authorization: `Bearer ${ADA.token}` };
  const versions: BackendVersion[] = [];
  let cursor: string | null = null;
  do {
    const url = `${api}/journeys?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(url, { headers });
    expect(response.status, `GET ${url}`).toBe(200);
    const page = (await response.json()) as { items: BackendVersion[]; next: string | null };
    versions.push(...page.items);
    cursor = page.next;
  } while (cursor);
  const history: BackendSnapshot['history'] = {};
  for (const version of withHistory ? versions : []) {
    const response = await fetch(`${api}/journeys/${encodeURIComponent(version.id)}/history`, { headers });
    expect(response.status).toBe(200);
    history[version.id] = ((await response.json()) as { items: BackendSnapshot['history'][string] }).items;
  }
  return { versions, history };
}

async function readStorage(page: Page): Promise<BackendSnapshot> {
  const raw = await page.evaluate(() => localStorage.getItem('journey-console.embedded.v1'));
  if (!raw) return { versions: [], history: {} };
  const saved = JSON.parse(raw) as { catalog: BackendSnapshot };
  return { versions: saved.catalog.versions, history: saved.catalog.history ?? {} };
}

// --- what a marketer sees and does ---------------------------------------------

function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search journeys' });
}

async function goHome(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== '/') {
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Home', exact: true })
      .click({ timeout: 10_000 });
  }
  await expectHomeLoaded(page);
}

/// Home's rows of one journey, as shown (searching for it first).
async function rowsOf(page: Page, journey: string): Promise<ShownVersion[]> {
  const box = searchBox(page);
  if ((await box.inputValue()) !== journey) await box.fill(journey);
  for (let attempt = 0; ; attempt++) {
    const counted = /^Showing (\d+) of/.exec((await listCount(page).textContent()) ?? '');
    const cells = await journeyRows(page).evaluateAll((rows) =>
      rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.innerText.trim())),
    );
    const rows = cells.map(([name, version, status]) => ({ journey: name, version: Number(version), status }));
    if (counted && rows.length === Number(counted[1]) && rows.every((r) => r.journey === journey)) {
      return rows.sort((a, b) => a.version - b.version);
    }
    if (attempt >= 30) {
      throw new Error(`Home's rows for “${journey}” did not settle: ${JSON.stringify(rows)} (${counted?.[0]})`);
    }
    await page.waitForTimeout(100);
  }
}

/// Every version of every journey, as Home shows them.
async function everyRow(page: Page): Promise<ShownVersion[]> {
  await goHome(page);
  const shown: ShownVersion[] = [];
  for (const { name } of DEMO_JOURNEYS) shown.push(...(await rowsOf(page, name)));
  await searchBox(page).fill('');
  return shown;
}

/// What the marketer may do with a journey, from what Home shows.
function offers(rows: ShownVersion[], appetite: Appetite): Array<{ item: { action: ActionName; version: number }; weight: number }> {
  const choices: Array<{ item: { action: ActionName; version: number }; weight: number }> = [];
  const add = (action: ActionName, version: number, weight: number | undefined) => {
    if (weight) choices.push({ item: { action, version }, weight });
  };
  for (const row of rows) {
    const phase = shownPhase(row.status);
    if (phase === 'live') {
      add('finish', row.version, appetite.finish);
      add('stop', row.version, appetite.stopLive);
    } else if (phase === 'finishing') {
      add('stop', row.version, appetite.stopFinishing);
    } else if (phase === 'draft') {
      add('publish', row.version, appetite.publish);
    }
  }
  const newest = rows[rows.length - 1];
  if (newest && shownPhase(newest.status) !== 'draft') {
    add('newVersion', newest.version, shownPhase(newest.status) === 'live' ? appetite.newFromLive : appetite.newFromEnded);
  }
  return choices;
}

/// Waits until the dialog closes (done) or shows why not.
async function answerIn(page: Page, dialog: Locator): Promise<{ closed: true } | { message: string } | null> {
  const alert = dialog.getByRole('alert');
  const until = Date.now() + ANSWER_WAIT_MS;
  while (Date.now() < until) {
    if (!(await dialog.isVisible())) return { closed: true };
    // A failure comes first: a change shown with it is said beside it.
    const said = (await alert.allTextContents()).map((text) => text.trim()).filter(Boolean);
    const message = said.find((text) => !HELD_CONFIRM.test(text)) ?? said[0];
    if (message) return { message };
    await page.waitForTimeout(100);
  }
  return null;
}

/// Presses the dialog's confirm button, retrying as a person would when told
/// to try again, and records how it ended.
async function confirm(actor: Actor, record: ActionRecord, dialog: Locator): Promise<void> {
  const { page, rng } = actor;
  const label = LABELS[record.action];
  const before = (await toasts(page)).length;
  // Reading the dialog before pressing: long enough for the other person to act.
  await page.waitForTimeout(rng.int(0, 1000));
  record.startedAt = Date.now();
  await confirmButton(dialog, label).click({ timeout: 10_000 });
  record.sent = true;
  for (;;) {
    const answer = await answerIn(page, dialog);
    if (answer === null) {
      record.outcome = 'undetermined';
      record.messages.push(`(nothing within ${ANSWER_WAIT_MS / 1000} s)`);
      await page.keyboard.press('Escape');
      break;
    }
    if ('closed' in answer) {
      const prefix = `“${record.journey}” version ${record.version} `;
      let said: string | undefined;
      for (let i = 0; i < 30 && !said; i++) {
        said = (await toasts(page)).slice(before).find((text) => text.startsWith(prefix));
        if (!said) await page.waitForTimeout(100);
      }
      record.messages.push(said ?? '(the dialog closed without a message)');
      const done = DONE[record.action as Exclude<ActionName, 'newVersion'>];
      record.outcome = said?.startsWith(`${prefix}${done}`) ? 'confirmed' : 'undetermined';
      break;
    }
    // The version changed while the dialog was open: the click sent nothing
    // and said what changed (no failure is shown with it). A first click
    // attempted nothing; after a failure, that failure is what the user was
    // told.
    if (HELD_CONFIRM.test(answer.message)) {
      await confirmButton(dialog, 'Cancel').click({ timeout: 10_000 });
      await expect(dialog).toBeHidden();
      if (record.messages.length === 0) {
        actor.records.splice(actor.records.indexOf(record), 1);
        return;
      }
      break;
    }
    record.messages.push(answer.message);
    const transient = isTransientFailure(answer.message);
    // What the user was told so far, whatever happens next.
    record.outcome = transient ? 'failed' : 'refused';
    if (transient && /try again/i.test(answer.message) && record.retries < 2 && rng.chance(0.7)) {
      record.retries++;
      await page.waitForTimeout(rng.int(200, 1200));
      await confirmButton(dialog, label).click({ timeout: 10_000 });
      // The failure goes away while the retry is under way.
      await expect(dialog.getByRole('alert')).toHaveCount(0, { timeout: 2000 }).catch(() => {});
      continue;
    }
    await confirmButton(dialog, 'Cancel').click({ timeout: 10_000 });
    await expect(dialog).toBeHidden();
    break;
  }
  record.endedAt = Date.now();
}

/// What a choice in the detail view's menu says instead of acting when the
/// version changed while the menu was open.
const HELD_CHOICE = /changed .*just before your choice/;

/// What a confirmation dialog says instead of acting when the version
/// changed while it was open.
const HELD_CONFIRM = /while the dialog was open/;

/// "Create new version" from the menu: no dialog; a toast says how it went.
async function createVersion(actor: Actor, record: ActionRecord, item: Locator): Promise<void> {
  const { page } = actor;
  const before = (await toasts(page)).length;
  record.startedAt = Date.now();
  await item.click({ timeout: 10_000 });
  record.sent = true;
  const until = Date.now() + ANSWER_WAIT_MS;
  let said: string | undefined;
  while (!said && Date.now() < until) {
    said = (await toasts(page))[before];
    // The version changed while the menu was open: the choice did nothing
    // and said so. Nothing was attempted.
    if (said && HELD_CHOICE.test(said)) {
      actor.records.splice(actor.records.indexOf(record), 1);
      await page.keyboard.press('Escape');
      return;
    }
    if (said) break;
    // The other tab's change arrived between the look and the click: the
    // rules now refuse it and the item is disabled with their reason, so the
    // click rightly did nothing. Nothing was attempted.
    // (Looked at only while the menu is open: after a success it closes, and
    // its items are no longer there to be found by role.)
    const disabled = (await item.isVisible())
      && (await item.getAttribute('aria-disabled', { timeout: 1000 }).catch(() => null)) === 'true';
    if (disabled) {
      actor.records.splice(actor.records.indexOf(record), 1);
      await page.keyboard.press('Escape');
      return;
    }
    await page.waitForTimeout(100);
  }
  if (!said) {
    record.outcome = 'undetermined';
    record.messages.push(`(nothing within ${ANSWER_WAIT_MS / 1000} s)`);
  } else {
    record.messages.push(said);
    const created = new RegExp(`^“${escapeRegExp(record.journey)}” version (\\d+) was created as a draft\\.$`).exec(said);
    if (created) {
      record.outcome = 'confirmed';
      record.created = { version: Number(created[1]) };
      await expect(versionLine(page)).toHaveText(`Version ${created[1]} Draft`).catch(() => {});
      const id = /\/journeys\/([^/?#]+)$/.exec(new URL(page.url()).pathname)?.[1];
      if (id) record.created.id = decodeURIComponent(id);
    } else {
      record.outcome = isTransientFailure(said) ? 'failed' : 'refused';
    }
  }
  record.endedAt = Date.now();
}

async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  for (let i = 0; i < 10 && (await dismiss.count()) > 0; i++) {
    await dismiss.first().click({ timeout: 1000 }).catch(() => {});
  }
}

/// One action, chosen from what Home shows of one journey of the pool. Returns
/// false when there was nothing to do with that journey.
async function step(actor: Actor, journey: string): Promise<boolean> {
  const { page, rng } = actor;
  await goHome(page);
  const rows = await rowsOf(page, journey);
  const choices = offers(rows, actor.appetite);
  if (choices.length === 0) return false;
  const { action, version } = rng.weighted(choices);
  const label = LABELS[action];
  const via = (action === 'finish' || action === 'stop') && rng.chance(0.5) ? 'home' : 'menu';
  const record: ActionRecord = {
    actor: actor.name,
    user: actor.user,
    backend: actor.backend,
    seq: actor.records.length + 1,
    action,
    via,
    journey,
    version,
    startedAt: 0,
    endedAt: 0,
    messages: [],
    outcome: 'undetermined',
    retries: 0,
  };
  const row = homeRow(page, journey, version);

  if (via === 'home') {
    await row.hover({ timeout: 5000 });
    const button = quickAction(row, label as 'Finish' | 'Stop', journey);
    // A click just after the list moved under the pointer opens nothing and
    // says so (a poll brought someone's change): the marketer reads the row
    // again and clicks again.
    const moved = movedUnderPointer(page);
    const dialog = confirmDialog(page, label as keyof typeof DIALOG_TITLES);
    await dismissToasts(page);
    for (let tries = 0; ; tries++) {
      // Gone since (a poll brought someone else's change): nothing to do.
      if ((await button.count()) === 0) return true;
      if (tries === 3) {
        actor.hiccups.push(`${new Date().toISOString()} ${journey}: ${label} held back three times, a second apart`);
        return true;
      }
      await button.click({ timeout: 5000 });
      await expect(dialog.or(moved).first()).toBeVisible();
      if (await dialog.isVisible()) break;
      // Read: a click within a second of the one held back is held too.
      await page.waitForTimeout(1100);
      await dismissToasts(page);
    }
  } else {
    await row.getByRole('link', { name: journey, exact: true }).click({ timeout: 5000 });
    await expect(page.getByRole('heading', { level: 1, name: journey, exact: true })).toBeVisible();
    await expect(versionLine(page)).toHaveText(new RegExp(`^Version ${version} `));
    await dismissToasts(page);
    await openActionsMenu(page);
    const item = menuItem(page, label);
    if ((await item.getAttribute('aria-disabled')) === 'true') {
      await page.keyboard.press('Escape');
      return true;
    }
    if (action === 'newVersion') {
      actor.records.push(record);
      await createVersion(actor, record, item);
      return true;
    }
    await item.click({ timeout: 5000 });
    // The version changed while the menu was open: the choice did nothing
    // and said so; the marketer goes on with something else.
    const held = page.getByRole('status').getByRole('paragraph').filter({ hasText: HELD_CHOICE });
    await expect(confirmDialog(page, label as keyof typeof DIALOG_TITLES).or(held).first()).toBeVisible();
    if (await held.count()) {
      await page.keyboard.press('Escape');
      return true;
    }
  }

  const dialog = confirmDialog(page, label as keyof typeof DIALOG_TITLES);
  await expect(dialog).toBeVisible();
  // The dialog names what it is about; it must be what was clicked.
  await expect(dialog.getByRole('paragraph').filter({ hasText: /· version \d+$/ })).toHaveText(
    `${journey} · version ${version}`,
  );
  if (action === 'stop' && rng.chance(0.7)) {
    record.reason = `Soak: ${actor.tag} #${record.seq}`;
    await reasonField(dialog).fill(record.reason);
  }
  actor.records.push(record);
  await confirm(actor, record, dialog);
  return true;
}

/// No crash notice, no blank page; after one, the marketer reloads (as the
/// notice says) and carries on.
async function checkAlive(actor: Actor, when: string): Promise<void> {
  const { page } = actor;
  const crashed = await page.getByText('Journey Console stopped because of an internal error').count();
  const header = await page.getByRole('link', { name: 'Journey Console', exact: true }).isVisible();
  const text = ((await page.locator('body').innerText().catch(() => '')) ?? '').trim();
  if (crashed || !header || !text) {
    live.push({
      invariant: `${actor.name}: no crash, no blank page`,
      detail: `${when}: ${crashed ? 'crash notice' : !text ? 'blank page' : 'no console header'}: ${JSON.stringify(text.slice(0, 300))}`,
    });
    await page.reload();
    await expectHomeLoaded(page);
  }
}

async function soak(actor: Actor, until: number, total: () => number): Promise<void> {
  let idle = 0;
  while ((actor.records.length < actor.target || total() < TOTAL) && Date.now() < until) {
    const journey = actor.rng.weighted(POOL);
    const seq = actor.records.length;
    try {
      const acted = await step(actor, journey);
      idle = acted ? 0 : idle + 1;
    } catch (error) {
      const last = actor.records[actor.records.length - 1];
      const attempted = actor.records.length > seq;
      actor.hiccups.push(`${new Date().toISOString()} ${journey}${attempted ? ` (#${last.seq} ${last.action} v${last.version})` : ''}: ${String(error).split('\n')[0]}`);
      // An action sent stays recorded with what the user was told; one the
      // test did not get as far as sending was never attempted.
      if (attempted && !last.sent) actor.records.pop();
      else if (attempted && last.endedAt === 0) last.endedAt = Date.now();
      await actor.page.keyboard.press('Escape').catch(() => {});
    }
    await checkAlive(actor, `after ${actor.name}'s action #${actor.records.length} on “${journey}”`);
    // Nothing to do anywhere for a while: wait for the others (and the polls).
    if (idle >= 3) {
      await actor.page.waitForTimeout(800);
      idle = 0;
    }
  }
}

async function newActor(
  page: Page,
  name: string,
  tag: string,
  user: string,
  backend: Actor['backend'],
  appetite: Appetite,
  target: number,
): Promise<Actor> {
  const errors = collectErrors(page);
  return {
    name,
    tag,
    user,
    backend,
    page,
    rng: new Rng(streamSeed(SEED, name)),
    appetite,
    target,
    records: [],
    errors,
    hiccups: [],
  };
}

/// Page errors and panics only: the browser also logs every failed request
/// (the proxy's 503s, dropped connections) as a console error.
function crashes(actor: Actor): string[] {
  return actor.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
}

async function httpConsole(browser: Browser, baseURL: string, apiBase: string, token: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1400 } });
  await context.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ backend: 'http', apiBase, token, pollIntervalMs: POLL_INTERVAL_MS }),
    }),
  );
  await context.addInitScript(observeMessages);
  return context.newPage();
}

/// Compares, polling until it holds or `within` ms have passed.
async function settle(check: () => Promise<Violation[]>, within: number): Promise<Violation[]> {
  const until = Date.now() + within;
  for (;;) {
    const violations = await check();
    if (violations.length === 0 || Date.now() >= until) return violations;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

test('soak: no confirmed action is lost, undone, doubled or crashed', async ({ browser }, testInfo) => {
  test.setTimeout(10 * 60_000);
  const started = Date.now();
  const baseURL = testInfo.project.use.baseURL ?? ORIGIN;
  console.log(`soak: seed ${SEED} (SOAK_SEED=${SEED} replays it)`);

  const server = await startServer();
  const proxy = new FaultProxy({
    target: server.origin,
    seed: SEED,
    allowedOrigin: ORIGIN,
    users: Object.fromEntries(ACCOUNTS.map((a) => [a.token, a.name])),
    changeRates: { error503: 0.08, drop: 0.08, slowBody: 0.08, stalledBody: 0.03 },
    readRates: { error503: 0.03, drop: 0.02, slowBody: 0.04, stalledBody: 0 },
    slowBodyMs: [800, 4000],
    stallMs: 17_000,
    maxStallsPerUser: 2,
  });
  const proxyOrigin = await proxy.start();
  const api = `${server.origin}/api`;
  const violations: Violation[] = [];
  const actors: Actor[] = [];
  const contexts: BrowserContext[] = [];
  try {
    const adaPage = await httpConsole(browser, baseURL, `${proxyOrigin}/api`, ADA.token);
    const olgaPage = await httpConsole(browser, baseURL, `${proxyOrigin}/api`, OLGA.token);
    // Two tabs of one browser: one context, so one localStorage; the default
    // configuration (no config.json): the embedded backend.
    const tabs = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1400 } });
    contexts.push(adaPage.context(), olgaPage.context(), tabs);
    await tabs.addInitScript(observeMessages);
    const tabAPage = await tabs.newPage();
    const tabBPage = await tabs.newPage();

    actors.push(
      await newActor(adaPage, ADA.name, 'Ada', ADA.name, 'http', ADMIN_APPETITE, TARGETS.ada),
      await newActor(olgaPage, OLGA.name, 'Olga', OLGA.name, 'http', OPERATOR_APPETITE, TARGETS.olga),
      await newActor(tabAPage, 'Tab A', 'Tab A', 'You', 'embedded', ADMIN_APPETITE, TARGETS.tabA),
      await newActor(tabBPage, 'Tab B', 'Tab B', 'You', 'embedded', ADMIN_APPETITE, TARGETS.tabB),
    );
    for (const actor of actors) {
      await actor.page.goto('/');
      await expectHomeLoaded(actor.page);
    }
    const [ada, olga, tabA, tabB] = actors;

    // --- the actions, all four at once ---------------------------------------
    const actionsStarted = Date.now();
    const until = actionsStarted + ACTION_PHASE_MS;
    const total = () => actors.reduce((sum, a) => sum + a.records.length, 0);
    await Promise.all(actors.map((actor) => soak(actor, until, total)));
    const actionsEnded = Date.now();

    // --- the judging ----------------------------------------------------------
    proxy.setEnabled(false);
    const http = [ada, olga];
    const httpRecords = http.flatMap((a) => a.records);

    // Each console, once its polls have caught up (no reload), then reloaded.
    for (const actor of http) {
      const shown = await settle(
        async () => checkShown(`${actor.name}'s console`, await everyRow(actor.page), await readServer(api, false)),
        20_000,
      );
      violations.push(...shown);
      await actor.page.reload();
      await expectHomeLoaded(actor.page);
      violations.push(
        ...checkShown(`${actor.name}'s console after a reload`, await everyRow(actor.page), await readServer(api, false)),
      );
    }
    const server1 = await readServer(api);
    violations.push(...checkHistory('HTTP', httpRecords, server1, SOAK_USERS));
    violations.push(...checkRefusals('HTTP', httpRecords, server1, SOAK_USERS));

    // The embedded pair: both tabs alike (a few refreshes later), and every
    // confirmed action once in the history the two tabs keep in localStorage.
    const embeddedRecords = [tabA, tabB].flatMap((a) => a.records);
    const tabsAlike = await settle(
      async () => checkSame('Embedded tabs', ['Tab A', mergeFinishing(await everyRow(tabA.page))], ['Tab B', mergeFinishing(await everyRow(tabB.page))]),
      5000,
    );
    violations.push(...tabsAlike);
    const stored = await readStorage(tabA.page);
    violations.push(...checkHistory('Embedded', embeddedRecords, stored, ['You']));
    for (const tab of [tabA, tabB]) {
      await tab.page.reload();
      await expectHomeLoaded(tab.page);
    }
    violations.push(
      ...checkSame('Embedded tabs after a reload', ['Tab A', mergeFinishing(await everyRow(tabA.page))], ['Tab B', mergeFinishing(await everyRow(tabB.page))]),
    );

    for (const actor of actors) {
      await checkAlive(actor, `${actor.name} at the end`);
      for (const error of crashes(actor)) {
        live.push({ invariant: `${actor.name}: no page error`, detail: error });
      }
    }
    violations.push(...live);

    // --- the summary ------------------------------------------------------------
    const all = actors.flatMap((a) => a.records);
    const summary = {
      seed: SEED,
      seconds: Math.round((Date.now() - started) / 1000),
      actionSeconds: Math.round((actionsEnded - actionsStarted) / 1000),
      actions: {
        ...count(all, SOAK_USERS),
        byKind: Object.fromEntries(
          (['finish', 'stop', 'publish', 'newVersion'] as const).map((kind) => [
            kind,
            {
              attempted: all.filter((r) => r.action === kind).length,
              confirmed: all.filter((r) => r.action === kind && r.outcome === 'confirmed').length,
            },
          ]),
        ),
        viaHome: all.filter((r) => r.via === 'home').length,
        viaMenu: all.filter((r) => r.via === 'menu').length,
        byActor: Object.fromEntries(actors.map((a) => [a.name, count(a.records, SOAK_USERS)])),
      },
      faults: {
        ...Object.fromEntries(FAULT_KINDS.map((kind) => [kind, proxy.faults[kind]])),
        http412: proxy.upstreamStatuses[412] ?? 0,
        http409: proxy.upstreamStatuses[409] ?? 0,
      },
      testHiccups: actors.reduce((sum, a) => sum + a.hiccups.length, 0),
      violations: violations.length,
      violationsByInvariant: violations.reduce<Record<string, number>>((acc, v) => {
        acc[v.invariant] = (acc[v.invariant] ?? 0) + 1;
        return acc;
      }, {}),
    };
    fs.mkdirSync(LOGS, { recursive: true });
    fs.writeFileSync(path.join(LOGS, 'soak.json'), `${JSON.stringify(summary, null, 2)}\n`);
    fs.writeFileSync(
      path.join(LOGS, 'soak-details.json'),
      `${JSON.stringify(
        {
          summary,
          violations,
          hiccups: Object.fromEntries(actors.map((a) => [a.name, a.hiccups])),
          records: all,
          proxy: proxy.events,
          server: server1,
        },
        null,
        1,
      )}\n`,
    );
    const s = summary.actions;
    console.log(
      `soak: ${s.attempted} actions attempted, ${s.confirmed} confirmed, ${s.refusedWithReason} refused with who acted, ` +
        `${s.refusedWithoutReason} refused without, ${s.failed} failed, ${s.undetermined} unanswered, ${s.retries} retries; ` +
        `faults: ${FAULT_KINDS.map((k) => `${k} ${proxy.faults[k]}`).join(', ')}, 412 ${summary.faults.http412}, 409 ${summary.faults.http409}; ` +
        `seed ${SEED}; ${summary.seconds} s; ${violations.length} violations`,
    );
    for (const v of violations.slice(0, 40)) console.log(`  ✗ ${v.invariant}: ${v.detail}`);
    if (violations.length > 40) console.log(`  … ${violations.length - 40} more in target/test-logs/soak-details.json`);

    expect(all.length, 'at least 200 actions through the UI').toBeGreaterThanOrEqual(200);
    for (const kind of ['finish', 'stop', 'publish', 'newVersion'] as const) {
      expect(all.filter((r) => r.action === kind && r.outcome === 'confirmed').length, `${kind} exercised`).toBeGreaterThan(0);
    }
    expect(
      violations.length,
      `${violations.length} violations (${Object.entries(summary.violationsByInvariant)
        .map(([invariant, n]) => `${n}× ${invariant}`)
        .join('; ')}); the first ones:\n${violations
        .slice(0, 12)
        .map((v) => `- ${v.invariant}: ${v.detail}`)
        .join('\n')}\nall of them, with every action and proxy event: target/test-logs/soak-details.json`,
    ).toBe(0);
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    await proxy.stop();
    await stopServer(server.process);
  }
});

/// The embedded tabs each run the customer simulation: a finishing version
/// may have drained in one tab a moment before the other.
function mergeFinishing(rows: ShownVersion[]): ShownVersion[] {
  return rows.map((r) => (shownPhase(r.status) === 'finishing' ? { ...r, status: 'Finished' } : r));
}
