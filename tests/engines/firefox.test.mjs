// The product's Finish and Stop procedures in Firefox (Debian's firefox-esr,
// headless, over WebDriver BiDi), against the release build on the embedded
// backend. Run alone: `npm run test:engines` (README, "Tests").

import { after, before, describe, it } from 'node:test';

import { FirefoxPage, launchFirefox } from './support/firefox.mjs';
import { finishFromHomeQuickAction, stopFromDetailMenu } from './support/procedures.mjs';
import { startServer } from './support/server.mjs';

/// Loopback ports 4173-4175 are Playwright's; WebKit's run takes 4181.
const PORT = 4180;

describe('Firefox (WebDriver BiDi)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer(PORT);
    browser = await launchFirefox();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /// Runs `steps` in a tab of its own, on fresh demo data.
  async function inNewTab(steps) {
    const page = await FirefoxPage.open(browser, server.url);
    try {
      await steps(page);
    } finally {
      await page.close();
    }
  }

  it('Finish from the quick action of a hovered Home row', { timeout: 180_000 }, () =>
    inNewTab(finishFromHomeQuickAction));

  it("Stop from the detail view's Actions menu", { timeout: 180_000 }, () =>
    inNewTab(stopFromDetailMenu));
});
