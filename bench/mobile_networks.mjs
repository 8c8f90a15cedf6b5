// One page load of Home over an emulated mobile network, to the first rows
// and to the whole list.
// The benchmark's other parts load over loopback, where the bytes cost almost
// nothing; here they cost what they cost a phone.
//
// Chromium's own network emulation (CDP Network.emulateNetworkConditions)
// applies each network to every request of the page: the page's files and
// the journey server's answers alike. The CPU is left as the machine has it.
import { firstRowsAndWholeListOf } from './page_runs.mjs';

const kbit = 1024 / 8; // bytes per second
export const NETWORKS = [
  // What Lighthouse's mobile preset simulates.
  { name: 'slow mobile', latency: 150, downloadThroughput: 1_638.4 * kbit, uploadThroughput: 750 * kbit },
  // A good 4G connection.
  { name: 'fast mobile', latency: 100, downloadThroughput: 9_000 * kbit, uploadThroughput: 3_000 * kbit },
];

// Loads `url` in a new browser context (empty cache) over `network`, and
// gives when (from navigation start) the page's code had arrived, the first
// page of the list was asked for and had arrived, the first rows showed and
// the whole list of `total` versions did.
export async function loadOverNetwork(browser, url, network, total) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const { latency, downloadThroughput, uploadThroughput } = network;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput, uploadThroughput });
    const { firstRows, wholeList } = await firstRowsAndWholeListOf(page, url, total, 120_000);
    const steps = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const list = resources.find((r) => /\/journeys\?/.test(r.name));
      // The page's code: the app's wasm, the vanilla page's script.
      const code = resources.find((r) => /\.wasm$/.test(r.name)) ?? resources.find((r) => /\/home\.js$/.test(r.name));
      return { codeArrived: code?.responseEnd, listAsked: list?.startTime, listArrived: list?.responseEnd };
    });
    return { firstRows, wholeList, ...steps };
  } finally {
    await context.close();
  }
}
