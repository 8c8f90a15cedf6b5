// A fault-injecting HTTP proxy in front of the reference server, for the soak
// test (tests/browser/soak.spec.ts). Plain node `http`, on 127.0.0.1 with a
// free port. Each request is forwarded as it is (headers, body, the server's
// CORS headers back), unless the seeded dice say to inflict a fault:
//
// - `error503`: answer 503 (the contract's error shape, with CORS headers so
//   the console can read it) without forwarding: nothing happened;
// - `drop`: forward, let the server apply the change, then destroy the client's
//   socket before a byte of the answer: the server applied it, the client
//   never hears;
// - `slowBody`: forward, send the status and headers at once, then dribble the
//   body over a few seconds (under the console's 15 s deadline);
// - `stalledBody`: forward, send the headers and a few bytes, then nothing for
//   longer than the console's 15 s deadline, then destroy the socket.
//
// Which request gets which fault is decided by the seed and the position of
// the request in its user's stream of change requests (or of reads), so the
// faults a user meets do not depend on how the users' requests interleave.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { nth } from './seeded_random';

export const FAULT_KINDS = ['error503', 'drop', 'slowBody', 'stalledBody'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/// Probability of each fault per request; the rest is forwarded untouched.
export type FaultRates = Record<FaultKind, number>;

export interface FaultProxyOptions {
  /// The server, such as `http://127.0.0.1:8787`.
  target: string;
  seed: number;
  /// The console's origin, for the CORS headers of the proxy's own answers.
  allowedOrigin: string;
  /// Bearer token → user name, to give each user a stream of decisions.
  users: Record<string, string>;
  /// For POST and DELETE (changes).
  changeRates: FaultRates;
  /// For GET (list, version, history); `/me` and `/health` are never faulted.
  readRates: FaultRates;
  /// How long a slow body takes, in ms (kept under the console's deadline).
  slowBodyMs: [number, number];
  /// How long a stalled body stalls before the socket is destroyed (> 15 s).
  stallMs: number;
  /// At most this many stalled bodies per user (each costs `stallMs`).
  maxStallsPerUser: number;
}

/// One request through the proxy, as the test log and the checker see it.
export interface ProxyEvent {
  at: number;
  user: string;
  method: string;
  path: string;
  idempotencyKey?: string;
  fault?: FaultKind;
  /// What the server answered (none for error503, which is not forwarded).
  upstreamStatus?: number;
  /// The length of a slow body or a stall, in ms.
  delayMs?: number;
  /// The client went away before the proxy finished (an abort, a time-out).
  clientGone?: boolean;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
]);

export class FaultProxy {
  readonly events: ProxyEvent[] = [];
  readonly faults: Record<FaultKind, number> = { error503: 0, drop: 0, slowBody: 0, stalledBody: 0 };
  /// What the server answered, by status (412s and 409s come from the users
  /// acting on the same journeys).
  readonly upstreamStatuses: Record<number, number> = {};
  private enabled = true;
  private server?: http.Server;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  private readonly counters = new Map<string, number>();
  private readonly stalls = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly targetUrl: URL;

  constructor(private readonly options: FaultProxyOptions) {
    this.targetUrl = new URL(options.target);
  }

