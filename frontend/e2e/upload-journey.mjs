// The journey of Web UI part 1 in Debian's Chromium against the real jar: sign in, set up a mall,
// a pin and an operator through the admin pages, and upload as that operator: a clip that is
// processed to "Complete", the same clip again ("Already uploaded"), a .txt that is refused, a
// 60 MB file reloaded after two parts and resumed, a cancelled upload, and an upload from the page
// opened at 127.0.0.1 (the embedded S3 allows any origin).
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, WORK, apiClient, launchBrowser, makeVideo, startApp } from './harness.mjs';

const OPERATOR = { email: 'operator@e2e.example', password: 'operator-password-1' };
const MALL = 'Northgate Mall';
const PIN = 'Entrance A';

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(WORK, { recursive: true });

const clip = makeVideo(join(WORK, 'entrance-20s.mp4'), { seconds: 20 });
const big = makeVideo(join(WORK, 'entrance-60mb.mp4'), { seconds: 3, noise: true });
const other = makeVideo(join(WORK, 'loading-bay-6s.mp4'), { seconds: 6, noise: true });
const sideDoor = makeVideo(join(WORK, 'side-door-8s.mp4'), { seconds: 8 });
const notes = join(WORK, 'notes.txt');
writeFileSync(notes, 'not a video\n');
assert.ok(statSync(big).size > 55_000_000, 'the big file is about 60 MB');

const app = await startApp({ name: 'upload-journey' });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(20_000);
page.on('crash', () => console.error('the page crashed'));
page.on('close', () => console.error('the page closed'));
browser.on('disconnected', () => console.error('the browser went away'));
const steps = [];
let current = 'start';

/** Every file the embedded S3 server keeps for a video (its objects and multipart uploads). */
function objectsOf(videoId) {
  return readdirSync(join(app.dataDir, 'objects'), { recursive: true }).filter((path) => String(path).includes(videoId));
}

const shot = (name, target = page) => target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function step(name, body) {
  current = name;
  const started = Date.now();
  await body();
  steps.push(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(steps.at(-1));
}

/** A PUT of a part of the file (the page's storage check, an empty PUT before it, is not one). */
const isPartPut = (request) => request.method() === 'PUT' && new URL(request.url()).searchParams.has('partNumber');

const status = (text) => page.getByRole('status').filter({ hasText: text });
const row = (name) => page.getByRole('list').getByRole('listitem', { name, exact: true });

/**
 * Holds every PUT to the storage until `release(n)`, which sends it from here and hands its
 * answer to the page, so that the test knows exactly which parts the storage has.
 */
function storageGate() {
  const waiting = [];
  const gate = { answered: 0, stored: [] };
  const forward = async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response });
      gate.answered++;
      gate.stored.push(Number(new URL(route.request().url()).searchParams.get('partNumber')));
    } catch {
      // the page went away (a reload) while this part was on its way
    }
  };
  gate.install = () =>
    page.route(
      (url) => url.port === String(app.s3Port),
      async (route) => {
        // the page's storage check (an empty PUT before the file) goes through; parts are held
        if (!isPartPut(route.request())) return route.continue();
        waiting.push(route);
      },
    );
  gate.release = async (n) => {
    for (let i = 0; i < n; i++) {
      while (waiting.length === 0) await page.waitForTimeout(50);
      await forward(waiting.shift());
    }
  };
  gate.dropHeld = () => waiting.splice(0).length;
  gate.remove = () => page.unrouteAll({ behavior: 'ignoreErrors' });
  return gate;
}

