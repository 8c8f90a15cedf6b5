// A panic must never leave a person facing a silent blank or frozen console.
// Release builds abort at the panic (-Cpanic=immediate-abort, scripts/setup.sh):
// the WebAssembly instance traps, and the JavaScript that called into it gets a
// WebAssembly.RuntimeError. web/boot.js (standalone) and web/embed.js (embedded)
// hear it and put a notice in the console's place.
//
// The trap here is a real one, of the running instance, through Rust's own
// abort: the page asks the console's exported allocator (wasm-bindgen's
// __wbindgen_malloc) for more than a Rust allocation may be, and Rust answers
// with std::process::abort(), the same `unreachable` trap a panic ends in.
// It is called from a timer and from a promise, the way the console's own
// timers, event handlers and futures call into the instance, so the error
// arrives uncaught, as a panic's would. The product has no route or setting
// that crashes it on purpose.

import { expect, test, type Page } from '@playwright/test';
import { collectErrors, expectHomeLoaded } from './support/console';
import { schemeBehind } from './support/theme';

const HOST = 'http://127.0.0.1:4175';
const NOTICE =
  'Journey Console stopped because of an internal error. Reload the page to continue; ' +
  'changes you confirmed were saved. The browser console has the details.';

/// Traps the console's WebAssembly instance from a timer or a promise. `glue`
/// is the address of the build's wasm-bindgen module (already started).
async function trap(page: Page, glue: string, via: 'timer' | 'promise'): Promise<void> {
  await page.evaluate(
    async ({ glue, via }) => {
      const { default: init } = await import(glue);
      // Started already: this gives the running instance's exports.
      const wasm = await init();
      // 0xfffffff0 bytes is more than isize::MAX on wasm32: no Layout, so abort.
      const abort = () => wasm.__wbindgen_malloc(0xfffffff0, 1);
      if (via === 'timer') setTimeout(abort);
      else Promise.resolve().then(abort);
    },
    { glue, via },
  );
}

async function standaloneGlue(page: Page): Promise<string> {
  const glue = await page.locator('script[data-journey-console-js]').getAttribute('data-journey-console-js');
  return new URL(glue!, page.url()).href;
}

for (const via of ['timer', 'promise'] as const) {
  test(`a trap in a ${via} replaces the console with the notice, and the browser console still has the error`, async ({ page }) => {
    const errors = collectErrors(page);
    // The page's own clock: Playwright's held clock (openHome) runs timers
    // itself and only logs what they throw, which no page would hear.
    await page.goto('/');
    await expectHomeLoaded(page);

    // A failing script of the page that is not the console's leaves it alone.
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('some other script failed');
      });
    });
    await expect.poll(() => errors.some((e) => e.includes('some other script failed'))).toBe(true);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectHomeLoaded(page);

    await trap(page, await standaloneGlue(page), via);
    const notice = page.getByRole('alert');
    await expect(notice).toHaveText(NOTICE);
    await expect(notice).toHaveClass('journey-console crash-notice');
    await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
    expect(errors.some((e) => e.includes('unreachable')), errors.join('\n')).toBe(true);
  });
}

test('embedded, the notice takes the place of the console in its own element, styled in its theme, and the host page stays', async ({ page }) => {
  await page.goto(`${HOST}/campaigns`);
  await page.evaluate(async () => {
    const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
    const element = document.createElement('div');
    element.id = 'journeys';
    document.getElementById('host-outlet')!.append(element);
    // Kept, as a host keeps it: a handle left to the garbage collector unmounts.
    (window as unknown as { handle: unknown }).handle = await mountJourneyConsole(element, {
      basePath: '/campaigns',
      theme: 'dark',
    });
  });
  await expectHomeLoaded(page);

  const glue = await page.evaluate(async () => {
    const base = new URL('/tools/journeys/', location.href);
    const index = await (await fetch(new URL('index.html', base))).text();
    const boot = new DOMParser().parseFromString(index, 'text/html').querySelector('script[data-journey-console-js]');
    return new URL((boot as HTMLElement).dataset.journeyConsoleJs!, base).href;
  });
  await trap(page, glue, 'timer');

  const notice = page.locator('#journeys').getByRole('alert');
  await expect(notice).toHaveText(NOTICE);
  // The console's stylesheet stays in the shadow root with the notice.
  await expect(notice).toHaveCSS('border-top-style', 'solid');
  // In the dark theme the console had, under Playwright's light preference.
  await expect.poll(() => schemeBehind(notice)).toBe('dark');
  await expect(page.getByRole('table', { name: 'Journeys' })).toHaveCount(0);
  // The host's page is not the console's to replace.
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Acme button' })).toBeVisible();

  // Placed again before a reload, the console says the same at once.
  const again = await page.evaluate(async () => {
    const { mountJourneyConsole } = await import('/tools/journeys/embed.js');
    const element = document.createElement('div');
    element.id = 'journeys-again';
    document.getElementById('host-outlet')!.append(element);
    try {
      await mountJourneyConsole(element, { basePath: '/campaigns' });
      return 'mounted';
    } catch (error) {
      return String(error);
    }
  });
  expect(again).toContain('reload');
  await expect(page.locator('#journeys-again').getByRole('alert')).toHaveText(NOTICE);
});
