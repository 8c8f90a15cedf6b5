// The soak test's judge (tests/browser/soak.spec.ts): what each user was told,
// recorded as the test went, against the backend's own record (the reference
// server's history, or the embedded backend's history in localStorage), and
// what each console shows at the end against the backend's state.
//
// Plain data in, violations out: no browser here, so every rule can be read
// in one place.

export type ActionName = 'finish' | 'stop' | 'publish' | 'newVersion';

/// How one user action ended, as the user saw it.
/// - confirmed: the console said it was done (the success toast);
/// - refused: the console said it was not done, for a reason other than the
///   network or the server failing (someone else acted first, the rules);
/// - failed: the console said the server could not be reached or failed;
/// - undetermined: the console said nothing in time.
export type Outcome = 'confirmed' | 'refused' | 'failed' | 'undetermined';

export interface ActionRecord {
  /// Who drove it: 'Ada Admin', 'Olga Operator', 'Tab A', 'Tab B'.
  actor: string;
  /// The name the backend records the action under ('You' when embedded).
  user: string;
  backend: 'http' | 'embedded';
  seq: number;
  action: ActionName;
  /// Home's quick action, or the detail view's Actions menu.
  via: 'home' | 'menu';
  journey: string;
  /// The version acted on (for a new version: the one it is made from).
  version: number;
  /// The Stop reason typed, if any.
  reason?: string;
  startedAt: number;
  endedAt: number;
  /// Every message the console showed about this action, in order: failures
  /// in the dialog (or toasts for a new version), then the final one.
  messages: string[];
  outcome: Outcome;
  /// Times the user pressed the confirm button again after a failure.
  retries: number;
  /// For a confirmed new version: the number (and id) the console gave it.
  created?: { version: number; id?: string };
  /// The confirm button (or menu item) was pressed: the action left the user's
  /// hands. A record the test could not get this far with is dropped.
  sent?: boolean;
}

export interface BackendVersion {
  id: string;
  journeyId: string;
  name: string;
  version: number;
  status: 'draft' | 'live' | 'finished' | 'stopped';
  updatedBy: string;
  stats: { active: number };
}

