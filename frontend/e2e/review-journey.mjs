// The journey of Web UI part 2 in Debian's Chromium against the real jar, with signed links that
// last 20 s: find a video in the list through URL filters, play it at 4× and 16×, review keys,
// scrub previews on the seek bar, a link renewed while it plays, a snapshot, and deleting (a viewer
// sees no Delete).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, journeySteps, launchBrowser, makeVideo, SCREENSHOTS, shot, signIn as signInAt, startApp, WORK } from './harness.mjs';

const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };
const OPERATOR = { email: 'reviewer@e2e.example', password: 'reviewer-password-1' };
const VIEWER = { email: 'viewer@e2e.example', password: 'viewer-password-1' };

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(WORK, { recursive: true });
const clip = makeVideo(join(WORK, 'atrium-30s.mp4'), { seconds: 30 });

const app = await startApp({ name: 'review-journey', env: { STREAM_URL_TTL_SECONDS: '20' } });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();
const { step, passed: steps } = journeySteps();

/** An upload through the API, as scripts/upload.sh does it; the complete's answer. */
async function upload(token, mallId, pinId, file, name) {
  const bytes = readFileSync(file);
  const uploads = `/api/malls/${mallId}/pins/${pinId}/uploads`;
  const initiated = await api.call('POST', `${uploads}/initiate`, token, {
    filename: name,
    file_size_bytes: bytes.length,
    checksum_sha256: createHash('sha256').update(bytes).digest('hex'),
    metadata: { recorded_at: '2026-11-20T14:00:00Z', operator_notes: 'Lunch hour, north doors.' },
  });
  assert.equal(initiated.status, 201, JSON.stringify(initiated.body));
  const { video_id: videoId, part_size_bytes: partSize, presigned_urls: urls } = initiated.body;
  for (const { part_number: number, url } of urls) {
    const put = await fetch(url, { method: 'PUT', body: bytes.subarray((number - 1) * partSize, number * partSize) });
    assert.equal(put.status, 200);
  }
  return { videoId, complete: await api.call('POST', `${uploads}/${videoId}/complete`, token) };
}

const signIn = (context, user) => signInAt(context, app.baseUrl, user);

const time = (page) => page.locator('video.shown').evaluate((video) => video.currentTime);

