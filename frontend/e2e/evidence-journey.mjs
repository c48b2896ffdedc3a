// The journey of evidence exports in Debian's Chromium against the real jar: an operator marks In
// and Out in the player with I and O, fills the disclosure form, waits for the package, downloads
// it and checks it on the "Verify a package" page, where a package with one byte changed fails and
// names its file; the mall's Exports page lists it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, WORK, apiClient, journeySteps, launchBrowser, makeVideo, shot, signIn, startApp, uploadProcessed } from './harness.mjs';

const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };
const OPERATOR = { email: 'evidence-officer@e2e.example', password: 'evidence-password-1' };

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(WORK, { recursive: true });
const clip = makeVideo(join(WORK, 'loading-bay-20s.mp4'), { seconds: 20 });
const nextClip = makeVideo(join(WORK, 'loading-bay-12s.mp4'), { seconds: 12 });

const app = await startApp({ name: 'evidence-journey' });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();
const { step, passed } = journeySteps();

/** Seeks the player to `seconds` and waits until the frame is there. */
const seek = (page, seconds) =>
  page.locator('video.shown').evaluate(
    (video, target) =>
      new Promise((done) => {
        video.addEventListener('seeked', () => done(), { once: true });
        video.currentTime = target;
      }),
    seconds,
  );