  /// Starts listening on a free port of 127.0.0.1; returns the proxy's origin.
  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error) => {
        this.events.push({
          at: Date.now(),
          user: '?',
          method: request.method ?? '?',
          path: request.url ?? '?',
          fault: undefined,
          upstreamStatus: -1,
        });
        if (!response.headersSent) {
          response.writeHead(502, { 'Content-Type': 'text/plain' });
          response.end(`soak proxy: ${error}`);
        } else {
          response.destroy();
        }
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.agent.destroy();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /// Faults on or off (off for the final comparison, so it is quick).
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
  }

  private userOf(request: http.IncomingMessage): string {
    const auth = request.headers.authorization ?? '';
    const token = auth.replace(/^Bearer\s+/i, '');
    return this.options.users[token] ?? (token ? `token:${token}` : 'anonymous');
  }

  /// The fault for this request, from the seed and the request's position in
  /// its user's stream.
  private decide(user: string, method: string, path: string): { fault?: FaultKind; delayMs?: number } {
    if (!this.enabled || method === 'OPTIONS') return {};
    if (/\/(me|health)$/.test(path.split('?')[0]) || path.includes('/_test/')) return {};
    const stream = method === 'GET' ? 'read' : 'change';
    const key = `${user}|${stream}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const rng = nth(this.options.seed, n, 'proxy', user, stream);
    const rates = stream === 'read' ? this.options.readRates : this.options.changeRates;
    let roll = rng.next();
    for (const kind of FAULT_KINDS) {
      if (roll < rates[kind]) {
        if (kind === 'stalledBody') {
          const stalls = this.stalls.get(user) ?? 0;
          if (stalls >= this.options.maxStallsPerUser) return {};
          this.stalls.set(user, stalls + 1);
          return { fault: kind, delayMs: this.options.stallMs };
        }
        if (kind === 'slowBody') {
          const [min, max] = this.options.slowBodyMs;
          return { fault: kind, delayMs: rng.int(min, max) };
        }
        return { fault: kind };
      }
      roll -= rates[kind];
    }
    return {};
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const body = await readAll(request);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const user = this.userOf(request);
    const { fault, delayMs } = this.decide(user, method, path);
    const key = request.headers['idempotency-key'];
    const event: ProxyEvent = {
      at: Date.now(),
      user,
      method,
      path,
      idempotencyKey: typeof key === 'string' ? key : undefined,
      fault,
      delayMs,
    };
    this.events.push(event);
    if (fault) this.faults[fault]++;
    let clientGone = false;
    response.on('close', () => {
      if (!response.writableFinished) {
        clientGone = true;
        event.clientGone = true;
      }
    });

    if (fault === 'error503') {
      const origin = request.headers.origin;
      response.writeHead(503, {
        'Content-Type': 'application/json',
        ...(origin === this.options.allowedOrigin
          ? {
              'Access-Control-Allow-Origin': origin,
              'Access-Control-Expose-Headers': 'ETag',
            }
          : {}),
        Vary: 'Origin',
        'Cache-Control': 'no-store',
      });
      response.end(
        JSON.stringify({
          error: {
            code: 'server_error',
            message: 'Injected by the soak proxy: the server is unavailable.',
            current: null,
          },
        }),
      );
      return;
    }

    const upstream = await this.forward(request, body);
    event.upstreamStatus = upstream.status;
    this.upstreamStatuses[upstream.status] = (this.upstreamStatuses[upstream.status] ?? 0) + 1;
    if (clientGone) return;
    const headers = { ...upstream.headers };
    for (const name of Object.keys(headers)) {
      if (HOP_BY_HOP.has(name.toLowerCase())) delete headers[name];
    }
    const hasBody = upstream.status !== 204 && upstream.status !== 304 && method !== 'HEAD';
    if (hasBody) headers['content-length'] = String(upstream.body.length);

    switch (fault) {
      case 'drop':
        // The change is applied; the client sees its connection die before any
        // byte of the answer.
        response.socket?.destroy();
        return;
      case 'slowBody': {
        response.writeHead(upstream.status, headers);
        response.flushHeaders();
        if (!hasBody) {
          await this.sleep(delayMs ?? 0);
          response.end();
          return;
        }
        const pieces = Math.max(1, Math.min(8, upstream.body.length));
        const size = Math.ceil(upstream.body.length / pieces);
        for (let i = 0; i < pieces; i++) {
          await this.sleep((delayMs ?? 0) / pieces);
          if (clientGone || response.destroyed) return;
          response.write(upstream.body.subarray(i * size, (i + 1) * size));
        }
        response.end();
        return;
      }
      case 'stalledBody': {
        response.writeHead(upstream.status, headers);
        response.flushHeaders();
        if (hasBody) response.write(upstream.body.subarray(0, Math.min(8, upstream.body.length - 1)));
        await this.sleep(delayMs ?? 0);
        response.destroy();
        return;
      }
      default:
        response.writeHead(upstream.status, headers);
        response.end(hasBody ? upstream.body : undefined);
    }
  }

  private forward(request: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    const headers = { ...request.headers, host: this.targetUrl.host };
    for (const name of Object.keys(headers)) {
      if (HOP_BY_HOP.has(name.toLowerCase())) delete headers[name];
    }
    if (body.length > 0) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          host: this.targetUrl.hostname,
          port: this.targetUrl.port,
          method: request.method,
          path: request.url,
          headers,
          agent: this.agent,
        },
        (answer) => {
          readAll(answer)
            .then((buffer) =>
              resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: buffer }),
            )
            .catch(reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
