// Before comparing speeds: do the app and the vanilla page show the same Home?
// Both are taken through the same searches, filters, orders and a scroll, and
// after each step the rows in the page (their cells, classes, links, quick
// actions), the status line, the headings and the spacers must be the same.
// Relative times ("2 minutes ago") may differ by when each page drew them.
import { loadHome } from './page_runs.mjs';

const STEPS = [
  ['first load', async () => {}],
  ['search "we"', (page) => page.fill('input[type=search]', 'we')],
  ['search "  ONBOARDING tips 1"', (page) => page.fill('input[type=search]', '  ONBOARDING tips 1')],
  ['search with no match', (page) => page.fill('input[type=search]', 'zzz')],
  ['status Finishing', async (page) => {
    await page.fill('input[type=search]', '');
    await page.selectOption('.status-filter select', 'finishing');
  }],
  ['order by name', async (page) => {
    await page.selectOption('.status-filter select', 'all');
    await page.getByRole('button', { name: 'Name', exact: true }).click();
  }],
  ['order by name, descending', (page) => page.getByRole('button', { name: 'Name', exact: true }).click()],
  ['order by status', (page) => page.getByRole('button', { name: 'Status', exact: true }).click()],
  ['order by in journey', (page) => page.getByRole('button', { name: 'In journey', exact: true }).click()],
  ['order by modified by, search "sale"', async (page) => {
    await page.getByRole('button', { name: 'Modified by', exact: true }).click();
    await page.fill('input[type=search]', 'sale');
  }],
  ['scrolled down', async (page) => {
    await page.fill('input[type=search]', '');
    await page.locator('.journey-list').evaluate((list) => { list.scrollTop = 48 * 300; });
  }],
];

function snapshot() {
  const relative = /^(now|\d+ \w+ (ago|from now)|yesterday|tomorrow|last \w+|next \w+|this \w+)/;
  return {
    // Decoded: how each page escapes a space in the URL does not matter.
    url: [...new URLSearchParams(location.search)],
    status: document.querySelector('.list-count').textContent,
    rowcount: document.querySelector('.journey-list table').getAttribute('aria-rowcount'),
    spacers: [...document.querySelectorAll('tr.spacer td')].map((td) => td.style.height),
    headings: [...document.querySelectorAll('thead th')].map((th) => `${th.className}|${th.getAttribute('aria-sort')}|${th.textContent}`),
    empty: [...document.querySelectorAll('.empty-list')].filter((p) => !p.hidden).map((p) => p.textContent),
    rows: [...document.querySelectorAll('tr.journey-row')].map((tr) => [
      tr.getAttribute('aria-rowindex'),
      ...[...tr.children].map((cell) => `${cell.tagName}.${cell.className}`),
      tr.querySelector('a').getAttribute('href'),
      tr.querySelector('a').textContent,
      tr.querySelector('.col-version').textContent,
      tr.querySelector('.status-badge').className,
      tr.querySelector('.status-badge').textContent,
      tr.querySelector('.col-entered').textContent,
      tr.querySelector('.col-in-journey').textContent,
      tr.querySelector('time').getAttribute('datetime'),
      tr.querySelector('time').firstChild.textContent.replace(relative, '(relative)'),
      tr.querySelector('.exact-time').textContent,
      tr.querySelector('.col-modified-by').textContent,
      ...[...tr.querySelectorAll('.col-actions button')].map((b) => `${b.className}|${b.hidden}|${b.dataset.version}|${b.textContent}`),
    ].join(' ¦ ')),
  };
}

// Differences, as lines to print; none when both pages show the same.
// What each page showed that looked wrong goes to `problems` (by page).
export async function checkParity(browser, origin, pages, total, problems) {
  const seen = {};
  for (const [which, path] of Object.entries(pages)) {
    const load = await loadHome(browser, origin + path, { total, problems: problems[which] });
    seen[which] = [];
    for (const [, step] of STEPS) {
      await step(load.page);
      // Past the app's pause before it writes a search into the URL.
      await load.page.waitForTimeout(500);
      seen[which].push(await load.page.evaluate(snapshot));
    }
    await load.close();
  }
  const [a, b] = Object.keys(pages);
  const differences = [];
  STEPS.forEach(([name], i) => {
    const x = seen[a][i], y = seen[b][i];
    for (const key of ['url', 'status', 'rowcount', 'spacers', 'headings', 'empty']) {
      if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) differences.push(`${name}: ${key}: ${a} ${JSON.stringify(x[key])}, ${b} ${JSON.stringify(y[key])}`);
    }
    if (x.rows.length !== y.rows.length) differences.push(`${name}: ${a} shows ${x.rows.length} rows, ${b} ${y.rows.length}`);
    x.rows.forEach((row, j) => {
      if (row !== y.rows[j]) differences.push(`${name}: row ${j + 1}:\n    ${a}: ${row}\n    ${b}: ${y.rows[j]}`);
    });
  });
  return { steps: STEPS.length, differences };
}
