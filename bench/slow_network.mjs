// One page load of Home over an emulated slow mobile network, to the first
// rows. The benchmark's other parts load over loopback, where the bytes cost
// almost nothing; here they cost what they cost a phone on a poor connection.
//
// The network is the one Lighthouse's mobile preset simulates (150 ms round
// trips, 1.6 Mbit/s down, 750 kbit/s up), applied by Chromium's own network
// emulation (CDP Network.emulateNetworkConditions) to every request of the
// page: the page's files and the journey server's answers alike. The CPU is
// left as the machine has it.
import { firstRowsOf } from './page_runs.mjs';

export const SLOW_MOBILE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

// Loads `url` in a new browser context (empty cache) on the slow network, and
// gives when (from navigation start) the page's code had arrived, the first
// page of the list was asked for and had arrived, and the first rows showed.
export async function firstRowsOnSlowNetwork(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_MOBILE);
    const firstRows = await firstRowsOf(page, url, 120_000);
    const steps = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const list = resources.find((r) => /\/journeys\?/.test(r.name));
      // The page's code: the app's wasm, the vanilla page's script.
      const code = resources.find((r) => /\.wasm$/.test(r.name)) ?? resources.find((r) => /\/home\.js$/.test(r.name));
      return { codeArrived: code?.responseEnd, listAsked: list?.startTime, listArrived: list?.responseEnd };
    });
    return { firstRows, ...steps };
  } finally {
    await context.close();
  }
}
