// The journey of motion in Debian's Chromium against the real jar: a clip in which a box moves in
// one corner from 5 to 8 s and from 20 to 21 s (and the whole frame brightens at 12 s) is uploaded
// and processed; the player's activity strip shows the two events, N jumps to the first, Shift+N back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, WORK, apiClient, journeySteps, launchBrowser, shot, signIn, startApp, uploadProcessed } from './harness.mjs';

const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };
const ANALYST = { email: 'motion-analyst@e2e.example', password: 'motion-password-1' };

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(WORK, { recursive: true });
const clip = join(WORK, 'car-park-motion-30s.mp4');
if (!existsSync(clip)) {
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x808080:s=640x360:r=25:d=30', '-f', 'lavfi', '-i', 'color=c=0xC8C8C8:s=60x60:r=25:d=30',
    '-filter_complex', "[0:v][1:v]overlay=x='30+60*(1+sin(t*4))':y=40:enable='between(t,5,8)+between(t,20,21)',eq=brightness=0.2:enable='gte(t,12)',noise=alls=16:allf=t",
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', clip,
  ]);
}

const app = await startApp({ name: 'motion-journey' });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();
const { step, passed } = journeySteps();
const time = (page) => page.locator('video.shown').evaluate((video) => video.currentTime);

try {
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const mallId = (await api.call('POST', '/api/malls', admin, { name: 'Lakeside Mall' })).body.id;
  const pinId = (await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: 'Car Park Gate' })).body.id;
  const created = await api.call('POST', '/api/users', admin, { ...ANALYST, role: 'VIEWER', mall_ids: [mallId] });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const videoId = await uploadProcessed(api, admin, mallId, pinId, clip, 'car-park-motion-30s.mp4', '2026-11-29T08:00:00Z');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await signIn(context, app.baseUrl, ANALYST);

  await step('the activity strip under the seek bar shows the two events', async () => {
    await page.goto(`${app.baseUrl}/videos/${videoId}`);
    await page.locator('video.shown[src*="/proxy?"]').waitFor({ state: 'attached' });
    const strip = page.getByRole('img', { name: /^Activity of this video/ });
    await strip.waitFor();
    const values = (await api.call('GET', `/api/videos/${videoId}/activity`, admin)).body.activity;
    const moving = values.map((value, second) => (value >= 68 ? second : null)).filter((second) => second !== null);
    assert.ok(moving.includes(6) && moving.includes(20), `motion at 5–8 s and 20–21 s: ${moving}`);
    assert.ok(!moving.includes(12) && !moving.includes(15), `the brightness step is not motion: ${moving}`);
    assert.ok(Number(await strip.getAttribute('data-motion')) >= 4);
    await shot(page, '70-activity-strip');
  });

  await step('N jumps to the first event, again to the second, Shift+N back', async () => {
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.keyboard.press('n');
    await page.getByText(/^Motion at 00:00:0[45]$/).waitFor();
    const first = await time(page);
    assert.ok(first >= 4 && first <= 6, `first event at ${first}`);
    await page.keyboard.press('n');
    await page.getByText(/^Motion at 00:00:(19|20)$/).waitFor();
    await page.keyboard.press('Shift+N');
    await page.getByText(/^Motion at 00:00:0[45]$/).waitFor();
    await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
    await page.getByText('Next motion / Previous motion').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  await step('the pin timeline has the strip along the bar', async () => {
    await page.goto(`${app.baseUrl}/malls/${mallId}/pins/${pinId}/timeline?date=2026-11-29&t=2026-11-29T08:00:05Z`);
    await page.getByRole('img', { name: /^Activity on the timeline/ }).waitFor();
    await page.setViewportSize({ width: 768, height: 1000 });
    await shot(page, '71-timeline-activity-768');
  });

  await step('Search motion: a rectangle drawn on the corner finds the two events; the second plays from 2 s before it', async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.getByRole('button', { name: 'Search motion' }).click();
    const drawer = page.getByTestId('region-drawer');
    await drawer.waitFor();
    await page.getByRole('img', { name: "The camera's view, to draw search regions on" }).waitFor();
    await drawer.scrollIntoViewIfNeeded();
    const box = await drawer.boundingBox();
    await page.mouse.move(box.x + box.width * 0.01, box.y + box.height * 0.01);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.35, { steps: 4 });
    await page.mouse.up();
    const width = Number(await page.getByLabel('Region 1 width').inputValue());
    assert.ok(width > 0.35 && width < 0.42, `drawn width ${width}`);
    assert.match(new URL(page.url()).searchParams.get('motion') ?? '', /^0\.0\d*,0\.0\d*,0\.3\d*,0\.3\d*$/);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(/^2 hits in /).waitFor();
    await page.getByTestId('hit-tile').nth(1).waitFor();
    await shot(page, '72-motion-search');
    await page.getByRole('button', { name: /^08:00:(19|20|21) UTC$/ }).click();
    await page.waitForFunction(() => {
      const video = document.querySelector('video.shown');
      return !!video && video.readyState >= 2 && video.currentTime >= 17 && video.currentTime <= 20;
    });
  });

  await step('a region elsewhere says what to try, and the search is a link', async () => {
    await page.getByLabel('Region 1 x').fill('0.6');
    await page.getByLabel('Region 1 y').fill('0.6');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No motion found here: try a larger region or a higher sensitivity.').waitFor();
    const link = page.url();
    // a colleague who opens the link signs in, in a tab of their own, and gets the same search
    const other = await signIn(context, app.baseUrl, ANALYST);
    await other.goto(link);
    assert.equal(await other.getByLabel('Region 1 x').inputValue(), '0.6');
    await other.close();
  });

  await step('a window of its own (From / To on the mall clock) finds only what is in it', async () => {
    await page.getByLabel('Region 1 x').fill('0.01');
    await page.getByLabel('Region 1 y').fill('0.01');
    await page.getByLabel(/^From/).last().fill('2026-11-29T08:00:15');
    await page.getByLabel(/^To/).last().fill('2026-11-29T08:00:30');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(/^1 hit in 15 s of footage/).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('motion_from'), '2026-11-29T08:00:15.000Z');
    await page.getByRole('button', { name: '08:00:20 UTC' }).waitFor();
  });

  console.log(`Motion journey: ${passed.length} steps passed.`);
} catch (error) {
  console.error(`Motion journey failed after ${passed.length} steps; the app's log is ${app.logPath}`);
  throw error;
} finally {
  await browser.close();
  await app.stop();
}
