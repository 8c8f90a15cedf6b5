// Terminating a live journey, following the product's procedures, written once
// and run in each engine: Finish from the quick action of a hovered Home row,
// and Stop from the detail view's Actions menu (the down arrow at the top
// right). The same steps and names as tests/browser/finish_and_stop.spec.ts,
// which runs these and many more in Chromium.
//
// `page` is an engine's page (support/firefox.mjs, support/webkit.mjs); both
// offer the same few steps, and find elements only by role and accessible name,
// as a person or a screen reader does:
//   byRole(role, name?, { within? })     the one element; waits for it
//   allByRole(role, name?, { within? })  those there now
//   noneByRole(role, name?, { within? }) waits until there is none
//   text(element), attribute(element, name), drawnOpacity(element)
//   hover(element), click(element)
//   until(check)  reruns `check` until its assertions hold; returns its value
//
// The embedded backend keeps the journeys in the browser (localStorage), so a
// fresh browser profile starts with the demo journeys.

import assert from 'node:assert/strict';

/// Live, single-version demo journeys: their rows and quick actions are
/// unambiguous by name.
export const LIVE = {
  cart: 'Cart abandonment reminder',
  backInStock: 'Back in stock alert',
};

/// The columns of the Home list after the Name column (the row header).
const CELLS = ['Version', 'Status', 'Entered', 'In journey', 'Last modified', 'Modified by', 'Quick actions'];

/// Reads "1,234" as 1234.
function parseCount(text) {
  assert.match(text, /^\d[\d,]*$/, `not a count: ${JSON.stringify(text)}`);
  return Number(text.replace(/,/g, ''));
}

/// The Home row of the journey called `name`: the row of the Journeys table
/// that holds the link to it.
async function homeRow(page, name) {
  const table = await page.byRole('table', 'Journeys');
  await page.byRole('link', name, { within: table });
  const rows = [];
  for (const row of await page.allByRole('row', undefined, { within: table })) {
    if ((await page.allByRole('link', name, { within: row })).length > 0) rows.push(row);
  }
  assert.equal(rows.length, 1, `one Home row for “${name}”`);
  return rows[0];
}

async function cell(page, row, column) {
  const cells = await page.allByRole('cell', undefined, { within: row });
  assert.equal(cells.length, CELLS.length, 'a Home row has its cells');
  return cells[CELLS.indexOf(column)];
}

/// The messages (toasts) live region, whose text starts with `start`; returns
/// the message's Dismiss button. The region's text is what a screen reader
/// announces. (Firefox computes the role "none" for a message's `<p>`, which
/// is laid out as a flex box, so the message is not looked up as a paragraph.)
async function expectMessage(page, start) {
  const dismiss = await page.byRole('button', 'Dismiss message');
  const regions = [];
  for (const region of await page.allByRole('status')) {
    if ((await page.allByRole('button', 'Dismiss message', { within: region })).length > 0) regions.push(region);
  }
  assert.equal(regions.length, 1, 'the messages are in a status region');
  const text = await page.text(regions[0]);
  assert.ok(text.startsWith(start), `the message ${JSON.stringify(text)} starts ${JSON.stringify(start)}`);
  return dismiss;
}

/// Waits until `element` is drawn fully opaque (`drawn`) or fully transparent:
/// a quick action is hidden by its container's opacity, not removed.
async function expectDrawn(page, element, drawn) {
  await page.until(async () =>
    assert.equal(await page.drawnOpacity(element), drawn ? 1 : 0, `drawn ${drawn ? 'opaque' : 'transparent'}`));
}

/// The dialog's line naming the journey and version it acts on.
async function expectDialogNames(page, dialog, line) {
  const texts = [];
  for (const p of await page.allByRole('paragraph', undefined, { within: dialog })) texts.push(await page.text(p));
  assert.ok(texts.includes(line), `the dialog says ${JSON.stringify(line)}: ${JSON.stringify(texts)}`);
}

