// Firefox (Debian's firefox-esr, or FIREFOX) driven over WebDriver BiDi by
// puppeteer-core, which never downloads a browser. Elements are found by role
// and accessible name with puppeteer's ARIA selectors: over BiDi they become
// browsingContext.locateNodes with an accessibility locator, so Firefox's own
// accessibility code computes each role and name (and leaves out what is not
// in its accessibility tree, such as a `hidden` button).

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

import puppeteer from 'puppeteer-core';

import { drawnOpacity, shownText } from './in_page.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/// How long to wait for anything: generous, the machine is shared.
const TIMEOUT = 30_000;

/// A headless Firefox with a fresh temporary profile (puppeteer's, whose
/// preferences already keep updates, telemetry, Safe Browsing and remote
/// settings off the network), plus what a closed network also needs.
export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    timeout: 60_000,
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      // Headless Firefox has no pointing device, so it matches
      // `(hover: none)`, where the console shows the quick actions at all
      // times. The seed's procedure is a person with a mouse: a fine pointer
      // that can hover (bits: 2 fine, 4 hover).
      'ui.primaryPointerCapabilities': 6,
      'ui.allPointerCapabilities': 6,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.region.network.url': '',
      'browser.region.update.enabled': false,
    },
  });
}

function ariaSelector(role, name) {
  // Puppeteer's ARIA selector takes quoted values but no escaped quotes.
  for (const value of [role, name ?? '']) {
    if (value.includes('"')) throw new Error(`cannot look up a name with a double quote: ${value}`);
  }
  return `::-p-aria(${name === undefined ? '' : `[name="${name}"]`}[role="${role}"])`;
}

function described(role, name) {
  return name === undefined ? `a ${role}` : `the ${role} “${name}”`;
}


/// One tab of its own browser context (its own storage: fresh demo data).
export class FirefoxPage {
  static async open(browser, url) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url);
    return new FirefoxPage(context, page);
  }

  constructor(context, page) {
    this.context = context;
    this.page = page;
  }

  async close() {
    await this.context.close();
  }

  async byRole(role, name, { within } = {}) {
    const scope = within ?? this.page;
    const selector = ariaSelector(role, name);
    await scope.waitForSelector(selector, { timeout: TIMEOUT }).catch((error) => {
      throw new Error(`${described(role, name)} did not show up: ${error.message}`);
    });
    return this.until(async () => {
      const found = await scope.$$(selector);
      assert.equal(found.length, 1, `exactly one of ${described(role, name)}`);
      return found[0];
    });
  }

  async allByRole(role, name, { within } = {}) {
    return (within ?? this.page).$$(ariaSelector(role, name));
  }

  async noneByRole(role, name, { within } = {}) {
    const selector = ariaSelector(role, name);
    const scope = within ?? this.page;
    await scope.waitForSelector(selector, { hidden: true, timeout: TIMEOUT }).catch((error) => {
      throw new Error(`${described(role, name)} is still there: ${error.message}`);
    });
  }

  async text(element) {
    return element.evaluate(shownText);
  }

  async attribute(element, name) {
    return element.evaluate((e, name) => e.getAttribute(name), name);
  }

  async hover(element) {
    await element.hover();
  }

  async click(element) {
    await element.click();
  }

  async drawnOpacity(element) {
    return element.evaluate(drawnOpacity);
  }

  /// Runs `check` until it returns without throwing (its assertions hold),
  /// and returns what it returned; fails with its last error after TIMEOUT.
  async until(check) {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await sleep(100);
    }
  }
}
