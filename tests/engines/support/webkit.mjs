// WebKit (Debian's webkit2gtk-driver: WebKitWebDriver driving WebKitGTK's
// MiniBrowser) over classic WebDriver, with selenium-webdriver as the client.
// MiniBrowser has no headless mode, so it needs an X display: the engine tests
// run under `xvfb-run -a`.
//
// Elements are found by role and accessible name with the WebDriver commands
// Get Computed Role and Get Computed Label, which ask WebKit's own
// accessibility code. Classic WebDriver cannot search by role, so candidates
// come from a CSS selector of the elements that can carry the role (their
// tags, or the role attribute), and WebKit decides. Unlike Firefox's locator,
// those commands also answer for elements that are not rendered (a closed
// <dialog> still has the role "dialog" and its name), so candidates outside
// the accessibility tree (not rendered, or under aria-hidden) are left out.

import { By, Capabilities, WebDriver, error } from 'selenium-webdriver';
import * as http from 'selenium-webdriver/http/index.js';
import remote from 'selenium-webdriver/remote/index.js';

import { drawnOpacity, shownText } from './in_page.mjs';

const TRIPLETS = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };
export const WEBKIT_WEBDRIVER = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER || `/usr/lib/${TRIPLETS[process.arch] ?? process.arch}/webkit2gtk-4.1/MiniBrowser`;

/// How long to wait for anything: generous, the machine is shared.
const TIMEOUT = 30_000;

/// Where each role used by the tests can come from. Any other role is looked
/// for among all elements.
const CANDIDATES = {
  article: 'article, [role]',
  button: 'button, input[type="button"], input[type="submit"], input[type="reset"], summary, [role]',
  cell: 'td, [role]',
  dialog: 'dialog, [role]',
  heading: 'h1, h2, h3, h4, h5, h6, [role]',
  link: 'a[href], area[href], [role]',
  menu: '[role]',
  menuitem: '[role]',
  paragraph: 'p, [role]',
  row: 'tr, [role]',
  status: 'output, [role]',
  table: 'table, [role]',
};

/// For each element: whether it is in the accessibility tree at all (it is
/// laid out, not hidden, and not under aria-hidden). WebKitGTK 2.50 has no
/// Element.checkVisibility(), hence the layout boxes.
function exposed(...elements) {
  return elements.map(
    (e) =>
      e.getClientRects().length > 0 &&
      getComputedStyle(e).visibility !== 'hidden' &&
      !e.closest('[aria-hidden="true"]'),
  );
}


function described(role, name) {
  return name === undefined ? `a ${role}` : `the ${role} “${name}”`;
}

/// A MiniBrowser session of its own (an ephemeral profile: fresh demo data),
/// through a WebKitWebDriver of its own on a free loopback port.
export class WebKitPage {
  static async open(url) {
    if (!process.env.DISPLAY) {
      throw new Error('WebKitGTK needs an X display: run the engine tests under `xvfb-run -a`');
    }
    const service = new remote.DriverService.Builder(WEBKIT_WEBDRIVER)
      .setLoopback(true)
      .setStdio(['ignore', 'ignore', 'inherit'])
      .build();
    const address = await service.start(60_000);
    const capabilities = new Capabilities({
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    });
    const driver = WebDriver.createSession(
      new http.Executor(new http.HttpClient(address)),
      capabilities,
      () => service.kill(),
    );
    try {
      await driver.getSession();
      await driver.manage().setTimeouts({ pageLoad: 60_000, script: 60_000 });
      await driver.manage().window().setRect({ width: 1280, height: 720 });
      await driver.get(url);
    } catch (failure) {
      await driver.quit().catch(() => service.kill());
      throw failure;
    }
    return new WebKitPage(driver);
  }

  constructor(driver) {
    this.driver = driver;
  }

  async close() {
    await this.driver.quit();
  }

  async allByRole(role, name, { within } = {}) {
    const scope = within ?? this.driver;
    const candidates = await scope.findElements(By.css(CANDIDATES[role] ?? '*'));
    if (candidates.length === 0) return [];
    // One argument each: WebKitWebDriver leaves element references inside an
    // array argument as plain objects.
    const inTree = await this.driver.executeScript(exposed, ...candidates);
    const found = [];
    for (const [i, element] of candidates.entries()) {
      if (!inTree[i]) continue;
      const matches = await this.#ask(element, async () => {
        if ((await element.getAriaRole()) !== role) return false;
        return name === undefined || (await element.getAccessibleName()) === name;
      });
      if (matches) found.push(element);
    }
    return found;
  }

  /// `question()` about `element`, or false if the element left the
  /// accessibility tree meanwhile: WebKit then answers Get Computed Role and
  /// Label with an error ("stale element" once removed, an unknown error with
  /// no message once hidden). Any other error is a real one.
  async #ask(element, question) {
    try {
      return await question();
    } catch (failure) {
      const [stillThere] = await this.driver.executeScript(exposed, element).catch(() => [false]);
      if (stillThere) throw failure;
      return false;
    }
  }

  async byRole(role, name, { within } = {}) {
    let count = 0;
    return this.driver
      .wait(async () => {
        const found = await this.#settled(() => this.allByRole(role, name, { within }));
        count = found?.length ?? 0;
        return count === 1 && found[0];
      }, TIMEOUT)
      .catch((failure) => {
        throw new Error(
          `expected exactly one of ${described(role, name)}, found ${count} (${failure.name}: ${failure.message})`,
          { cause: failure },
        );
      });
  }

  async noneByRole(role, name, { within } = {}) {
    await this.driver
      .wait(async () => (await this.#settled(() => this.allByRole(role, name, { within })))?.length === 0, TIMEOUT)
      .catch((failure) => {
        throw new Error(`${described(role, name)} is still there (${failure.name}: ${failure.message})`, {
          cause: failure,
        });
      });
  }

  async text(element) {
    return this.driver.executeScript(shownText, element);
  }

  async attribute(element, name) {
    return element.getAttribute(name);
  }

  async drawnOpacity(element) {
    return this.driver.executeScript(drawnOpacity, element);
  }

  /// Scrolls `element` into view, as a person would before pointing at it,
  /// and moves the pointer to its middle. (WebDriver's pointer actions do not
  /// scroll, and WebKitWebDriver refuses a move whose origin is a table row,
  /// "element not interactable", so the move is to the middle's coordinates.)
  async hover(element) {
    const [x, y] = await this.driver.executeScript((e) => {
      e.scrollIntoView({ block: 'center', inline: 'center' });
      const box = e.getBoundingClientRect();
      return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    }, element);
    await this.driver.actions({ async: true }).move({ x, y }).perform();
  }

  async click(element) {
    await element.click();
  }

  /// Runs `check` until it returns without throwing (its assertions hold),
  /// and returns what it returned; fails with its last error after TIMEOUT.
  async until(check) {
    let last;
    const value = await this.driver
      .wait(async () => {
        try {
          return { value: await check() };
        } catch (failure) {
          last = failure;
          return false;
        }
      }, TIMEOUT)
      .catch((failure) => {
        throw last ?? failure;
      });
    return value.value;
  }

  /// `lookup()`, or undefined while the page changes under it (an element
  /// found a moment ago is gone).
  async #settled(lookup) {
    try {
      return await lookup();
    } catch (failure) {
      if (failure instanceof error.StaleElementReferenceError) return undefined;
      throw failure;
    }
  }
}