/// From Home, hover a live journey's row and use its quick action Finish,
/// confirmed in the dialog: the journey is finishing, and Finish is no longer
/// offered (Stop still is, for an emergency).
export async function finishFromHomeQuickAction(page) {
  const name = LIVE.cart;
  await page.byRole('heading', 'Journeys');
  const row = await homeRow(page, name);
  assert.equal(await page.text(await cell(page, row, 'Status')), 'Live');
  const inJourney = parseCount(await page.text(await cell(page, row, 'In journey')));
  assert.ok(inJourney > 0, 'a live demo journey has customers in it');

  // The quick action shows only while the row is under the pointer.
  const finish = await page.byRole('button', `Finish ${name}, version 1`, { within: row });
  await page.hover(await page.byRole('heading', 'Journeys'));
  await expectDrawn(page, finish, false);
  await page.hover(row);
  await expectDrawn(page, finish, true);
  await page.click(finish);

  const dialog = await page.byRole('dialog', 'Finish journey?');
  await expectDialogNames(page, dialog, `${name} · version 1`);
  await page.click(await page.byRole('button', 'Finish', { within: dialog }));

  await page.noneByRole('dialog', 'Finish journey?');
  // The message first: it goes after a few seconds, and looking rows up by
  // role is slow in some engines.
  await expectMessage(page, `“${name}” version 1 is finished: no new customers can enter`);
  // The changed journey moves in the list (it was modified last), so its row
  // is looked up again until it reads so.
  const finishing = await page.until(async () => {
    const row = await homeRow(page, name);
    // The badge, then when the last customer is expected out.
    assert.match(await page.text(await cell(page, row, 'Status')), /^Finishing · [\d,]+ left(by |about |until |$)/);
    return row;
  });

  // Only what the rules still allow is offered.
  await page.hover(finishing);
  await page.noneByRole('button', `Finish ${name}, version 1`);
  await expectDrawn(page, await page.byRole('button', `Stop ${name}, version 1`, { within: finishing }), true);
}

/// Opens a live journey's detail view from Home and stops it from the Actions
/// menu, confirmed in the dialog: the journey is stopped, and the menu no
/// longer offers Stop or Finish.
export async function stopFromDetailMenu(page) {
  const name = LIVE.backInStock;
  await page.byRole('heading', 'Journeys');
  await page.click(await page.byRole('link', name, { within: await page.byRole('table', 'Journeys') }));

  await page.byRole('heading', name);
  const article = await page.byRole('article', name);
  const versionLine = async () => {
    const lines = [];
    for (const p of await page.allByRole('paragraph', undefined, { within: article })) {
      const text = await page.text(p);
      if (text.startsWith('Version ')) lines.push(text);
    }
    assert.equal(lines.length, 1, `one version line: ${JSON.stringify(lines)}`);
    return lines[0];
  };
  assert.equal(await versionLine(), 'Version 1 Live');

  const actions = await page.byRole('button', 'Actions');
  await page.click(actions);
  const menu = await page.byRole('menu', 'Journey actions');
  assert.equal(await page.attribute(actions, 'aria-expanded'), 'true');
  await page.click(await page.byRole('menuitem', 'Stop', { within: menu }));
  await page.noneByRole('menu', 'Journey actions');

  const dialog = await page.byRole('dialog', 'Stop journey?');
  await expectDialogNames(page, dialog, `${name} · version 1`);
  await page.click(await page.byRole('button', 'Stop', { within: dialog }));

  await page.noneByRole('dialog', 'Stop journey?');
  await page.until(async () => assert.equal(await versionLine(), 'Version 1 Stopped'));
  const dismiss = await expectMessage(page, `“${name}” version 1 is stopped: everyone in it was stopped.`);
  // The message sits over the menu's last items; dismiss it as a person would.
  await page.click(dismiss);
  await page.noneByRole('button', 'Dismiss message');

  // A stopped journey cannot be stopped or finished again: the menu says so,
  // and each refused item is read out with its reason (its name is its label,
  // then the reason written under it).
  await page.click(await page.byRole('button', 'Actions'));
  const reopened = await page.byRole('menu', 'Journey actions');
  const refusals = {
    Stop: 'This journey is already stopped. A stopped journey cannot be restarted or deleted. To run it again, duplicate it, or continue the journey from its newest version.',
    Finish: 'This journey is stopped; a stopped journey cannot be finished. To run it again, duplicate it, or continue the journey from its newest version.',
  };
  for (const [refused, reason] of Object.entries(refusals)) {
    const item = await page.byRole('menuitem', `${refused} ${reason}`, { within: reopened });
    assert.equal(await page.attribute(item, 'aria-disabled'), 'true', `${refused} is refused`);
  }
}
