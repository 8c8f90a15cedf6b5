import { defineConfig } from '@playwright/test';

// The built app (dist/, from `trunk build --release`) served as static files,
// the way a CDN serves it, and driven in Debian's headless Chromium.
const port = 4173;

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
  webServer: {
    command: `serve --single --no-clipboard --no-port-switching --listen tcp://127.0.0.1:${port} dist`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
