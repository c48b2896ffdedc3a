// The journey of issue 21 in Debian's Chromium against the real jar: in a mall set to Europe/Berlin,
// four clips on one pin (two consecutive, one after a 12-minute gap, one overlapping it) are on the
// day bar; "Go to time" plays the right clip at the right offset; playing over a clip's end goes on
// into the next and over the gap shows the notice; a reload reopens the same moment; a viewer of
// another mall gets "not found". Screenshots at 1280 and 768 px, at localhost and 127.0.0.1.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, journeySteps, launchBrowser, makeVideo, SCREENSHOTS, shot, signIn as signInAt, startApp, WORK } from './harness.mjs';

const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };
const ANALYST = { email: 'analyst@e2e.example', password: 'analyst-password-1' };
const OUTSIDER = { email: 'outsider@e2e.example', password: 'outsider-password-1' };
const DAY = '2026-11-20';
const SECONDS = 12;

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(WORK, { recursive: true });
const clip = makeVideo(join(WORK, `timeline-${SECONDS}s.mp4`), { seconds: SECONDS });

const app = await startApp({ name: 'timeline-journey' });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();
const { step, passed: steps } = journeySteps();

/** The same footage four times, told apart by name and recording time (a byte appended changes the checksum). */
async function upload(token, mallId, pinId, name, recordedAt, salt) {
  const bytes = Buffer.concat([readFileSync(clip), Buffer.from([salt])]);
  const uploads = `/api/malls/${mallId}/pins/${pinId}/uploads`;
  const initiated = await api.call('POST', `${uploads}/initiate`, token, {
    filename: name,
    file_size_bytes: bytes.length,
    checksum_sha256: createHash('sha256').update(bytes).digest('hex'),
    metadata: { recorded_at: recordedAt },
  });
  assert.equal(initiated.status, 201, JSON.stringify(initiated.body));
  const { video_id: videoId, part_size_bytes: partSize, presigned_urls: urls } = initiated.body;
  for (const { part_number: number, url } of urls) {
    const put = await fetch(url, { method: 'PUT', body: bytes.subarray((number - 1) * partSize, number * partSize) });
    assert.equal(put.status, 200);
  }
  const complete = await api.call('POST', `${uploads}/${videoId}/complete`, token);
  assert.equal(complete.status, 200, JSON.stringify(complete.body));
  return videoId;
}

const signIn = (context, user, base = app.baseUrl) => signInAt(context, base, user, 30_000);


/** The wall clock under the player, `14:00:15.3 CET`, as seconds of the day. */
async function wallClock(page) {
  const text = await page.getByTestId('wall-clock').textContent();
  const match = /^(\d\d):(\d\d):(\d\d)\.(\d) (\S+)$/.exec(text.trim());
  assert.ok(match, `the wall clock reads ${text}`);
  assert.equal(match[5], 'CET');
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 10;
}

const seconds = (hh, mm, ss) => hh * 3600 + mm * 60 + ss;

async function goTo(page, time) {
  await page.getByLabel('Go to time').fill(time);
  await page.getByRole('button', { name: 'Go', exact: true }).click();
}

const playing = (page, name) => page.locator('.clip-line strong', { hasText: name }).waitFor();