try {
  await step('an unknown address goes to sign-in, which refuses a wrong password with a sentence', async () => {
    await page.goto(`${app.baseUrl}/admin`);
    await page.waitForURL(/\/login\?next=%2Fadmin/);
    await page.getByLabel('Email').fill('admin@e2e.example');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    await shot('01-login-refused');
  });

  await step('the admin signs in and lands where they were going', async () => {
    await page.getByLabel('Password').fill('admin-password-e2e');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
  });

  await step('the admin pages create a mall, a pin and an operator, and show the server sentence by the field', async () => {
    await page.getByLabel('Mall name').fill(MALL);
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Create mall' }).click();
    await status(`Mall “${MALL}” created, in Europe/Berlin.`).waitFor();
    await page.getByRole('textbox', { name: `Time zone of ${MALL}` }).or(page.getByRole('combobox', { name: `Time zone of ${MALL}` }))
      .waitFor();
    await page.getByLabel('Mall name').fill(MALL);
    await page.getByRole('button', { name: 'Create mall' }).click();
    await page.locator('#mall-name-error').filter({ hasText: 'already exists' }).waitFor();

    await page.getByLabel('Mall', { exact: true }).selectOption({ label: MALL });
    await page.getByLabel('Pin name').fill(PIN);
    await page.getByRole('button', { name: 'Create pin' }).click();
    await status(`Pin “${PIN}” created in ${MALL}.`).waitFor();

    await page.locator('#user-email').fill('not-an-address');
    await page.locator('#user-password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('#user-email-error').waitFor();
    await page.locator('#user-password-error').filter({ hasText: /8/ }).waitFor();
    await shot('02-admin-validation');

    await page.locator('#user-email').fill(OPERATOR.email);
    await page.locator('#user-password').fill(OPERATOR.password);
    await page.getByLabel('Role', { exact: true }).selectOption('OPERATOR');
    await page.getByRole('group', { name: 'Granted malls' }).getByLabel(MALL).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await status(`User ${OPERATOR.email} created as operator.`).waitFor();
    await page.getByRole('cell', { name: OPERATOR.email, exact: true }).waitFor();
    await shot('03-admin');
  });

  await step('"Sign out" ends the session; the operator signs in and sees the mall and its pin', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    // React Router changes the URL before it renders the page: until then 'Email' is the admin form's
    await page.getByText('Sign in to upload and review footage.').waitFor();
    await page.getByLabel('Email').fill(OPERATOR.email);
    await page.getByLabel('Password').fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/malls$/);
    await page.getByRole('heading', { name: MALL }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'an operator has no admin link');
    await shot('04-malls');
    await page.getByRole('link', { name: `Upload to ${PIN}` }).click();
    await page.waitForURL(/\/malls\/[^/]+\/pins\/[^/]+\/upload$/);
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByText(MALL).waitFor();
  });

  const uploadUrl = page.url();
  const apiRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/uploads/')) apiRequests.push(request);
  });

  await step('a .txt is refused with a sentence and sends no request', async () => {
    const before = apiRequests.length;
    await page.locator('input[type=file]').setInputFiles(notes);
    await page.getByRole('alert').filter({ hasText: '“notes.txt” is not an MP4 video' }).waitFor();
    assert.equal(apiRequests.length, before);
    await shot('05-refused-txt');
  });

  await step('a 20 s clip goes through checksum, upload and processing to "Complete", verified', async () => {
    await page.locator('input[type=file]').setInputFiles(clip);
    const draft = row('entrance-20s.mp4');
    await draft.getByLabel('Recorded at').fill('2026-11-30T08:15:00');
    await draft.getByLabel('Operator notes').fill('Morning opening, north doors');
    await shot('06-draft');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await status('✅ Complete').waitFor({ timeout: 120_000 });
    await row('entrance-20s.mp4').getByText('Verified').waitFor();
    // typed on the mall's wall clock (Europe/Berlin), shown back on it
    await row('entrance-20s.mp4').getByText('Recorded at 30 Nov 2026, 08:15:00 CET').waitFor();
    await shot('07-complete');
    await page.getByRole('link', { name: 'Play' }).click();
    await page.getByRole('heading', { name: 'entrance-20s.mp4' }).waitFor();
    await page.getByText('Morning opening, north doors').waitFor();
    await shot('08-video-details');
    await page.goto(uploadUrl);
  });

  await step('the same clip again is "Already uploaded" and sends no part', async () => {
    const puts = [];
    const count = (request) => isPartPut(request) && puts.push(request.url());
    page.on('request', count);
    await page.locator('input[type=file]').setInputFiles(clip);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await status('Already uploaded').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Open the existing video' }).waitFor();
    page.off('request', count);
    assert.deepEqual(puts, []);
    await shot('09-duplicate');
    await page.goto(uploadUrl);
  });

  let totalParts = 0;
  let storedAtReload = 0;
  let partsStoredBeforeReload = [];
  await step('a 60 MB upload reloaded after two parts lists what is stored', async () => {
    const gate = storageGate();
    await gate.install();
    await page.locator('input[type=file]').setInputFiles(big);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await status(/Uploading: \d+ %/).waitFor({ timeout: 60_000 });
    await gate.release(2);
    assert.equal(gate.answered, 2);
    partsStoredBeforeReload = [...gate.stored];
    await row('entrance-60mb.mp4').getByText(/\(2 of \d+ parts\)/).waitFor();
    const transfer = await row('entrance-60mb.mp4').getByText(/parts\)/).textContent();
    totalParts = Number(/of (\d+) parts/.exec(transfer)[1]);
    assert.ok(totalParts >= 6, `60 MB is at least 6 parts (${transfer})`);
    const dialogs = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload({ waitUntil: 'load' });
    assert.deepEqual(dialogs, ['beforeunload'], 'leaving mid-upload asks for confirmation');
    gate.dropHeld();
    await gate.remove();
    const journal = page.getByRole('region', { name: 'Unfinished uploads' });
    await journal.getByText(/\d+ of \d+ parts stored — choose the file again to resume/).waitFor();
    const line = await journal.getByRole('status').textContent();
    storedAtReload = Number(/(\d+) of (\d+) parts stored/.exec(line)[1]);
    assert.equal(storedAtReload, 2, line);
    assert.match(line, new RegExp(`of ${totalParts} parts stored`));
    await shot('10-unfinished-after-reload');
  });

  await step('choosing the file again sends only the missing parts and completes as one video', async () => {
    const puts = [];
    const count = (request) => isPartPut(request) && puts.push(request.url());
    page.on('request', count);
    await page.locator('input[type=file]').setInputFiles(big);
    await row('entrance-60mb.mp4').getByText('Resumes the upload begun earlier').waitFor();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await status('✅ Complete').waitFor({ timeout: 180_000 });
    page.off('request', count);
    assert.equal(puts.length, totalParts - storedAtReload, `PUTs after the reload: ${puts.length}`);
    const sentParts = puts.map((url) => Number(new URL(url).searchParams.get('partNumber'))).sort((a, b) => a - b);
    // the two parts let through first are whichever two the page had sent first, not always 1 and 2
    const missing = Array.from({ length: totalParts }, (_, i) => i + 1).filter((n) => !partsStoredBeforeReload.includes(n));
    assert.deepEqual(sentParts, missing);
    const token = await api.login(OPERATOR.email, OPERATOR.password);
    const [mallId, pinId] = /malls\/([^/]+)\/pins\/([^/]+)/.exec(uploadUrl).slice(1);
    const list = await api.call('GET', `/api/malls/${mallId}/pins/${pinId}/videos?limit=200`, token);
    const copies = list.body.videos.filter((video) => video.filename === 'entrance-60mb.mp4');
    assert.equal(copies.length, 1, 'one video for the resumed file');
    assert.equal(copies[0].upload_status, 'uploaded');
    await shot('11-resumed-complete');
    await page.goto(uploadUrl);
  });

  await step('Cancel, once confirmed, leaves no upload on the server', async () => {
    const gate = storageGate();
    await gate.install();
    const initiated = page.waitForResponse((response) => response.url().endsWith('/uploads/initiate'));
    await page.locator('input[type=file]').setInputFiles(other);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const videoId = (await (await initiated).json()).video_id;
    await status(/Uploading: \d+ %/).waitFor();
    await gate.release(1);
    assert.equal(gate.answered, 1);
    assert.ok(objectsOf(videoId).length > 0, 'the part sent before the cancel is in the storage');
    await page.getByRole('button', { name: 'Cancel loading-bay-6s.mp4' }).click();
    await page.getByRole('alertdialog').waitFor();
    await shot('12-cancel-confirm');
    await page.getByRole('button', { name: 'Yes, cancel the upload' }).click();
    await status('Cancelled').waitFor();
    gate.dropHeld();
    await gate.remove();
    const token = await api.login('admin@e2e.example', 'admin-password-e2e');
    assert.equal((await api.call('GET', `/api/videos/${videoId}`, token)).status, 404);
    assert.deepEqual(objectsOf(videoId), [], 'nothing of the cancelled upload is left in the storage');
  });

  await step('a 401 anywhere returns to sign-in and then back to the page', async () => {
    await page.evaluate(() => sessionStorage.setItem('siv.token', 'expired.token.value'));
    await page.goto(uploadUrl);
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('status').filter({ hasText: 'Your session ended' }).waitFor();
    await page.getByLabel('Email').fill(OPERATOR.email);
    await page.getByLabel('Password').fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(uploadUrl);
  });

  await step('the pages work at tablet width (768 px) and the list shows posters', async () => {
    const videosPath = new URL(uploadUrl).pathname.replace(/upload$/, 'videos');
    await page.goto(app.baseUrl + videosPath);
    await page.getByRole('cell', { name: 'entrance-20s.mp4', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const posterWidth = await page.locator('td img').first().evaluate((img) => img.complete && img.naturalWidth);
    assert.ok(posterWidth > 0, 'the poster of a processed video is shown');
    await shot('16-videos');
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const [name, path] of [
      ['13-malls-768', '/malls'],
      ['14-upload-768', new URL(uploadUrl).pathname],
      ['15-videos-768', videosPath],
      ['17-admin-refused-768', '/admin'],
    ]) {
      await page.goto(app.baseUrl + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px at 768 px`);
      await shot(name);
    }
  });

  await step('opened at 127.0.0.1 instead of localhost, the page uploads a clip to "Complete"', async () => {
    const loopback = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other127 = await loopback.newPage();
    other127.setDefaultTimeout(20_000);
    const base = app.baseUrl.replace('//localhost:', '//127.0.0.1:');
    const uploadPath = new URL(uploadUrl).pathname;
    await other127.goto(base + uploadPath);
    await other127.getByLabel('Email').fill(OPERATOR.email);
    await other127.getByLabel('Password').fill(OPERATOR.password);
    await other127.getByRole('button', { name: 'Sign in' }).click();
    await other127.waitForURL(base + uploadPath);
    await other127.locator('input[type=file]').setInputFiles(sideDoor);
    await other127.getByRole('button', { name: 'Upload', exact: true }).click();
    await other127.getByRole('status').filter({ hasText: '✅ Complete' }).waitFor({ timeout: 120_000 });
    await shot('18-upload-at-127.0.0.1', other127);
    await other127.setViewportSize({ width: 768, height: 1024 });
    await shot('19-upload-at-127.0.0.1-768', other127);
    await loopback.close();
  });

  console.log(`\nupload journey: ${steps.length} steps passed; screenshots in ${SCREENSHOTS}`);
} catch (error) {
  console.error(`✗ ${current}\n`, error);
  await shot(`FAILED-${current.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => {});
  console.error(`app log: ${app.logPath}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await app.stop();
}
