// axe-core's accessibility check of what the page shows now.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/// One paragraph per violation: rule, impact, help, and each offending element
/// with what axe says to fix.
function describe(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `[${violation.impact}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

export async function expectNoViolations(page: Page, screen: string) {
  // label-content-name-mismatch is one of axe's experimental rules, off
  // unless asked for: a control's name must hold the text it shows.
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  // Guards against checking an empty or wrong page.
  expect(results.passes.length, `axe checked nothing on ${screen}`).toBeGreaterThan(0);
  expect(
    results.violations.map((violation) => violation.id),
    `${results.violations.length} accessibility violation(s) on ${screen}:\n\n${describe(results.violations)}`,
  ).toEqual([]);
}