try {
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const mall = await api.call('POST', '/api/malls', admin, { name: 'Alexa Berlin', time_zone: 'Europe/Berlin' });
  assert.equal(mall.status, 201, JSON.stringify(mall.body));
  const mallId = mall.body.id;
  const pinId = (await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: 'Entrance 3' })).body.id;
  await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: 'Food court' });
  const otherMall = (await api.call('POST', '/api/malls', admin, { name: 'Elsewhere' })).body.id;
  for (const [user, role, malls] of [
    [ANALYST, 'VIEWER', [mallId]],
    [OUTSIDER, 'VIEWER', [otherMall]],
  ]) {
    const created = await api.call('POST', '/api/users', admin, { ...user, role, mall_ids: malls });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  // 14:00:00 and 14:00:12 CET back to back; 14:12:12 after a gap of about 12 minutes; 14:12:18 overlapping it
  const ids = [];
  for (const [salt, name, at] of [
    [1, 'entrance-1400.mp4', `${DAY}T13:00:00Z`],
    [2, 'entrance-1400b.mp4', `${DAY}T13:00:${SECONDS}Z`],
    [3, 'entrance-1412.mp4', `${DAY}T13:12:12Z`],
    [4, 'entrance-1412b.mp4', `${DAY}T13:12:18Z`],
  ]) {
    ids.push(await upload(admin, mallId, pinId, name, at, salt));
  }
  for (const deadline = Date.now() + 180_000; ; ) {
    const states = await Promise.all(ids.map(async (id) => (await api.call('GET', `/api/videos/${id}`, admin)).body.processing_status));
    assert.ok(!states.includes('failed'), `no clip fails: ${states}`);
    if (states.every((state) => state === 'completed')) break;
    assert.ok(Date.now() < deadline, `the clips are processed within 180 s: ${states}`);
    await new Promise((resume) => setTimeout(resume, 1000));
  }
  const timelineUrl = `${app.baseUrl}/malls/${mallId}/pins/${pinId}/timeline?date=${DAY}`;

  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await signIn(context, ANALYST);

  await step('the day bar shows the four clips, the gaps and the overlap, in CET', async () => {
    await page.goto(timelineUrl);
    await page.getByText('4 clips, 3 gaps without footage').waitFor();
    await page.getByText('overlapping clips in 2 lanes').waitFor();
    await page.getByText(/Fri 20 Nov 2026/).waitFor();
    await page.getByText('List of the day’s clips (4)').click();
    for (const time of ['14:00:00 CET', '14:00:12 CET', '14:12:12 CET', '14:12:18 CET']) {
      await page.getByRole('cell', { name: time, exact: true }).first().waitFor();
    }
    await shot(page, '40-timeline-day');
  });

  await step('"Go to time" 14:00:15 plays the second clip 3 s in: the wall clock shows the time asked ± 1 s', async () => {
    await goTo(page, '14:00:15');
    await playing(page, 'entrance-1400b.mp4');
    await page.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 3) < 0.5);
    assert.ok(Math.abs((await wallClock(page)) - seconds(14, 0, 15)) <= 1, 'the wall clock is the time asked');
    assert.match(page.url(), /t=2026-11-20T13%3A00%3A15/);
    await page.getByLabel('Go to time').fill('25:00');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'There is no hour 25' }).waitFor();
  });

  await step('hovering the bar shows the wall-clock time and the preview tile of that moment', async () => {
    for (let i = 0; i < 11; i++) await page.getByRole('button', { name: 'Zoom in (+)' }).click();
    const canvas = page.getByTestId('timeline-canvas');
    const box = await canvas.boundingBox();
    const { start, end } = await canvas.evaluate((element) => ({ start: Number(element.dataset.viewStart), end: Number(element.dataset.viewEnd) }));
    const at = new Date(`${DAY}T13:00:18Z`).getTime();
    assert.ok(at > start && at < end, 'the zoomed bar shows 14:00:18');
    await page.mouse.move(box.x + ((at - start) / (end - start)) * box.width, box.y + 40);
    const hover = page.getByTestId('timeline-hover');
    await hover.getByText(/^14:00:1\d CET$/).waitFor();
    await page.getByTestId('timeline-preview-tile').waitFor();
    await shot(page, '41-timeline-zoomed-hover');
    await page.mouse.move(0, 0);
    await page.getByRole('button', { name: 'Whole day' }).click();
  });

  await step('playing over the end of the first clip continues into the next, speed kept', async () => {
    await goTo(page, '14:00:09');
    await playing(page, 'entrance-1400.mp4');
    await page.waitForFunction(() => !document.querySelector('video.shown').paused && document.querySelector('video.shown').currentTime > 9);
    await page.getByLabel('Playback speed').selectOption('2');
    await playing(page, 'entrance-1400b.mp4');
    await page.waitForFunction(() => !document.querySelector('video.shown').paused && document.querySelector('video.shown').currentTime > 0.3);
    assert.equal(await page.locator('video.shown').evaluate((video) => video.playbackRate), 2);
    const wall = await wallClock(page);
    assert.ok(wall > seconds(14, 0, 12) && wall < seconds(14, 0, 24), `the wall clock is in the second clip: ${wall}`);
  });

  await step('playing over the gap skips it with a notice and plays the clip after it', async () => {
    await playing(page, 'entrance-1412.mp4');
    await page.getByRole('status').filter({ hasText: '12 min without footage skipped' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('video.shown').paused);
    await shot(page, '42-timeline-gap-skipped');
  });

  await step('J crosses back out of the overlapping clip into the nearest footage', async () => {
    await page.keyboard.press('k');
    await goTo(page, '14:12:20');
    await playing(page, 'entrance-1412b.mp4');
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 2) < 0.5);
    await page.keyboard.press('j');
    // 10 s back from 14:12:20 is 14:12:10: before both 14:12 clips, in the gap: the end of the clip before
    await playing(page, 'entrance-1412.mp4');
  });

  await step('reloading the URL reopens the same moment', async () => {
    await goTo(page, '14:12:15');
    await playing(page, 'entrance-1412.mp4');
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 3) < 0.5);
    await page.waitForURL(/t=2026-11-20T13%3A12%3A15/);
    await page.reload();
    await playing(page, 'entrance-1412.mp4');
    await page.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => Math.abs(document.querySelector('video.shown').currentTime - 3) < 0.5);
    assert.ok(Math.abs((await wallClock(page)) - seconds(14, 12, 15)) <= 1, 'the same moment after a reload');
  });

  await step('the mall page has one lane per pin and opens a pin at the moment clicked', async () => {
    await page.goto(`${app.baseUrl}/malls/${mallId}/timeline?date=${DAY}`);
    await page.getByText('2 pins, 4 clips on this day').waitFor();
    await shot(page, '43-mall-timeline');
    // "Go to time" shows the hour around 14:00:05; a click on Entrance 3's lane there opens it at that moment
    await goTo(page, '14:00:05');
    await page.getByText(/^Showing 13:30 CET – 14:30 CET$/).waitFor();
    const canvas = page.getByTestId('timeline-canvas');
    const box = await canvas.boundingBox();
    const { start, end } = await canvas.evaluate((element) => ({ start: Number(element.dataset.viewStart), end: Number(element.dataset.viewEnd) }));
    const at = new Date(`${DAY}T13:00:05Z`).getTime();
    const labels = 130;
    // the first lane is Entrance 3 (pins by name), below the 26 px of hour labels
    await page.mouse.click(box.x + labels + ((at - start) / (end - start)) * (box.width - labels), box.y + 36);
    await page.waitForURL(new RegExp(`/pins/${pinId}/timeline\\?date=${DAY}&t=`));
    const opened = Date.parse(new URL(page.url()).searchParams.get('t'));
    assert.ok(Math.abs(opened - at) < 10_000, `opened at ${new Date(opened).toISOString()}, clicked 13:00:05Z`);
    await playing(page, 'entrance-1400.mp4');
  });

  await step('the list and the clip page link to the timeline, which links back', async () => {
    await page.goto(`${app.baseUrl}/malls/${mallId}/pins/${pinId}/videos`);
    await page.getByRole('link', { name: 'entrance-1412.mp4 on the timeline' }).click();
    // the same instant, as the link wrote it or as the player writes it back once it plays (with .000)
    await page.waitForURL(/\/timeline\?date=2026-11-20&t=2026-11-20T13%3A12%3A12(\.000)?Z/);
    await playing(page, 'entrance-1412.mp4');
    await page.getByRole('link', { name: 'Open this clip’s page' }).click();
    await page.waitForURL(`**/videos/${ids[2]}`);
    await page.getByText('20 Nov 2026, 14:12:12 CET').waitFor();
    await page.getByRole('link', { name: 'Open on the timeline' }).waitFor();
  });

  await step('at 768 px and at 127.0.0.1 the page works the same', async () => {
    const narrow = await browser.newContext({ viewport: { width: 768, height: 1000 } });
    const other = await signIn(narrow, ANALYST, app.baseUrl.replace('localhost', '127.0.0.1'));
    await other.goto(`${app.baseUrl.replace('localhost', '127.0.0.1')}/malls/${mallId}/pins/${pinId}/timeline?date=${DAY}&t=2026-11-20T13%3A00%3A05Z`);
    await playing(other, 'entrance-1400.mp4');
    await other.getByText('4 clips, 3 gaps without footage').waitFor();
    await shot(other, '44-timeline-768');
    await narrow.close();
  });

  await step('a viewer of another mall gets "not found"', async () => {
    const outside = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const outsider = await signIn(outside, OUTSIDER);
    await outsider.goto(timelineUrl);
    await outsider.getByRole('heading', { name: 'Pin not found' }).waitFor();
    await outsider.goto(`${app.baseUrl}/malls/${mallId}/timeline?date=${DAY}`);
    await outsider.getByRole('heading', { name: 'Mall not found' }).waitFor();
    await outside.close();
  });

  console.log(`\nTimeline journey: ${steps.length} steps passed.`);
} catch (error) {
  console.error(steps.join('\n'));
  console.error(`The timeline journey failed; the app's log is ${app.logPath}`);
  throw error;
} finally {
  await browser.close();
  await app.stop();
}
