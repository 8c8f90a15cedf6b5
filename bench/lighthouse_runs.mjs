// Lighthouse (package.json pins the version) on a URL, each run in a Chromium
// of its own started by chrome-launcher. Lighthouse's default configuration:
// the mobile form factor with simulated throttling.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

// An audit fails as Lighthouse's report shows it: a pass/fail audit that did
// not pass, or a scored one below 0.9. Informative, manual and not applicable
// audits have no score and never fail; audits the report hides are left out.
function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.group !== 'hidden')
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < (audit.scoreDisplayMode === 'binary' ? 1 : 0.9))
    .map((audit) => audit.id);
}

export async function runLighthouse(url, { chromePath, runs }) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      results.push({
        performance: lhr.categories.performance.score,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        accessibility: lhr.categories.accessibility.score,
        bestPractices: lhr.categories['best-practices'].score,
        failing: Object.fromEntries(CATEGORIES.map((c) => [c, failing(lhr, c)])),
        warnings: lhr.runWarnings,
        formFactor: lhr.configSettings.formFactor,
        throttling: lhr.configSettings.throttlingMethod,
        version: lhr.lighthouseVersion,
        consoleErrors: (lhr.audits['errors-in-console']?.details?.items ?? [])
          .map((item) => `${item.source}: ${item.description}${item.sourceLocation?.url ? ` (${item.sourceLocation.url})` : ''}`),
      });
    } finally {
      await chrome.kill();
    }
  }
  return results;
}