export interface BackendHistoryEntry {
  at: string;
  by: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface BackendSnapshot {
  versions: BackendVersion[];
  history: Record<string, BackendHistoryEntry[]>;
}

/// One row of Home as a console showed it.
export interface ShownVersion {
  journey: string;
  version: number;
  /// The Status cell as shown: "Live", "Finishing · 12 left", …
  status: string;
}

export interface Violation {
  invariant: string;
  detail: string;
}

const HISTORY_ACTIONS: Record<string, ActionName> = {
  finish: 'finish',
  stop: 'stop',
  publish: 'publish',
  newVersion: 'newVersion',
};

/// Whether a failure message promises that the console itself will try again
/// (then the action may still be applied after the user was told it failed).
export function saysItWillRetry(message: string): boolean {
  return /\b(will|shall) (try|retry|send) (it )?again\b|\bretrying\b|\bkeeps? trying\b/i.test(message);
}

/// A failure the network or the server caused (as opposed to a refusal).
export function isTransientFailure(message: string): boolean {
  return /could not be reached|The server had a problem|answer was not usable|no answer within/i.test(message);
}

/// The status a backend version is shown with on Home, in lower case:
/// "live", "draft", "finishing", "finished", "stopped".
export function expectedPhase(version: BackendVersion): string {
  if (version.status === 'finished' && version.stats.active > 0) return 'finishing';
  return version.status;
}

/// "Finishing · 12 left" → "finishing".
export function shownPhase(status: string): string {
  return status.trim().split(/\s/)[0].toLowerCase();
}

function keyOf(journey: string, version: number, action: string, user: string): string {
  return `“${journey}” version ${version} ${action} by ${user}`;
}

function describe(record: ActionRecord): string {
  const said = record.messages.length ? ` — console said: ${record.messages.map((m) => JSON.stringify(m)).join(' then ')}` : '';
  return `${record.actor} #${record.seq} ${record.action} via ${record.via} (${record.outcome}, ${record.retries} retries)${said}`;
}

function describeEntry(version: BackendVersion, entry: BackendHistoryEntry): string {
  return `${version.id} ${entry.action} by ${entry.by} at ${entry.at}${entry.reason ? ` (${entry.reason})` : ''}`;
}

/// Every confirmed action applied exactly once, nothing applied that its user
/// was told failed, nothing applied that nobody asked for: the backend's
/// history is matched with the records by version, action and user.
export function checkHistory(
  label: string,
  records: ActionRecord[],
  backend: BackendSnapshot,
  users: string[],
): Violation[] {
  const violations: Violation[] = [];
  const byId = new Map(backend.versions.map((v) => [v.id, v]));
  type Applied = { version: BackendVersion; entry: BackendHistoryEntry; created?: number };
  const applied = new Map<string, Applied[]>();
  for (const [id, entries] of Object.entries(backend.history)) {
    const version = byId.get(id);
    if (!version) continue;
    for (const entry of entries) {
      if (!users.includes(entry.by)) continue;
      const action = HISTORY_ACTIONS[entry.action];
      if (!action) {
        violations.push({
          invariant: `${label}: nothing applied that nobody asked for`,
          detail: `${describeEntry(version, entry)}: the soak never asks for ${entry.action}`,
        });
        continue;
      }
      // Publishing a version finishes the live one it replaces, recorded on
      // that one under the publisher's name: part of the publish.
      if (action === 'finish' && /^Replaced by version \d+$/.test(entry.reason ?? '')) continue;
      let key: string;
      let created: number | undefined;
      if (action === 'newVersion') {
        const base = /^Created from version (\d+)$/.exec(entry.reason ?? '');
        if (!base) {
          violations.push({
            invariant: `${label}: history readable`,
            detail: `${describeEntry(version, entry)}: no "Created from version N"`,
          });
          continue;
        }
        key = keyOf(version.name, Number(base[1]), action, entry.by);
        created = version.version;
      } else {
        key = keyOf(version.name, version.version, action, entry.by);
      }
      const list = applied.get(key) ?? [];
      list.push({ version, entry, created });
      applied.set(key, list);
    }
  }

  const asked = new Map<string, ActionRecord[]>();
  for (const record of records) {
    const key = keyOf(record.journey, record.version, record.action, record.user);
    const list = asked.get(key) ?? [];
    list.push(record);
    asked.set(key, list);
  }

  for (const key of new Set([...applied.keys(), ...asked.keys()])) {
    const entries = applied.get(key) ?? [];
    const tries = asked.get(key) ?? [];
    const confirmed = tries.filter((r) => r.outcome === 'confirmed');
    const toldFailed = tries.filter(
      (r) => (r.outcome === 'failed' || r.outcome === 'refused') && !r.messages.some(saysItWillRetry),
    );
    const unanswered = tries.filter((r) => r.outcome === 'undetermined');
    const server = entries.map((a) => describeEntry(a.version, a.entry)).join('; ') || 'nothing';
    if (confirmed.length > entries.length) {
      const actors = [...new Set(confirmed.map((r) => r.actor))];
      const why =
        entries.length > 0 && actors.length > 1
          ? `: ${actors.join(' and ')} each confirmed it, so one of them confirmed an action on a state the other had already changed, and that confirmation is nowhere in the history`
          : '';
      violations.push({
        invariant: `${label}: no confirmed action lost`,
        detail: `${key}: confirmed ${confirmed.length}×, applied ${entries.length}× (history: ${server})${why} — ${confirmed.map(describe).join(' | ')}`,
      });
    }
    if (entries.length > confirmed.length) {
      const extra = entries.length - confirmed.length;
      if (confirmed.length > 0) {
        violations.push({
          invariant: `${label}: no confirmed action doubled`,
          detail: `${key}: confirmed ${confirmed.length}×, applied ${entries.length}× (history: ${server}) — ${confirmed.map(describe).join(' | ')}`,
        });
      } else if (toldFailed.length > 0) {
        violations.push({
          invariant: `${label}: nothing applied that its user was told failed`,
          detail: `${key}: applied ${extra}× (history: ${server}), yet the user was told it failed — ${toldFailed.map(describe).join(' | ')}`,
        });
      } else if (unanswered.length > 0) {
        violations.push({
          invariant: `${label}: nothing applied that its user was told failed`,
          detail: `${key}: applied ${extra}× (history: ${server}) while the console never answered — ${unanswered.map(describe).join(' | ')}`,
        });
      } else {
        violations.push({
          invariant: `${label}: nothing applied that nobody asked for`,
          detail: `${key}: applied ${extra}× (history: ${server}) but no such action was confirmed, refused or pending${tries.length ? ` — ${tries.map(describe).join(' | ')}` : ''}`,
        });
      }
    }
    // A confirmed new version is the version the backend created.
    if (confirmed.length === 1 && entries.length === 1 && confirmed[0].action === 'newVersion') {
      const said = confirmed[0].created?.version;
      if (said !== entries[0].created) {
        violations.push({
          invariant: `${label}: a confirmed new version is the one created`,
          detail: `${key}: the console said version ${said}, the backend created version ${entries[0].created} — ${describe(confirmed[0])}`,
        });
      }
    }
  }
  for (const record of records) {
    if (record.outcome === 'undetermined') {
      violations.push({
        invariant: `${label}: every action answered`,
        detail: `“${record.journey}” version ${record.version} ${record.action} by ${record.user}: no answer — ${describe(record)}`,
      });
    }
  }
  return violations;
}

/// Every refusal tells its user who acted: the message names a person who
/// really changed that version (the server's history says so). A refusal
/// naming only the user themself means their console had forgotten their own
/// change (or never told them of it).
export function checkRefusals(
  label: string,
  records: ActionRecord[],
  backend: BackendSnapshot,
  users: string[],
): Violation[] {
  const violations: Violation[] = [];
  for (const record of records) {
    if (record.outcome !== 'refused') continue;
    const message = record.messages[record.messages.length - 1] ?? '';
    const named = users.filter((user) => message.includes(user));
    const version = backend.versions.find((v) => v.name === record.journey && v.version === record.version);
    const changers = new Set((version && backend.history[version.id] ? backend.history[version.id] : []).map((e) => e.by));
    if (named.length === 0) {
      violations.push({
        invariant: `${label}: every refusal names who acted`,
        detail: `“${record.journey}” version ${record.version} ${record.action} by ${record.user}: refused without saying who acted (last changed by ${version?.updatedBy ?? '?'}) — ${describe(record)}`,
      });
      continue;
    }
    const wrong = named.filter((user) => !changers.has(user));
    if (wrong.length === named.length) {
      violations.push({
        invariant: `${label}: every refusal names who acted`,
        detail: `“${record.journey}” version ${record.version} ${record.action} by ${record.user}: names ${wrong.join(', ')}, who never changed this version (history by: ${[...changers].join(', ')}) — ${describe(record)}`,
      });
      continue;
    }
    if (named.every((user) => user === record.user)) {
      const mine = records.filter(
        (r) =>
          r.user === record.user &&
          r.journey === record.journey &&
          r.endedAt <= record.startedAt &&
          (r.version === record.version || r.action === 'publish'),
      );
      const confirmedBefore = mine.filter((r) => r.outcome === 'confirmed' && r.version === record.version);
      const detail = `“${record.journey}” version ${record.version} ${record.action} by ${record.user}: refused because of ${record.user}'s own change`;
      if (confirmedBefore.length > 0) {
        violations.push({
          invariant: `${label}: no confirmed action undone`,
          detail: `${detail}, which the console had confirmed (${confirmedBefore.map(describe).join(' | ')}) and then showed as not done — ${describe(record)}`,
        });
      } else if (!mine.some((r) => r.outcome !== 'confirmed')) {
        violations.push({
          invariant: `${label}: every refusal names who acted`,
          detail: `${detail}, but ${record.user} had no earlier action on it — ${describe(record)}`,
        });
      }
      // Otherwise an earlier action of theirs was told failed and applied:
      // reported by checkHistory.
    }
  }
  return violations;
}

/// A console's final Home against the backend: every version listed, each with
/// the backend's status, and nothing more.
export function checkShown(label: string, shown: ShownVersion[], backend: BackendSnapshot): Violation[] {
  const violations: Violation[] = [];
  const key = (journey: string, version: number) => `“${journey}” version ${version}`;
  const onScreen = new Map(shown.map((s) => [key(s.journey, s.version), s]));
  const differences: string[] = [];
  for (const version of backend.versions) {
    const k = key(version.name, version.version);
    const row = onScreen.get(k);
    onScreen.delete(k);
    const expected = expectedPhase(version);
    if (!row) differences.push(`${k} (${version.id}) is ${expected} but not shown`);
    else if (shownPhase(row.status) !== expected) {
      differences.push(`${k} (${version.id}) shown "${row.status}", backend: ${expected} (last changed by ${version.updatedBy})`);
    }
  }
  for (const [k, row] of onScreen) differences.push(`${k} shown "${row.status}" but not in the backend`);
  for (const difference of differences) {
    violations.push({ invariant: `${label}: final state equals the backend's`, detail: difference });
  }
  return violations;
}

/// Two consoles show the same versions with the same statuses.
export function checkSame(label: string, a: [string, ShownVersion[]], b: [string, ShownVersion[]]): Violation[] {
  const violations: Violation[] = [];
  const key = (s: ShownVersion) => `“${s.journey}” version ${s.version}`;
  const left = new Map(a[1].map((s) => [key(s), s]));
  const right = new Map(b[1].map((s) => [key(s), s]));
  for (const k of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(k);
    const r = right.get(k);
    if (!l || !r || shownPhase(l.status) !== shownPhase(r.status)) {
      violations.push({
        invariant: `${label}: both show the same statuses`,
        detail: `${k}: ${a[0]} shows ${l ? `"${l.status}"` : 'nothing'}, ${b[0]} shows ${r ? `"${r.status}"` : 'nothing'}`,
      });
    }
  }
  return violations;
}

export interface SoakCounts {
  attempted: number;
  confirmed: number;
  refusedWithReason: number;
  refusedWithoutReason: number;
  failed: number;
  undetermined: number;
  retries: number;
}

export function count(records: ActionRecord[], names: string[]): SoakCounts {
  const refused = records.filter((r) => r.outcome === 'refused');
  const namesWho = (r: ActionRecord) => names.some((n) => (r.messages[r.messages.length - 1] ?? '').includes(n));
  return {
    attempted: records.length,
    confirmed: records.filter((r) => r.outcome === 'confirmed').length,
    refusedWithReason: refused.filter(namesWho).length,
    refusedWithoutReason: refused.filter((r) => !namesWho(r)).length,
    failed: records.filter((r) => r.outcome === 'failed').length,
    undetermined: records.filter((r) => r.outcome === 'undetermined').length,
    retries: records.reduce((sum, r) => sum + r.retries, 0),
  };
}
