import { defineConfig } from '@playwright/test';

// The built app (dist/, from `trunk build --release`) served as static files,
// the way a CDN serves it, and driven in Debian's headless Chromium; beside it,
// the reference server (built by scripts/test) for the tests of the HTTP
// backend, on another origin so CORS is exercised for real.
const port = 4173;
const server = process.env.JOURNEY_SERVER_BIN || 'target/debug/journey-server';

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'target/test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'target/test-logs/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'console', testIgnore: /soak\.spec\.ts$/ },
    // The soak runs alone, after everything else: it acts against the clock,
    // and sharing the two cores with other tests would only slow it down.
    { name: 'soak', testMatch: /soak\.spec\.ts$/, dependencies: ['console'] },
  ],
  webServer: [
    {
      command: `serve --single --no-clipboard --no-port-switching --listen tcp://127.0.0.1:${port} ${process.env.JOURNEY_DIST || 'dist'}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // The release build under a sub-path with a strict CSP, as a CDN serves it.
      command:
        'serve --config ../../tests/static_hosting/serve.json --no-clipboard --no-port-switching --listen tcp://127.0.0.1:4174 target/cdn-root',
      url: 'http://127.0.0.1:4174/tools/journeys/',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // A host page of another product embedding the console (tests/embedding).
      command:
        'serve --config ../../tests/embedding/serve.json --no-clipboard --no-port-switching --listen tcp://127.0.0.1:4175 target/cdn-root',
      url: 'http://127.0.0.1:4175/host/index.html',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // A host page of another product on an origin of its own, sent with a
      // strict CSP, embedding the console from a CDN on another origin
      // (tests/cross_origin: the host, and the two CDN configurations below).
      command:
        'serve --config ../host.json --no-clipboard --no-port-switching --listen tcp://127.0.0.1:4176 tests/cross_origin/host',
      url: 'http://127.0.0.1:4176/',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // That CDN: the release build under /tools/journeys/, with CORS headers.
      command:
        'serve --config ../../tests/cross_origin/cdn.json --no-clipboard --no-port-switching --listen tcp://127.0.0.1:4177 target/cdn-root',
      url: 'http://127.0.0.1:4177/tools/journeys/embed.js',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // The same CDN without CORS headers (the documented failure).
      command:
        'serve --config ../../tests/cross_origin/cdn-without-cors.json --no-clipboard --no-port-switching --listen tcp://127.0.0.1:4178 target/cdn-root',
      url: 'http://127.0.0.1:4178/tools/journeys/embed.js',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // The cross-origin host's backend: a reference server of its own, so
      // that resets by the spec files sharing 8787 never reach it.
      command: [
        server,
        '--listen 127.0.0.1:8788',
        '--db :memory:',
        '--fault-injection',
        '--no-simulation',
        '--allow-origin http://127.0.0.1:4176',
        "--token 'operator:operator-token:Olga Operator'",
      ].join(' '),
      url: 'http://127.0.0.1:8788/api/health',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // Pausing and a scheduled finish over HTTP, on a server of its own:
      // its clock is moved on (POST /_test/advance), which other specs'
      // journeys must not feel (pause_and_schedule.spec.ts).
      command: [
        server,
        '--listen 127.0.0.1:8790',
        '--db :memory:',
        '--fault-injection',
        '--no-simulation',
        `--allow-origin http://127.0.0.1:${port}`,
        "--token 'operator:operator-token:Olga Operator'",
      ].join(' '),
      url: 'http://127.0.0.1:8790/api/health',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // A server that predates pausing and a scheduled finish: it lists no
      // features at /me and answers their routes like unknown ones
      // (pause_and_schedule.spec.ts).
      command: [
        server,
        '--listen 127.0.0.1:8789',
        '--db :memory:',
        '--without-features',
        '--fault-injection',
        '--no-simulation',
        `--allow-origin http://127.0.0.1:${port}`,
        "--token 'operator:operator-token:Olga Operator'",
      ].join(' '),
      url: 'http://127.0.0.1:8789/api/health',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // tests/browser/http_backend.spec.ts's server, apart from the embedding
      // host's (8787): the two spec files reset their servers and act on the
      // same journeys, and may run at the same time in the two workers.
      command: [
        server,
        '--listen 127.0.0.1:8791',
        '--db :memory:',
        '--fault-injection',
        '--no-simulation',
        `--allow-origin http://127.0.0.1:${port}`,
        "--token 'viewer:viewer-token:Vera Viewer'",
        "--token 'operator:operator-token:Olga Operator'",
        "--token 'admin:admin-token:Ada Admin'",
      ].join(' '),
      url: 'http://127.0.0.1:8791/api/health',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: [
        server,
        '--listen 127.0.0.1:8787',
        '--db :memory:',
        '--fault-injection',
        // Counts stand still, so an unchanged list is really unchanged (304).
        '--no-simulation',
        `--allow-origin http://127.0.0.1:${port}`,
        '--allow-origin http://127.0.0.1:4175',
        "--token 'viewer:viewer-token:Vera Viewer'",
        "--token 'operator:operator-token:Olga Operator'",
        "--token 'admin:admin-token:Ada Admin'",
      ].join(' '),
      url: 'http://127.0.0.1:8787/api/health',
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