try {
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const mallId = (await api.call('POST', '/api/malls', admin, { name: 'Quayside Mall', time_zone: 'Europe/London' })).body.id;
  const pinId = (await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: 'Goods Yard' })).body.id;
  const created = await api.call('POST', '/api/users', admin, { ...OPERATOR, role: 'OPERATOR', mall_ids: [mallId] });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const operatorToken = await api.login(OPERATOR.email, OPERATOR.password);
  const videoId = await uploadProcessed(api, operatorToken, mallId, pinId, clip, 'loading-bay-20s.mp4', '2026-11-27T22:40:00Z');
  const nextId = await uploadProcessed(api, operatorToken, mallId, pinId, nextClip, 'loading-bay-12s.mp4', '2026-11-27T22:40:20Z');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await signIn(context, app.baseUrl, OPERATOR);
  const packagePath = join(WORK, 'evidence-package.zip');

  await step('I and O mark In and Out in the player; the seek bar shows the range', async () => {
    await page.goto(`${app.baseUrl}/videos/${videoId}`);
    await page.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Play' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Export clip' }).isDisabled(), true);
    await seek(page, 3);
    await page.keyboard.press('i');
    await page.getByText('In marked at 00:00:03').waitFor();
    await seek(page, 9);
    await page.keyboard.press('o');
    await page.getByText('In 00:00:03 · Out 00:00:09').waitFor();
    await page.getByTestId('marked-range').waitFor();
    await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
    await page.getByText('Mark In / Out for an export').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await shot(page, '60-export-marks');
  });

  await step('the disclosure form is required, then the package is made with its progress shown', async () => {
    await page.getByRole('button', { name: 'Export clip' }).click();
    await page.getByRole('button', { name: 'Start export' }).click();
    // the browser's own check stops an empty form: nothing was asked for
    assert.equal((await api.call('GET', `/api/videos/${videoId}/exports`, operatorToken)).body.exports.length, 0);
    await page.getByLabel('Recipient name').fill('DC Sam Vimes');
    await page.getByLabel('Recipient organisation').fill('City Watch');
    await page.getByLabel('Purpose').fill('Theft from a delivery van at the loading bay');
    await page.getByLabel('Reference (e.g. police incident number)').fill('CW-2026-1142');
    await shot(page, '61-export-form');
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByText(/^Package ready \(.+\), signed$/).first().waitFor({ timeout: 60_000 });
    const exports = (await api.call('GET', `/api/videos/${videoId}/exports`, operatorToken)).body.exports;
    assert.equal(exports.length, 1);
    assert.equal(exports[0].clips[0].requested_start_seconds, 3);
    assert.equal(exports[0].reference, 'CW-2026-1142');
    await shot(page, '62-export-ready');
  });

  await step('Download package saves the signed ZIP', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download package' }).click()]);
    assert.match(download.suggestedFilename(), /^evidence-[0-9a-f-]+\.zip$/);
    await download.saveAs(packagePath);
    const bytes = readFileSync(packagePath);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  });

  await step('the verify page passes the package and names the file of a package with one byte changed', async () => {
    await page.getByRole('link', { name: 'Verify a package' }).click();
    await page.getByLabel('Package (ZIP)').setInputFiles(packagePath);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Valid: every check passed.').waitFor({ timeout: 30_000 });
    assert.ok((await page.getByRole('cell', { name: '✓ Passed' }).count()) >= 4);
    await shot(page, '63-verify-valid');
    const changed = readFileSync(packagePath);
    changed[Math.floor(changed.length / 3)] ^= 0x01;
    const changedPath = join(WORK, 'evidence-package-changed.zip');
    writeFileSync(changedPath, changed);
    await page.getByLabel('Package (ZIP)').setInputFiles(changedPath);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Not valid: a check failed.').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: '✗ Failed' }).first().waitFor();
    assert.match(await page.locator('tr.failed').first().innerText(), /clip-01-goods-yard\.mp4 was changed/);
    await shot(page, '64-verify-changed');
  });

  await step('on the timeline, In and Out marked in two clips export the window across them', async () => {
    await page.goto(`${app.baseUrl}/malls/${mallId}/pins/${pinId}/timeline?date=2026-11-27&t=2026-11-27T22:40:05Z`);
    await page.getByText('Playing loading-bay-20s.mp4').waitFor();
    await page.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    await seek(page, 5);
    await page.keyboard.press('i');
    await page.getByLabel('Go to time').fill('22:40:25');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.getByText('Playing loading-bay-12s.mp4').waitFor();
    await page.waitForFunction(() => {
      const video = document.querySelector('video.shown');
      return !!video && video.readyState >= 2 && Math.abs(video.currentTime - 5) < 0.2;
    });
    await page.keyboard.press('o');
    await page.getByText('27 Nov 2026, 22:40:05 GMT to 27 Nov 2026, 22:40:25 GMT, 1 pin.').waitFor();
    await page.getByRole('button', { name: 'Export clip' }).click();
    await page.getByLabel('Recipient name').fill('DC Sam Vimes');
    await page.getByLabel('Recipient organisation').fill('City Watch');
    await page.getByLabel('Purpose').fill('The van leaving the loading bay');
    await page.getByLabel('Reference (e.g. police incident number)').fill('CW-2026-1143');
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByText(/^Package ready \(.+\), signed$/).waitFor({ timeout: 60_000 });
    await shot(page, '67-timeline-export');
    const exports = (await api.call('GET', `/api/malls/${mallId}/exports`, operatorToken)).body.exports;
    const across = exports.find((one) => one.reference === 'CW-2026-1143');
    assert.deepEqual(
      across.clips.map((one) => [one.video_id, one.requested_start_seconds, one.requested_end_seconds]),
      [
        [videoId, 5, 20],
        [nextId, 0, 5],
      ],
    );
  });

  await step('the mall’s Exports page lists the export at 1280 and 768 px', async () => {
    await page.goto(`${app.baseUrl}/malls/${mallId}`);
    await page.getByRole('link', { name: 'Exports', exact: true }).click();
    await page.getByRole('heading', { name: 'Exports: Quayside Mall' }).waitFor();
    await page.getByRole('cell', { name: 'CW-2026-1142', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Download the package for CW-2026-1142' }).waitFor();
    await shot(page, '65-exports-page');
    await page.setViewportSize({ width: 768, height: 1000 });
    await shot(page, '66-exports-page-768');
  });

  console.log(`Evidence journey: ${passed.length} steps passed.`);
} catch (error) {
  console.error(`Evidence journey failed after ${passed.length} steps; the app's log is ${app.logPath}`);
  throw error;
} finally {
  await browser.close();
  await app.stop();
}
