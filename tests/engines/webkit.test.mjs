// The product's Finish and Stop procedures in WebKit (Debian's WebKitGTK
// MiniBrowser through WebKitWebDriver, under Xvfb), against the release build
// on the embedded backend. Run alone: `npm run test:engines` (README, "Tests").

import { after, before, describe, it } from 'node:test';

import { finishFromHomeQuickAction, stopFromDetailMenu } from './support/procedures.mjs';
import { startServer } from './support/server.mjs';
import { WebKitPage } from './support/webkit.mjs';

/// Loopback ports 4173-4175 are Playwright's; Firefox's run takes 4180.
const PORT = 4181;

describe('WebKit (WebKitGTK, classic WebDriver)', () => {
  let server;

  before(async () => {
    server = await startServer(PORT);
  });

  after(async () => {
    await server?.stop();
  });

  /// Runs `steps` in a browser session of its own, on fresh demo data.
  async function inNewSession(steps) {
    const page = await WebKitPage.open(server.url);
    try {
      await steps(page);
    } finally {
      await page.close();
    }
  }

  it('Finish from the quick action of a hovered Home row', { timeout: 180_000 }, () =>
    inNewSession(finishFromHomeQuickAction));

  it("Stop from the detail view's Actions menu", { timeout: 180_000 }, () =>
    inNewSession(stopFromDetailMenu));
});
