// Telling which theme the console is drawn in, and serving a config.json that
// picks one.

import { expect, type Locator, type Page } from '@playwright/test';

export type Scheme = 'light' | 'dark';

/// The colour drawn behind `locator`: its own background, or else that of the
/// nearest ancestor that has one (through shadow roots), as `rgb(…)`.
export async function backgroundBehind(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    let e: Element | null = element;
    while (e) {
      const color = getComputedStyle(e).backgroundColor;
      if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
      e = e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host ?? null);
    }
    return 'none';
  });
}

/// WCAG's relative luminance of an `rgb(r, g, b)` colour.
export function luminance(rgb: string): number {
  const channels = rgb.match(/[\d.]+/g);
  if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${rgb}`);
  const [r, g, b] = channels.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/// Light or dark, from the background behind `locator`.
export async function schemeBehind(locator: Locator): Promise<Scheme> {
  return luminance(await backgroundBehind(locator)) < 0.2 ? 'dark' : 'light';
}

/// Waits until the console (behind its first level-1 heading) is drawn in `scheme`.
export async function expectScheme(page: Page, scheme: Scheme): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 }).first();
  await expect.poll(() => schemeBehind(heading), { message: `the console should be ${scheme}` }).toBe(scheme);
}

/// Answers the standalone app's request for config.json with `config`.
export async function serveConfig(page: Page, config: unknown): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }),
  );
}

/// `#rrggbb` as getComputedStyle writes it.
export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
