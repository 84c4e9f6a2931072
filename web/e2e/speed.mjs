// How soon the home page shows something on a slow phone: Chromium throttled through the DevTools protocol,
// first paint read from the page's own paint timings, and what the client's files cost on the wire.
import { availableParallelism, loadavg } from 'node:os';

// Lighthouse's slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, and a CPU 4 times slower.
export const SLOW_4G = {
  name: 'slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower)',
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpuSlowdown: 4,
};

/** One cold load of `/` on a phone-sized page: paint timings, and each file of the client with its sizes. */
async function coldLoad(browser, baseURL, profile) {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', profile.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    // When the app itself has rendered the home page, as opposed to the static header index.html paints first.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (![...document.querySelectorAll('h1')].some((h) => h.textContent === 'Tickets for sale')) return;
        window.__appRenderedAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const encodings = new Map();
    page.on('response', (r) => encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding'] ?? 'none'));
    await page.goto('/', { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Tickets for sale' }).waitFor();
    const timings = await page.evaluate(() => {
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const files = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((e) => !new URL(e.name).pathname.startsWith('/api/'))
        .map((e) => ({ path: new URL(e.name).pathname, transfer: e.transferSize, body: e.decodedBodySize }));
      return {
        firstPaint: paint['first-paint'],
        firstContentfulPaint: paint['first-contentful-paint'],
        appRendered: window.__appRenderedAt,
        files,
      };
    });
    timings.files.forEach((f) => (f.encoding = encodings.get(f.path) ?? '?'));
    return timings;
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The median of `runs` cold loads of the home page under `profile`, printed; answers the median first
 * contentful paint in ms.
 */
export async function measureFirstPaint(browser, baseURL, { profile = SLOW_4G, runs = 5, log = console.log } = {}) {
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, baseURL, profile));
  const fcp = median(loads.map((l) => l.firstContentfulPaint));
  const fp = median(loads.map((l) => l.firstPaint));
  const app = median(loads.map((l) => l.appRendered));
  const each = (key) => loads.map((l) => Math.round(l[key])).join(', ');
  // The CPU throttling slows down a machine that may already be busy: its load tells how far to trust the figures.
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  log(`  home page on ${profile.name}, median of ${runs} cold loads (load average ${load} on ${availableParallelism()} cores):`);
  log(`    first paint ${Math.round(fp)} ms, first contentful paint ${Math.round(fcp)} ms (runs: ${each('firstContentfulPaint')})`);
  log(`    the app's own home page in the document at ${Math.round(app)} ms (runs: ${each('appRendered')})`);
  for (const f of loads[0].files) {
    log(`    ${f.path}: ${kb(f.transfer)} on the wire (${f.encoding}), ${kb(f.body)} decoded`);
  }
  return fcp;
}
