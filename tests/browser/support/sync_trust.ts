// Support for tests/browser/sync_trust.spec.ts: a reference server of the
// spec's own, pointing the console at it, reading what the server holds, and
// holding back or stalling answers the way a slow or broken network does.

import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  expect,
  test as base,
  type APIRequestContext,
  type Page,
  type Route,
} from '@playwright/test';

export const TOKENS = {
  viewer: 'viewer-token',
  operator: 'operator-token',
  admin: 'admin-token',
} as const;
export type Role = keyof typeof TOKENS;

/// The names the server records changes under, one per token.
export const NAMES: Record<Role, string> = {
  viewer: 'Vera Viewer',
  operator: 'Olga Operator',
  admin: 'Ada Admin',
};

/// Where playwright.config.ts serves the console (dist/).
export const CONSOLE_ORIGIN = 'http://127.0.0.1:4173';

/// Starts a reference server like the one playwright.config.ts starts (same
/// options), on a free port: these tests reset and fault it freely without
/// disturbing the other spec files that share the config's server on 8787,
/// whichever worker they run in.
async function startReferenceServer(): Promise<{ api: string; stop: () => Promise<void> }> {
  const binary = process.env.JOURNEY_SERVER_BIN || 'target/debug/journey-server';
  const child = spawn(
    binary,
    [
      '--listen', '127.0.0.1:0',
      '--db', ':memory:',
      '--fault-injection',
      '--no-simulation',
      '--allow-origin', CONSOLE_ORIGIN,
      ...Object.entries(TOKENS).flatMap(([role, token]) => [
        '--token',
        `${role}:${token}:${NAMES[role as Role]}`,
      ]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const api = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = output.match(/listening on (http:\/\/\S+)/);
      if (listening) resolve(listening[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`${binary} exited with ${code} before listening:\n${output}`)),
    );
  });
  return {
    api,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/// `server`: the API base of a reference server on freshly seeded demo data.
export const test = base.extend<{ server: string }, { referenceServer: string }>({
  referenceServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startReferenceServer();
      await use(server.api);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  server: async ({ referenceServer, request }, use) => {
    const reset = await request.post(`${referenceServer}/_test/reset`);
    expect(reset.ok()).toBeTruthy();
    await use(referenceServer);
  },
});

/// Points the console at `api` (config.json as a deployment would serve it).
export async function useServer(
  page: Page,
  api: string,
  role: Role,
  pollIntervalMs: number,
): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ backend: 'http', apiBase: api, token: TOKENS[role], pollIntervalMs }),
    }),
  );
}

export type Version = {
  id: string;
  status: string;
  revision: number;
  stopReason: string | null;
  [field: string]: unknown;
};

/// A version as the server has it now.
export async function serverVersion(
  request: APIRequestContext,
  api: string,
  id: string,
): Promise<Version> {
  const response = await request.get(`${api}/journeys/${id}`, {
    headers: { Authorization: `Bearer ${TOKENS.viewer}` },
  });
  expect(response.status()).toBe(200);
  return response.json();
}

/// One page of the list as the server has it now.
export async function serverList(
  request: APIRequestContext,
  api: string,
  query = '',
): Promise<{ items: Version[]; next: string | null }> {
  const response = await request.get(`${api}/journeys${query}`, {
    headers: { Authorization: `Bearer ${TOKENS.viewer}` },
  });
  expect(response.status()).toBe(200);
  return response.json();
}

export async function serverHistory(
  request: APIRequestContext,
  api: string,
  id: string,
): Promise<Array<{ action: string; by: string; reason: string | null }>> {
  const response = await request.get(`${api}/journeys/${id}/history`, {
    headers: { Authorization: `Bearer ${TOKENS.viewer}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).items;
}

/// Changes a version as another person would, straight through the API.
export async function actElsewhere(
  request: APIRequestContext,
  api: string,
  id: string,
  action: 'finish' | 'stop',
  key: string,
): Promise<void> {
  const current = await serverVersion(request, api, id);
  const response = await request.post(`${api}/journeys/${id}/${action}`, {
    headers: {
      Authorization: `Bearer ${TOKENS.operator}`,
      'If-Match': `"${current.revision}"`,
      'Idempotency-Key': key,
    },
  });
  expect(response.status()).toBe(200);
}

/// The body of a contract error (docs/contract/README.md, "Errors").
export function errorBody(code: string, message: string, current?: Version): string {
  return JSON.stringify({ error: { code, message, current: current ?? null } });
}

export type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void };

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/// Holds back the first request to `url` (it is not sent on) until the test
/// answers it through the route `arrived` resolves with; later ones go through.
export async function holdFirst(page: Page, url: string): Promise<{ arrived: Promise<Route> }> {
  const held = deferred<Route>();
  let seen = false;
  await page.route(url, async (route) => {
    if (!seen) {
      seen = true;
      held.resolve(route);
      return;
    }
    await route.continue();
  });
  return { arrived: held.promise };
}

/// Lets the console finish reacting to what just happened: its reactive
/// updates run as microtasks and its drawing by the next frame, so once a
/// frame and a task have passed, what it was going to show is shown.
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

/// A proxy in front of `api` on 127.0.0.1 that, for the first request
/// `stalls` picks, sends the status line and headers, then a few bytes of
/// the body, and nothing more (the connection stays open, as with a proxy
/// that hangs mid-answer). Everything else is passed through unchanged.
export async function startStallingProxy(
  api: string,
  stalls: (request: http.IncomingMessage) => boolean,
): Promise<{ api: string; stalled: Promise<void>; close: () => Promise<void> }> {
  const target = new URL(api);
  const stalled = deferred();
  let stalledOnce = false;
  const proxy = http.createServer((request, response) => {
    if (!stalledOnce && stalls(request)) {
      stalledOnce = true;
      const origin = request.headers.origin;
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-cache',
        ...(origin
          ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'ETag', Vary: 'Origin' }
          : {}),
      });
      response.flushHeaders();
      response.write('{"items":[');
      stalled.resolve();
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}${target.pathname}`,
    stalled: stalled.promise,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

/// A sign-in page such as a gateway in front of an API sends requests on to
/// once a session is over: HTML, readable by the console's scripts (as on
/// the API's own origin), for any method.
export async function startSignInPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const page = http.createServer((request, response) => {
    response.writeHead(200, {
      'Content-Type': 'text/html',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
    });
    response.end(request.method === 'OPTIONS' ? '' : '<html><body><h1>Sign in</h1></body></html>');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const { port } = page.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sign-in`,
    close: () =>
      new Promise<void>((resolve) => {
        page.closeAllConnections();
        page.close(() => resolve());
      }),
  };
}

/// Everything in the origin's localStorage (only the console writes there),
/// to notice when a tab saves.
export async function savedInBrowser(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify(
      Object.keys(localStorage)
        .sort()
        .map((key) => [key, localStorage.getItem(key)]),
    ),
  );
}
