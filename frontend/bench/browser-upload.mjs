// One upload through the web page, timed (bench/README.md, BrowserUploadBenchmark):
//   node bench/browser-upload.mjs BASE_URL TOKEN MALL_ID PIN_ID FILE
// Prints one JSON line: hash_ms (from "Upload" to the initiate request: the Worker's SHA-256),
// upload_ms (initiate sent → complete answered: initiate, every part, complete), and the growth
// of the page's JS heap and of the renderer's memory (page and Worker) while hashing, and the CPU
// seconds Chromium spent on the upload. With LINK_MBIT set, the page's network is an uplink of that
// many Mbit/s (CDP Network.emulateNetworkConditions, 20 ms latency) and parts_ms says how long the
// parts took, from the first part's PUT sent to the last one answered.
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { launchBrowser } from '../e2e/harness.mjs';

const [baseUrl, token, mallId, pinId, file] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage();
if (process.env.DEBUG_PAGE) {
  page.on('close', () => console.log('page closed'));
  page.on('crash', () => console.log('page crashed'));
  page.on('console', (message) => console.log('console:', message.text()));
  page.on('pageerror', (error) => console.log('page error:', error.message));
}
const me = await (await fetch(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).json();
await page.goto(`${baseUrl}/login`);
await page.evaluate(([t, u]) => {
  sessionStorage.setItem('siv.token', t);
  sessionStorage.setItem('siv.user', JSON.stringify(u));
}, [token, me]);
await page.goto(`${baseUrl}/malls/${mallId}/pins/${pinId}/upload`);
await page.locator('input[type=file]').setInputFiles(file);
await page.getByRole('listitem', { name: basename(file) }).waitFor();

const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const linkMbit = Number(process.env.LINK_MBIT ?? 0);
if (linkMbit > 0) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: (linkMbit * 4 * 1e6) / 8,
    uploadThroughput: (linkMbit * 1e6) / 8,
  });
}
let firstPut = null;
let lastPutDone = null;
page.on('request', (request) => {
  if (request.method() === 'PUT' && /partNumber=/.test(request.url())) firstPut ??= Date.now();
});
// a PUT's answer comes once its body is sent ('requestfinished' is not reported for these cross-origin PUTs)
page.on('response', (response) => {
  if (response.request().method() === 'PUT' && /partNumber=/.test(response.url())) lastPutDone = Date.now();
});
const heap = async () =>
  (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;

/** Resident memory of Chromium's renderer processes (the page and its Worker run in one). */
function rendererBytes() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chrom') || !cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** CPU seconds (user + system) Chromium's processes have used so far. */
function browserCpuSeconds() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
const heapBefore = await heap();
const rendererBefore = rendererBytes();
let heapPeak = heapBefore;
let rendererPeak = rendererBefore;
let hashing = true;
const sampler = (async () => {
  while (hashing && !process.env.NO_SAMPLING) {
    heapPeak = Math.max(heapPeak, await heap());
    rendererPeak = Math.max(rendererPeak, rendererBytes());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();

const initiated = page.waitForRequest((request) => request.url().endsWith('/uploads/initiate'), { timeout: 600_000 });
const completed = page.waitForResponse((response) => response.url().endsWith('/complete'), { timeout: 600_000 });
const clicked = Date.now();
await page.getByRole('button', { name: 'Upload', exact: true }).click();
await initiated;
const hashedAt = Date.now();
const cpuAtInitiate = browserCpuSeconds();
hashing = false;
await sampler;
const failed = page
  .getByRole('status')
  .filter({ hasText: /Failed|Cancelled/ })
  .waitFor({ timeout: 600_000 })
  .then(async () => {
    throw new Error(await page.getByRole('status').allTextContents().then((lines) => lines.join(' | ')));
  });
const answer = await Promise.race([completed, failed]);
const completedAt = Date.now();
const uploadCpu = browserCpuSeconds() - cpuAtInitiate;
if (!answer.ok()) throw new Error(`complete answered ${answer.status()}: ${await answer.text()}`);
await browser.close();
console.log(
  JSON.stringify({
    hash_ms: hashedAt - clicked,
    upload_ms: completedAt - hashedAt,
    heap_growth_mb: (heapPeak - heapBefore) / 1e6,
    renderer_growth_mb: (rendererPeak - rendererBefore) / 1e6,
    browser_cpu_s: uploadCpu,
    parts_ms: firstPut && lastPutDone ? lastPutDone - firstPut : null,
  }),
);