try {
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const mallId = (await api.call('POST', '/api/malls', admin, { name: 'Riverside Mall' })).body.id;
  const pinId = (await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: 'Atrium North' })).body.id;
  for (const [user, role] of [
    [OPERATOR, 'OPERATOR'],
    [VIEWER, 'VIEWER'],
  ]) {
    const created = await api.call('POST', '/api/users', admin, { ...user, role, mall_ids: [mallId] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  const operatorToken = await api.login(OPERATOR.email, OPERATOR.password);
  const processed = await upload(operatorToken, mallId, pinId, clip, 'atrium-30s.mp4');
  assert.equal(processed.complete.status, 200, JSON.stringify(processed.complete.body));
  const fake = join(WORK, 'not-a-video.mp4');
  writeFileSync(fake, Buffer.alloc(200_000, 7));
  const refused = await upload(operatorToken, mallId, pinId, fake, 'not-a-video.mp4');
  assert.ok(refused.complete.status >= 400 && refused.complete.status < 500, 'a fake video is refused at complete');
  for (const deadline = Date.now() + 90_000; ; ) {
    const details = await api.call('GET', `/api/videos/${processed.videoId}`, operatorToken);
    if (details.body.processing_status === 'completed') break;
    assert.notEqual(details.body.processing_status, 'failed', JSON.stringify(details.body));
    assert.ok(Date.now() < deadline, 'the clip is processed within 90 s');
    await new Promise((resume) => setTimeout(resume, 500));
  }
  const listUrl = `${app.baseUrl}/malls/${mallId}/pins/${pinId}/videos`;

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await signIn(context, OPERATOR);
  const proxyAnswers = [];
  const linkRequests = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('/proxy')) proxyAnswers.push(response.status());
    if (path.endsWith('/stream-url')) linkRequests.push(Date.now());
  });

  await step('the list filters by status through the URL', async () => {
    await page.goto(`${listUrl}?status=failed`);
    await page.getByRole('link', { name: 'not-a-video.mp4', exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'atrium-30s.mp4', exact: true }).count(), 0);
    assert.equal(await page.getByLabel('Status').inputValue(), 'failed');
    await page.goto(`${listUrl}?status=completed`);
    await page.getByRole('link', { name: 'atrium-30s.mp4', exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'not-a-video.mp4', exact: true }).count(), 0);
    await page.getByText('Page 1 of 1 · 1 video').waitFor();
    await shot(page, '20-library');
  });

  await step('a row opens the player, which plays (currentTime rises)', async () => {
    await page.getByRole('cell', { name: '00:00:30' }).click();
    await page.waitForURL(`**/videos/${processed.videoId}`);
    await page.getByRole('heading', { name: 'atrium-30s.mp4' }).waitFor();
    await page.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const before = await time(page);
    await page.waitForFunction((start) => document.querySelector('video.shown').currentTime > start + 0.5, before);
  });

  await step('4× and 16× from "Playback speed" (playbackRate)', async () => {
    await page.getByLabel('Playback speed').selectOption('4');
    assert.equal(await page.locator('video.shown').evaluate((video) => video.playbackRate), 4);
    await page.getByLabel('Playback speed').selectOption('16');
    assert.equal(await page.locator('video.shown').evaluate((video) => video.playbackRate), 16);
    await page.getByLabel('Playback speed').selectOption('1');
  });

  await step('review keys: K pauses, → is +5 s, . is one frame (+0.1 s), 0 goes to the start', async () => {
    await page.keyboard.press('k');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.keyboard.press('0');
    await page.waitForFunction(() => document.querySelector('video.shown').currentTime === 0);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 5) < 0.01);
    await page.keyboard.press('.');
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 5.1) < 0.01);
    await page.keyboard.press(',');
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 5) < 0.01);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot(page, '21-player-keys');
    await page.keyboard.press('Escape');
    assert.ok(proxyAnswers.includes(206), `the proxy was read with Range requests (answers: ${proxyAnswers})`);
  });

  await step('hovering the seek bar shows the preview tile of that time', async () => {
    const tile = page.waitForResponse((response) => response.url().includes('/previews.jpg?') && response.status() === 200);
    const bar = await page.locator('.seek').boundingBox();
    await page.mouse.move(bar.x + bar.width * 0.6, bar.y + bar.height / 2);
    await page.getByTestId('preview-tile').waitFor();
    await tile;
    const shown = await page.locator('.seek-preview span').textContent();
    assert.match(shown, /^00:00:1[78]$/);
    await page.getByText(`by ${OPERATOR.email}`).waitFor();
    await shot(page, '22-player-preview');
    await page.mouse.move(0, 0);
  });

  await step('Snapshot downloads a PNG named after the pin and the time of the frame', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Snapshot' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^Atrium_North-2026-11-20T14_00_05\.000Z\.png$/);
    const saved = join(WORK, file.suggestedFilename());
    await file.saveAs(saved);
    assert.deepEqual([...readFileSync(saved).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(statSync(saved).size > 10_000, 'the PNG holds a frame');
  });

  await step('with 20 s links the clip plays from the start to its end, and a new link was fetched', async () => {
    const linksBefore = linkRequests.length;
    await page.keyboard.press('0');
    await page.getByRole('button', { name: 'Play' }).click();
    const started = Date.now();
    let last = 0;
    for (;;) {
      await page.waitForTimeout(500);
      const now = await time(page);
      assert.ok(now >= last - 0.3, `playback went back from ${last} to ${now}`);
      last = now;
      if (now >= 29.5 || (await page.locator('video.shown').evaluate((video) => video.ended))) break;
      assert.ok(Date.now() - started < 60_000, `playback reached ${now} s in 60 s`);
    }
    assert.ok(Date.now() - started > 25_000, 'it played for longer than a link lasts');
    assert.ok(linkRequests.length > linksBefore, 'the player fetched a new link while it played');
  });

  await step('an operator deletes from the list: the dialog names the file, then it is gone (API 404)', async () => {
    await page.goto(listUrl);
    await page.getByRole('button', { name: 'Delete atrium-30s.mp4' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete atrium-30s.mp4?' });
    await dialog.waitFor();
    await shot(page, '23-delete-dialog');
    // a viewer, meanwhile, sees no Delete at all
    const viewerContext = await browser.newContext({ viewport: { width: 768, height: 1000 } });
    const viewer = await signIn(viewerContext, VIEWER);
    await viewer.goto(listUrl);
    await viewer.getByRole('link', { name: 'atrium-30s.mp4', exact: true }).waitFor();
    assert.equal(await viewer.getByRole('button', { name: /Delete/ }).count(), 0);
    await shot(viewer, '24-library-viewer-768');
    await viewer.goto(`${app.baseUrl}/videos/${processed.videoId}`);
    await viewer.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    await viewer.getByRole('button', { name: 'Play' }).waitFor();
    await shot(viewer, '25-player-768');
    await viewerContext.close();

    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted atrium-30s.mp4.').waitFor();
    await page.getByRole('link', { name: 'atrium-30s.mp4', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'not-a-video.mp4', exact: true }).waitFor();
    assert.equal((await api.call('GET', `/api/videos/${processed.videoId}`, operatorToken)).status, 404);
  });

  console.log(`review journey: ${steps.length} steps passed; screenshots in ${SCREENSHOTS}`);
} catch (error) {
  console.error(`review journey failed after ${steps.length} steps; the app's log is ${app.logPath}`);
  throw error;
} finally {
  await browser.close();
  await app.stop();
}
